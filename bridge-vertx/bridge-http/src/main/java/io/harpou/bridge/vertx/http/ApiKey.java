package io.harpou.bridge.vertx.http;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * A stored API key as listed: its name and creation time. The key itself is never stored, only its SHA-256 hash.
 *
 * @param name the key's name, letters, digits, {@code _ . -}, at most 64 characters
 * @param createdAt when it was created
 */
public record ApiKey(String name, Instant createdAt) {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  /** Validates the name. */
  public ApiKey {
    requireValidName(name);
    if (createdAt == null) {
      throw new IllegalArgumentException("an API key needs a creation time");
    }
  }

  /**
   * Checks a key name.
   *
   * @throws IllegalArgumentException when it is not 1 to 64 letters, digits, {@code _ . -}
   */
  public static String requireValidName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("an API key name is 1 to 64 letters, digits, '_', '.' or '-': " + name);
    }
    return name;
  }

  /** The JSON form. */
  public JsonObject toJson() {
    return new JsonObject().put("name", name).put("created_at", createdAt.toString());
  }
}
