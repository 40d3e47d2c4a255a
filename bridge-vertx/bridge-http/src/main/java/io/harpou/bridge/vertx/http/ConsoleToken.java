package io.harpou.bridge.vertx.http;

import io.harpou.bridge.api.BridgeException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's per-install secret, kept in the data directory's {@code console-token} file (readable by its owner
 * only) and made on first start. The hub prints the console's address with the token in its fragment
 * ({@code http://127.0.0.1:8099/#token=...}): the page keeps it in its own origin's storage and sends it as a bearer
 * credential, so no other page, port or host can obtain or replay it. It is accepted only from this machine.
 */
public final class ConsoleToken {

  /** The file, in the data directory, that holds the token. */
  public static final String FILE_NAME = "console-token";

  private static final Logger LOG = LoggerFactory.getLogger(ConsoleToken.class);
  private static final Pattern FORM = Pattern.compile("hpc_[A-Za-z0-9_-]{43}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private ConsoleToken() {
  }

  /**
   * Reads the token from {@code dataDir}, making it first when the file is missing or does not hold one. Runs the
   * file work off the event loop; the Future fails with {@link BridgeException} when the file cannot be written.
   */
  public static Future<String> loadOrCreate(Vertx vertx, Path dataDir) {
    return vertx.executeBlocking(() -> {
      Path file = dataDir.resolve(FILE_NAME);
      try {
        if (Files.exists(file)) {
          String stored = Files.readString(file).strip();
          if (FORM.matcher(stored).matches()) {
            return stored;
          }
          LOG.warn("{} does not hold a console token; making a new one", file);
          Files.delete(file);
        }
        return create(file);
      } catch (IOException e) {
        throw new BridgeException("cannot keep the console token in " + file + ": " + e.getMessage(), e);
      }
    }, false);
  }

  /** The console's address with the token in its fragment, never sent to any server. */
  public static String url(int port, String token) {
    return "http://127.0.0.1:" + port + "/#token=" + token;
  }

  private static String create(Path file) throws IOException {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String token = "hpc_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    Files.createDirectories(file.getParent());
    try {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(file);
    }
    Files.writeString(file, token + "\n");
    return token;
  }
}
