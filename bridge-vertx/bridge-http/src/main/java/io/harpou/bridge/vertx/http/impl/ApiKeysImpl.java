package io.harpou.bridge.vertx.http.impl;

import io.harpou.bridge.api.BridgeException;
import io.harpou.bridge.vertx.http.ApiKey;
import io.harpou.bridge.vertx.http.ApiKeys;
import io.harpou.bridge.vertx.http.KeyTable;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** API keys in a key table, verified against an in-memory copy of their hashes. */
public final class ApiKeysImpl implements ApiKeys {

  private static final String PREFIX = "hpk_";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final KeyTable table;
  private volatile Map<String, byte[]> hashes = Map.of();

  private ApiKeysImpl(KeyTable table) {
    this.table = table;
  }

  /** Loads the hashes from {@code table}. */
  public static Future<ApiKeys> open(KeyTable table) {
    ApiKeysImpl keys = new ApiKeysImpl(table);
    return keys.reload().map(keys);
  }

  @Override
  public Future<String> create(String name) {
    try {
      ApiKey.requireValidName(name);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    return table.insert(name, sha256(key), Instant.now()).compose(inserted -> inserted ? reload().map(key)
        : Future.failedFuture(new BridgeException("an API key named '" + name + "' already exists; revoke it first")));
  }

  @Override
  public Future<List<ApiKey>> list() {
    return table.list();
  }

  @Override
  public Future<Boolean> revoke(String name) {
    return table.delete(name).compose(deleted -> reload().map(deleted));
  }

  @Override
  public Future<Void> reload() {
    return table.hashes().map(loaded -> {
      hashes = Map.copyOf(loaded);
      return null;
    });
  }

  @Override
  public boolean isEmpty() {
    return hashes.isEmpty();
  }

  @Override
  public Optional<String> verify(String presented) {
    if (presented == null || presented.isEmpty() || presented.length() > 512) {
      return Optional.empty();
    }
    byte[] hash = sha256(presented);
    String match = null;
    // Every stored hash is compared, so the time taken does not say which (or whether one) matched.
    for (Map.Entry<String, byte[]> entry : hashes.entrySet()) {
      if (MessageDigest.isEqual(hash, entry.getValue())) {
        match = entry.getKey();
      }
    }
    return Optional.ofNullable(match);
  }

  static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
