package io.harpou.bridge.vertx.cluster.trust;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A member's proof that it knows the household's cluster secret: an HMAC-SHA256 of its Vert.x node id under the
 * secret. The node id is what the event bus routes by, so a proof copied from another member only claims that
 * member's id, never a new one.
 */
final class MemberProof {

  private final byte[] secret;

  MemberProof(String secret) {
    if (secret == null || secret.length() < 16) {
      throw new IllegalArgumentException("cluster.secret must be at least 16 characters");
    }
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
  }

  /** The proof for {@code nodeId}. */
  String of(String nodeId) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return Base64.getEncoder().encodeToString(mac.doFinal(nodeId.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }

  /** True when {@code proof} is {@code nodeId}'s, compared in constant time. */
  boolean verifies(String nodeId, String proof) {
    if (nodeId == null || proof == null) {
      return false;
    }
    return MessageDigest.isEqual(of(nodeId).getBytes(StandardCharsets.US_ASCII),
        proof.getBytes(StandardCharsets.US_ASCII));
  }
}
