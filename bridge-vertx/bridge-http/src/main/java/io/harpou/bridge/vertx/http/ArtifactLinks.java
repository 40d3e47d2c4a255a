package io.harpou.bridge.vertx.http;

import io.harpou.bridge.api.BridgeException;
import io.harpou.bridge.api.artifact.ArtifactStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Short-lived signed links to one artifact, for the console's {@code <img>} tags, which cannot send a credential:
 * {@code /api/artifacts/ID?exp=SECONDS&sig=HMAC}. The signature is an HMAC-SHA256, under a secret kept in the data
 * directory ({@value #FILE_NAME}, owner-only, made on first start), of the method, the id and the expiry, so a link
 * opens only a GET of that one artifact until it expires; a link for another id, a later expiry or another method is
 * refused. Links are minted only for a caller that already holds the API.
 */
public final class ArtifactLinks {

  /** The file, in the data directory, that holds the secret. */
  public static final String FILE_NAME = "artifact-links.key";
  /** How long a link works: long enough for a page to load its images, short enough to be useless in a log. */
  public static final Duration LIFETIME = Duration.ofMinutes(5);

  private static final SecureRandom RANDOM = new SecureRandom();

  private final byte[] secret;
  private final Clock clock;

  ArtifactLinks(byte[] secret, Clock clock) {
    this.secret = secret.clone();
    this.clock = clock;
  }

  /** A signed link to {@code id}, valid for {@link #LIFETIME}. */
  public SignedLink sign(String id) {
    if (!ArtifactStore.isId(id)) {
      throw new IllegalArgumentException("not an artifact id");
    }
    long expires = clock.instant().plus(LIFETIME).getEpochSecond();
    return new SignedLink("/api/artifacts/" + id + "?exp=" + expires + "&sig=" + signature(id, expires),
        Instant.ofEpochSecond(expires));
  }

  /**
   * True when {@code sig} is this hub's signature of a GET of {@code id} until {@code exp}, and {@code exp} has not
   * passed (nor lies further ahead than a link ever does).
   */
  public boolean verify(String id, String exp, String sig) {
    if (!ArtifactStore.isId(id) || exp == null || sig == null || !exp.matches("[0-9]{1,12}")) {
      return false;
    }
    long expires = Long.parseLong(exp);
    long now = clock.instant().getEpochSecond();
    if (expires <= now || expires > now + LIFETIME.toSeconds()) {
      return false;
    }
    return MessageDigest.isEqual(signature(id, expires).getBytes(StandardCharsets.US_ASCII),
        sig.getBytes(StandardCharsets.US_ASCII));
  }

  private String signature(String id, long expires) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      byte[] digest = mac.doFinal(("GET\n" + id + "\n" + expires).getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java runtime has HmacSHA256", e);
    }
  }

  /**
   * The links of the secret in {@code dataDir}, made first when missing or unreadable. Runs the file work off the
   * event loop; fails with {@link BridgeException} when the file cannot be written.
   */
  public static Future<ArtifactLinks> loadOrCreate(Vertx vertx, Path dataDir) {
    return vertx.executeBlocking(() -> {
      Path file = dataDir.resolve(FILE_NAME);
      try {
        byte[] secret = Files.exists(file) ? Base64.getUrlDecoder().decode(Files.readString(file).strip()) : null;
        if (secret == null || secret.length < 32) {
          Files.deleteIfExists(file);
          secret = create(file);
        }
        return new ArtifactLinks(secret, Clock.systemUTC());
      } catch (IOException | IllegalArgumentException e) {
        throw new BridgeException("cannot keep the artifact link secret in " + file + ": " + e.getMessage(), e);
      }
    }, false);
  }

  private static byte[] create(Path file) throws IOException {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    Files.createDirectories(file.getParent());
    try {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(file);
    }
    Files.writeString(file, Base64.getUrlEncoder().withoutPadding().encodeToString(secret) + "\n");
    return secret;
  }

  /**
   * A signed link.
   *
   * @param path the path and query to request
   * @param expiresAt when it stops working
   */
  public record SignedLink(String path, Instant expiresAt) {
  }
}
