package io.harpou.bridge.vertx.artifact.impl;

import io.vertx.core.buffer.Buffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** An artifact's id: the SHA-256 of its bytes in lower-case hexadecimal. */
final class ContentIds {

  private ContentIds() {
  }

  static String of(Buffer content) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(content.getBytes());
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
