package io.harpou.bridge.vertx.http;

import io.vertx.core.json.JsonObject;

/**
 * The HTTP API's settings: where it listens, how much it accepts, how fast a key may call it. Defaults: 127.0.0.1,
 * port 8099, 60 requests per minute per key, bodies up to 256 KiB, the model name {@code harpou}.
 */
public final class HttpApiOptions {

  /** The default port. */
  public static final int DEFAULT_PORT = 8099;
  /** The default bind address: loopback only. */
  public static final String DEFAULT_HOST = "127.0.0.1";
  /** The default number of requests per minute allowed to one API key. */
  public static final int DEFAULT_RATE_LIMIT_PER_MINUTE = 60;
  /** The default largest accepted request body, in bytes. */
  public static final long DEFAULT_MAX_BODY_BYTES = 256 * 1024;
  /** The default model name shown to OpenAI clients. */
  public static final String DEFAULT_MODEL_NAME = "harpou";
  /** The default number of events queued for one slow WebSocket client before events are dropped. */
  public static final int DEFAULT_EVENT_QUEUE_SIZE = 512;

  private String host = DEFAULT_HOST;
  private int port = DEFAULT_PORT;
  private int rateLimitPerMinute = DEFAULT_RATE_LIMIT_PER_MINUTE;
  private long maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
  private String modelName = DEFAULT_MODEL_NAME;
  private int eventQueueSize = DEFAULT_EVENT_QUEUE_SIZE;

  /** Options with every default. */
  public HttpApiOptions() {
  }

  /** Options from the {@code http} section of the configuration; absent keys keep their defaults. */
  public HttpApiOptions(JsonObject json) {
    setHost(json.getString("host", DEFAULT_HOST));
    setPort(json.getInteger("port", DEFAULT_PORT));
    setRateLimitPerMinute(json.getInteger("rate_limit_per_minute", DEFAULT_RATE_LIMIT_PER_MINUTE));
    setMaxBodyBytes(json.getLong("max_body_bytes", DEFAULT_MAX_BODY_BYTES));
    setModelName(json.getString("model_name", DEFAULT_MODEL_NAME));
    setEventQueueSize(json.getInteger("event_queue_size", DEFAULT_EVENT_QUEUE_SIZE));
  }

  /** The bind address. */
  public String getHost() {
    return host;
  }

  /** Sets the bind address; anything but loopback needs API keys. */
  public HttpApiOptions setHost(String host) {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("http.host must not be blank");
    }
    this.host = host;
    return this;
  }

  /** The port; 0 picks a free one. */
  public int getPort() {
    return port;
  }

  /** Sets the port; 0 picks a free one. */
  public HttpApiOptions setPort(int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("http.port must be between 0 and 65535: " + port);
    }
    this.port = port;
    return this;
  }

  /** Requests per minute allowed to one API key; 0 turns the limit off. */
  public int getRateLimitPerMinute() {
    return rateLimitPerMinute;
  }

  /** Sets the requests per minute allowed to one API key; 0 turns the limit off. */
  public HttpApiOptions setRateLimitPerMinute(int rateLimitPerMinute) {
    if (rateLimitPerMinute < 0) {
      throw new IllegalArgumentException("http.rate_limit_per_minute must not be negative");
    }
    this.rateLimitPerMinute = rateLimitPerMinute;
    return this;
  }

  /** The largest accepted request body, in bytes. */
  public long getMaxBodyBytes() {
    return maxBodyBytes;
  }

  /** Sets the largest accepted request body, in bytes. */
  public HttpApiOptions setMaxBodyBytes(long maxBodyBytes) {
    if (maxBodyBytes <= 0) {
      throw new IllegalArgumentException("http.max_body_bytes must be positive");
    }
    this.maxBodyBytes = maxBodyBytes;
    return this;
  }

  /** The model name OpenAI clients see. */
  public String getModelName() {
    return modelName;
  }

  /** Sets the model name OpenAI clients see. */
  public HttpApiOptions setModelName(String modelName) {
    if (modelName == null || modelName.isBlank()) {
      throw new IllegalArgumentException("http.model_name must not be blank");
    }
    this.modelName = modelName;
    return this;
  }

  /** How many events wait for one slow WebSocket client before newer ones are dropped. */
  public int getEventQueueSize() {
    return eventQueueSize;
  }

  /** Sets how many events wait for one slow WebSocket client before newer ones are dropped. */
  public HttpApiOptions setEventQueueSize(int eventQueueSize) {
    if (eventQueueSize <= 0) {
      throw new IllegalArgumentException("http.event_queue_size must be positive");
    }
    this.eventQueueSize = eventQueueSize;
    return this;
  }

  /** True when the bind address only accepts connections from this machine. */
  public boolean loopbackOnly() {
    return host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1") || host.startsWith("127.");
  }

  /** The JSON form. */
  public JsonObject toJson() {
    return new JsonObject().put("host", host).put("port", port).put("rate_limit_per_minute", rateLimitPerMinute)
        .put("max_body_bytes", maxBodyBytes).put("model_name", modelName).put("event_queue_size", eventQueueSize);
  }
}
