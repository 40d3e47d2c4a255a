package io.harpou.bridge.vertx.cluster.trust;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Makes the household's cluster CA and its nodes' certificates with {@code openssl}: {@code ca.pem} and
 * {@code ca.key} once, then {@code NAME.pem} and {@code NAME.key} for each node, valid for both ends of an event-bus
 * connection. Keys are EC P-256 and owner-only files; the CA's key signs nodes and should then leave the nodes'
 * machines. A command-line tool, not for an event loop: it waits for {@code openssl}.
 */
public final class ClusterCertificates {

  /** How long the CA and the certificates are valid. */
  public static final int DAYS = 3650;

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  private ClusterCertificates() {
  }

  /**
   * Writes the CA into {@code dir} unless it is there, then a certificate for each of {@code nodes}.
   *
   * @return the files written
   * @throws IllegalArgumentException for a node name that is not 1-64 letters, digits, dots, dashes or underscores
   * @throws IOException when openssl is missing or fails
   */
  public static List<Path> create(Path dir, List<String> nodes) throws IOException {
    for (String node : nodes) {
      if (!NAME.matcher(node).matches() || node.equals("ca")) {
        throw new IllegalArgumentException("a node's name is 1-64 letters, digits, '.', '-' or '_', not '" + node
            + "'");
      }
    }
    Files.createDirectories(dir);
    List<Path> written = new ArrayList<>();
    Path caKey = dir.resolve("ca.key");
    Path ca = dir.resolve("ca.pem");
    if (!Files.exists(ca)) {
      key(caKey);
      run(List.of("openssl", "req", "-x509", "-new", "-key", caKey.toString(), "-out", ca.toString(), "-days",
          String.valueOf(DAYS), "-subj", "/CN=Harpou household cluster CA", "-addext",
          "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign"));
      written.add(ca);
      written.add(caKey);
    }
    for (String node : nodes) {
      Path key = dir.resolve(node + ".key");
      Path csr = dir.resolve(node + ".csr");
      Path ext = dir.resolve(node + ".ext");
      Path cert = dir.resolve(node + ".pem");
      key(key);
      run(List.of("openssl", "req", "-new", "-key", key.toString(), "-out", csr.toString(), "-subj",
          "/CN=" + node));
      Files.writeString(ext, "basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\n"
          + "extendedKeyUsage=serverAuth,clientAuth\n", StandardCharsets.US_ASCII);
      run(List.of("openssl", "x509", "-req", "-in", csr.toString(), "-CA", ca.toString(), "-CAkey",
          caKey.toString(), "-CAcreateserial", "-out", cert.toString(), "-days", String.valueOf(DAYS), "-extfile",
          ext.toString()));
      Files.delete(csr);
      Files.delete(ext);
      written.add(cert);
      written.add(key);
    }
    return written;
  }

  private static void key(Path file) throws IOException {
    // Owner-only before openssl writes a byte into it.
    Files.deleteIfExists(file);
    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    run(List.of("openssl", "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out",
        file.toString()));
  }

  private static void run(List<String> command) throws IOException {
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new IOException("openssl is needed to make the cluster's certificates: " + e.getMessage(), e);
    }
    try {
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IOException("openssl failed: " + output.strip());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IOException("interrupted while openssl ran", e);
    }
  }
}
