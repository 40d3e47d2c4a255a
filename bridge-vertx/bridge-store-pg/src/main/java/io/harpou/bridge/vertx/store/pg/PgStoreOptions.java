package io.harpou.bridge.vertx.store.pg;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where the PostgreSQL store connects: a {@code postgresql://user:password@host:port/database} URL (also
 * {@code postgres://}; {@code ?sslmode=require} and the other parameters of the Vert.x client are understood) and how
 * many connections one hub may hold.
 */
public final class PgStoreOptions {

  /** Connections one hub holds at most, unless configured. */
  public static final int DEFAULT_MAX_POOL_SIZE = 8;

  private String url;
  private int maxPoolSize = DEFAULT_MAX_POOL_SIZE;

  /** Options with no URL yet. */
  public PgStoreOptions() {
  }

  /** Options from JSON: {@code url}, {@code max_pool_size}; unknown keys are ignored. */
  public PgStoreOptions(JsonObject json) {
    setUrl(json.getString("url"));
    setMaxPoolSize(json.getInteger("max_pool_size", DEFAULT_MAX_POOL_SIZE));
  }

  /** Whether {@code url} names a PostgreSQL database (and not, say, a SQLite file). */
  public static boolean isPostgresUrl(String url) {
    return url != null && (url.startsWith("postgresql://") || url.startsWith("postgres://"));
  }

  /** The database's URL. */
  public String getUrl() {
    return url;
  }

  /**
   * Sets the database's URL.
   *
   * @throws IllegalArgumentException when it is not a {@code postgresql://} URL with a host; the message never repeats
   *     the URL, which may hold a password
   */
  public PgStoreOptions setUrl(String url) {
    if (!isPostgresUrl(url)) {
      throw new IllegalArgumentException("the database URL must start with postgresql://");
    }
    try {
      if (new URI(url).getHost() == null) {
        throw new IllegalArgumentException("the database URL names no host");
      }
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("the database URL is malformed at index " + e.getIndex());
    }
    this.url = url;
    return this;
  }

  /** Connections one hub holds at most. */
  public int getMaxPoolSize() {
    return maxPoolSize;
  }

  /** Sets how many connections one hub holds at most, from 1 to 100. */
  public PgStoreOptions setMaxPoolSize(int maxPoolSize) {
    if (maxPoolSize < 1 || maxPoolSize > 100) {
      throw new IllegalArgumentException("max_pool_size must be from 1 to 100, not " + maxPoolSize);
    }
    this.maxPoolSize = maxPoolSize;
    return this;
  }

  /** The URL without its password, for logs and health. */
  public String describe() {
    return url == null ? "none" : url.replaceAll("//([^:/@]+):[^@]*@", "//$1:***@");
  }
}
