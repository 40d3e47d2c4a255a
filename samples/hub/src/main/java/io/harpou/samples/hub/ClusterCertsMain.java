package io.harpou.samples.hub;

import io.harpou.bridge.vertx.cluster.trust.ClusterCertificates;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * {@code harpou cluster-certs DIR NODE...}: makes the household's cluster CA in {@code DIR} (once) and a certificate
 * and key for each node, for the event bus's TLS ({@code cluster.tls}).
 */
public final class ClusterCertsMain {

  static final String USAGE = "usage: harpou cluster-certs DIR NODE... (makes DIR/ca.pem and ca.key once, then"
      + " DIR/NODE.pem and NODE.key for each node; needs openssl)";

  private ClusterCertsMain() {
  }

  /** Runs the command and exits with its status. */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Makes the files; returns 0 on success, 1 on failure, 2 on misuse. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length < 2) {
      err.println(USAGE);
      return 2;
    }
    try {
      List<Path> written = ClusterCertificates.create(Path.of(args[0]),
          Arrays.asList(args).subList(1, args.length));
      written.forEach(file -> out.println("wrote " + file));
      out.println("Give each node its NODE.pem, NODE.key and ca.pem (cluster.tls.cert, key, ca); keep ca.key"
          + " off the nodes.");
      return 0;
    } catch (IllegalArgumentException e) {
      err.println("harpou cluster-certs: " + e.getMessage());
      return 2;
    } catch (IOException e) {
      err.println("harpou cluster-certs: " + e.getMessage());
      return 1;
    }
  }
}
