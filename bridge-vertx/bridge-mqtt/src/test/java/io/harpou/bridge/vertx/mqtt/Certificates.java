package io.harpou.bridge.vertx.mqtt;

import io.harpou.testkit.mqtt.Mosquitto;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A certificate authority and server certificates it signed, made with openssl for one test. */
final class Certificates {

  private Certificates() {
  }

  /** Writes an authority ({@code ca.pem}, {@code ca.key}) and its certificate for 127.0.0.1 ({@code server.*}). */
  static void authorityAndServer(Path dir) throws IOException {
    String d = dir.toString() + "/";
    Mosquitto.run(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", d + "ca.key",
        "-out", d + "ca.pem", "-days", "1", "-subj", "/CN=Harpou test CA"));
    server(dir, "server", "IP:127.0.0.1");
  }

  /**
   * Writes {@code NAME.pem} and {@code NAME.key} into {@code dir}: a server certificate for {@code subjectAltName}
   * ({@code IP:127.0.0.1}, {@code DNS:printer.local}) signed by the authority already there.
   */
  static void server(Path dir, String name, String subjectAltName) throws IOException {
    String d = dir.toString() + "/";
    Files.writeString(dir.resolve(name + ".ext"), "subjectAltName=" + subjectAltName + "\n");
    Mosquitto.run(List.of("openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", d + name + ".key", "-out",
        d + name + ".csr", "-subj", "/CN=" + subjectAltName.substring(subjectAltName.indexOf(':') + 1)));
    Mosquitto.run(List.of("openssl", "x509", "-req", "-in", d + name + ".csr", "-CA", d + "ca.pem", "-CAkey",
        d + "ca.key", "-CAcreateserial", "-out", d + name + ".pem", "-days", "1", "-extfile", d + name + ".ext"));
  }
}
