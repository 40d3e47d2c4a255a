package io.harpou.bridge.vertx.mqtt;

import io.harpou.testkit.mqtt.Mosquitto;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A certificate authority and a server certificate for 127.0.0.1 it signed, made with openssl for one test. */
final class Certificates {

  private Certificates() {
  }

  /** Writes {@code ca.pem}, {@code ca.key}, {@code server.pem} and {@code server.key} into {@code dir}. */
  static void authorityAndServer(Path dir) throws IOException {
    String d = dir.toString() + "/";
    Files.writeString(dir.resolve("san.ext"), "subjectAltName=IP:127.0.0.1\n");
    Mosquitto.run(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", d + "ca.key",
        "-out", d + "ca.pem", "-days", "1", "-subj", "/CN=Harpou test CA"));
    Mosquitto.run(List.of("openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", d + "server.key", "-out",
        d + "server.csr", "-subj", "/CN=127.0.0.1"));
    Mosquitto.run(List.of("openssl", "x509", "-req", "-in", d + "server.csr", "-CA", d + "ca.pem", "-CAkey",
        d + "ca.key", "-CAcreateserial", "-out", d + "server.pem", "-days", "1", "-extfile", d + "san.ext"));
  }
}
