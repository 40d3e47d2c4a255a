package io.harpou.bridge.vertx.mqtt.impl;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Every topic Harpou uses. Discovery configurations live under Home Assistant's prefix
 * ({@code homeassistant/<component>/<node>/<object>/config}); states and commands under the node id
 * ({@code harpou/satellite/kitchen/mute/set}).
 */
final class Topics {

  private static final Pattern SAFE = Pattern.compile("[a-z0-9_-]{1,40}");

  private final String prefix;
  private final String node;

  Topics(String prefix, String node) {
    this.prefix = prefix;
    this.node = node;
  }

  String node() {
    return node;
  }

  /** Harpou's availability: {@code online} while connected, {@code offline} (the last will) otherwise. */
  String availability() {
    return node + "/status";
  }

  /** Home Assistant's birth and last will. */
  String birth() {
    return prefix + "/status";
  }

  /** Where an entity's discovery configuration is retained. */
  String config(String component, String objectId) {
    return prefix + "/" + component + "/" + node + "/" + objectId + "/config";
  }

  /** Every discovery configuration under this node, whoever published it. */
  String configFilter() {
    return prefix + "/+/" + node + "/+/config";
  }

  /** True for a topic {@link #configFilter()} matches. */
  boolean isConfig(String topic) {
    String[] parts = topic.split("/", -1);
    String[] base = prefix.split("/", -1);
    return parts.length == base.length + 4 && topic.startsWith(prefix + "/") && parts[base.length + 1].equals(node)
        && parts[parts.length - 1].equals("config");
  }

  /** A topic of Harpou's own under the node id. */
  String of(String path) {
    return node + "/" + path;
  }

  /**
   * An id made safe as a topic segment and an object id ({@code [a-z0-9_-]}, as Home Assistant requires): lower case,
   * other characters as {@code _}, and a short hash of the original whenever anything changed, so that two ids never
   * share a segment.
   */
  static String segment(String id) {
    String lower = id.toLowerCase(java.util.Locale.ROOT);
    if (SAFE.matcher(lower).matches() && lower.equals(id)) {
      return id;
    }
    String cleaned = lower.replaceAll("[^a-z0-9_-]", "_");
    if (cleaned.length() > 30) {
      cleaned = cleaned.substring(0, 30);
    }
    return cleaned + "_" + hash(id);
  }

  private static String hash(String id) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
