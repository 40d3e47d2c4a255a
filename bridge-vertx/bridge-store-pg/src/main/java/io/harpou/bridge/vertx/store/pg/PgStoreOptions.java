package io.harpou.bridge.vertx.store.pg;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Where the PostgreSQL store connects: a {@code postgresql://user:password@host:port/database} URL (also
 * {@code postgres://}; {@code ?sslmode=require} and the other parameters of the Vert.x client are understood), how
 * many connections one hub may hold, the name this hub's running tasks carry in the shared table and how long their
 * lease lasts without renewal.
 */
public final class PgStoreOptions {

  /** Connections one hub holds at most, unless configured. */
  public static final int DEFAULT_MAX_POOL_SIZE = 8;
  /** How long a running task stays its hub's without renewal, unless configured. */
  public static final long DEFAULT_TASK_LEASE_MS = 15_000;
  private static final Pattern NODE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  private String url;
  private int maxPoolSize = DEFAULT_MAX_POOL_SIZE;
  private String nodeId;
  private long taskLeaseMs = DEFAULT_TASK_LEASE_MS;

  /** Options with no URL yet. */
  public PgStoreOptions() {
  }

  /**
   * Options from JSON: {@code url}, {@code max_pool_size}, {@code node_id}, {@code task_lease_ms}; unknown keys are
   * ignored.
   */
  public PgStoreOptions(JsonObject json) {
    setUrl(json.getString("url"));
    setMaxPoolSize(json.getInteger("max_pool_size", DEFAULT_MAX_POOL_SIZE));
    if (json.getString("node_id") != null) {
      setNodeId(json.getString("node_id"));
    }
    setTaskLeaseMs(json.getLong("task_lease_ms", DEFAULT_TASK_LEASE_MS));
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

  /**
   * The name this hub's running tasks carry in the shared table: a hub that starts again under the same name
   * interrupts its own earlier tasks at once, those of other names only once their lease lapses. Null unless set:
   * the store then takes a new random name each time it opens.
   */
  public String getNodeId() {
    return nodeId;
  }

  /** Whether a name was set. */
  public boolean hasNodeId() {
    return nodeId != null;
  }

  /** A new random name, for a hub that keeps none. */
  public static String randomNodeId() {
    return "hub-" + UUID.randomUUID();
  }

  /**
   * Sets this hub's name among the hubs sharing the database; no two hubs running together may share one.
   *
   * @throws IllegalArgumentException unless it is 1 to 64 letters, digits, '.', '_', ':' or '-'
   */
  public PgStoreOptions setNodeId(String nodeId) {
    if (nodeId == null || !NODE_ID.matcher(nodeId).matches()) {
      throw new IllegalArgumentException("node_id holds 1 to 64 letters, digits, '.', '_', ':' or '-'");
    }
    this.nodeId = nodeId;
    return this;
  }

  /** How long a running task stays this hub's without renewal; it is renewed three times as often. */
  public long getTaskLeaseMs() {
    return taskLeaseMs;
  }

  /**
   * Sets how long a running task stays this hub's without renewal, from 1 second to 10 minutes: how late people hear
   * that their task died with its hub.
   */
  public PgStoreOptions setTaskLeaseMs(long taskLeaseMs) {
    if (taskLeaseMs < 1_000 || taskLeaseMs > 600_000) {
      throw new IllegalArgumentException("task_lease_ms must be from 1000 to 600000, not " + taskLeaseMs);
    }
    this.taskLeaseMs = taskLeaseMs;
    return this;
  }

  /** The URL without its password, for logs and health. */
  public String describe() {
    return url == null ? "none" : url.replaceAll("//([^:/@]+):[^@]*@", "//$1:***@");
  }
}
