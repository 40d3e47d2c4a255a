package io.harpou.bridge.vertx.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The HTTP API's settings: where it listens, who may call it, how much and how fast. Defaults: 127.0.0.1, port 8099,
 * 60 requests per minute per key, 30 refused requests per minute per client address, bodies up to 256 KiB, 512
 * connections (128 per client address), 30 s to send a request and 30 s of silence before an idle connection closes,
 * WebSocket messages up to 16 KiB, the model name {@code harpou}.
 */
public final class HttpApiOptions {

  /** The default port. */
  public static final int DEFAULT_PORT = 8099;
  /** The default bind address: loopback only. */
  public static final String DEFAULT_HOST = "127.0.0.1";
  /** The default number of requests per minute allowed to one API key. */
  public static final int DEFAULT_RATE_LIMIT_PER_MINUTE = 60;
  /** The default number of MCP requests per minute allowed to one API key, counted apart from the rest. */
  public static final int DEFAULT_MCP_RATE_LIMIT_PER_MINUTE = 600;
  /** The default number of refused requests per minute one client address gets answered before 429. */
  public static final int DEFAULT_REFUSALS_PER_MINUTE = 30;
  /** The default largest accepted request body, in bytes. */
  public static final long DEFAULT_MAX_BODY_BYTES = 256 * 1024;
  /** The default model name shown to OpenAI clients. */
  public static final String DEFAULT_MODEL_NAME = "harpou";
  /** The default number of events queued for one slow WebSocket client before events are dropped. */
  public static final int DEFAULT_EVENT_QUEUE_SIZE = 512;
  /** The default number of open connections, WebSockets included. */
  public static final int DEFAULT_MAX_CONNECTIONS = 512;
  /** The default number of open connections from one client address. */
  public static final int DEFAULT_MAX_CONNECTIONS_PER_ADDRESS = 128;
  /** The default seconds a connection may wait between requests, or a WebSocket stay silent, before it closes. */
  public static final int DEFAULT_IDLE_TIMEOUT_SECONDS = 30;
  /** The default seconds a client has to send a request's body once its headers arrived. */
  public static final int DEFAULT_REQUEST_TIMEOUT_SECONDS = 30;
  /** The default largest WebSocket frame or message a client may send, in bytes. */
  public static final int DEFAULT_MAX_WEBSOCKET_MESSAGE_BYTES = 16 * 1024;

  private String host = DEFAULT_HOST;
  private int port = DEFAULT_PORT;
  private List<String> allowedHosts = List.of();
  private List<String> allowedOrigins = List.of();
  private int rateLimitPerMinute = DEFAULT_RATE_LIMIT_PER_MINUTE;
  private int mcpRateLimitPerMinute = DEFAULT_MCP_RATE_LIMIT_PER_MINUTE;
  private int refusalsPerMinute = DEFAULT_REFUSALS_PER_MINUTE;
  private long maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
  private String modelName = DEFAULT_MODEL_NAME;
  private int eventQueueSize = DEFAULT_EVENT_QUEUE_SIZE;
  private int maxConnections = DEFAULT_MAX_CONNECTIONS;
  private int maxConnectionsPerAddress = DEFAULT_MAX_CONNECTIONS_PER_ADDRESS;
  private int idleTimeoutSeconds = DEFAULT_IDLE_TIMEOUT_SECONDS;
  private int requestTimeoutSeconds = DEFAULT_REQUEST_TIMEOUT_SECONDS;
  private int maxWebSocketMessageBytes = DEFAULT_MAX_WEBSOCKET_MESSAGE_BYTES;

  /** Options with every default. */
  public HttpApiOptions() {
  }

  /** A copy of {@code other}: changing one leaves the other as it was. */
  public HttpApiOptions(HttpApiOptions other) {
    this(other.toJson());
  }

  /** Options from the {@code http} section of the configuration; absent keys keep their defaults. */
  public HttpApiOptions(JsonObject json) {
    setHost(json.getString("host", DEFAULT_HOST));
    setPort(json.getInteger("port", DEFAULT_PORT));
    setAllowedHosts(strings(json, "allowed_hosts"));
    setAllowedOrigins(strings(json, "allowed_origins"));
    setRateLimitPerMinute(json.getInteger("rate_limit_per_minute", DEFAULT_RATE_LIMIT_PER_MINUTE));
    setMcpRateLimitPerMinute(json.getInteger("mcp_rate_limit_per_minute", DEFAULT_MCP_RATE_LIMIT_PER_MINUTE));
    setRefusalsPerMinute(json.getInteger("refusals_per_minute", DEFAULT_REFUSALS_PER_MINUTE));
    setMaxBodyBytes(json.getLong("max_body_bytes", DEFAULT_MAX_BODY_BYTES));
    setModelName(json.getString("model_name", DEFAULT_MODEL_NAME));
    setEventQueueSize(json.getInteger("event_queue_size", DEFAULT_EVENT_QUEUE_SIZE));
    setMaxConnections(json.getInteger("max_connections", DEFAULT_MAX_CONNECTIONS));
    setMaxConnectionsPerAddress(json.getInteger("max_connections_per_address",
        DEFAULT_MAX_CONNECTIONS_PER_ADDRESS));
    setIdleTimeoutSeconds(json.getInteger("idle_timeout_seconds", DEFAULT_IDLE_TIMEOUT_SECONDS));
    setRequestTimeoutSeconds(json.getInteger("request_timeout_seconds", DEFAULT_REQUEST_TIMEOUT_SECONDS));
    setMaxWebSocketMessageBytes(json.getInteger("max_websocket_message_bytes",
        DEFAULT_MAX_WEBSOCKET_MESSAGE_BYTES));
  }

  /** The bind address. */
  public String getHost() {
    return host;
  }

  /** Sets the bind address; clients beyond this machine always need an API key. */
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

  /**
   * Host names clients may use besides this machine's own (localhost, 127.0.0.1, [::1], the bind address and, on a
   * wildcard bind, every interface address), for example {@code harpou.lan} or a reverse proxy's name.
   */
  public List<String> getAllowedHosts() {
    return allowedHosts;
  }

  /** Sets the extra host names clients may use. */
  public HttpApiOptions setAllowedHosts(List<String> allowedHosts) {
    this.allowedHosts = List.copyOf(allowedHosts);
    return this;
  }

  /**
   * Browser origins allowed besides the hub's own ({@code scheme://host[:port]}, for example a reverse proxy's
   * {@code https://harpou.example.com} when it rewrites the Host header). Their requests still need a key.
   */
  public List<String> getAllowedOrigins() {
    return allowedOrigins;
  }

  /** Sets the extra browser origins allowed. */
  public HttpApiOptions setAllowedOrigins(List<String> allowedOrigins) {
    this.allowedOrigins = List.copyOf(allowedOrigins);
    return this;
  }

  /** Requests per minute allowed to one API key; 0 turns the limit off. */
  public int getRateLimitPerMinute() {
    return rateLimitPerMinute;
  }

  /** Sets the requests per minute allowed to one API key; 0 turns the limit off. */
  public HttpApiOptions setRateLimitPerMinute(int rateLimitPerMinute) {
    this.rateLimitPerMinute = atLeast(rateLimitPerMinute, 0, "rate_limit_per_minute");
    return this;
  }

  /**
   * Requests per minute to MCP's paths allowed to one API key, in a bucket apart from {@link #getRateLimitPerMinute}
   * and as deep as a minute's allowance; 0 turns the limit off.
   */
  public int getMcpRateLimitPerMinute() {
    return mcpRateLimitPerMinute;
  }

  /** Sets the requests per minute to MCP's paths allowed to one API key; 0 turns the limit off. */
  public HttpApiOptions setMcpRateLimitPerMinute(int mcpRateLimitPerMinute) {
    this.mcpRateLimitPerMinute = atLeast(mcpRateLimitPerMinute, 0, "mcp_rate_limit_per_minute");
    return this;
  }

  /** Refused requests per minute answered to one client address before it gets 429; 0 turns the limit off. */
  public int getRefusalsPerMinute() {
    return refusalsPerMinute;
  }

  /** Sets the refused requests per minute answered to one client address; 0 turns the limit off. */
  public HttpApiOptions setRefusalsPerMinute(int refusalsPerMinute) {
    this.refusalsPerMinute = atLeast(refusalsPerMinute, 0, "refusals_per_minute");
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
    this.eventQueueSize = atLeast(eventQueueSize, 1, "event_queue_size");
    return this;
  }

  /** The most connections open at once, WebSockets included; more are closed as they arrive. */
  public int getMaxConnections() {
    return maxConnections;
  }

  /** Sets the most connections open at once. */
  public HttpApiOptions setMaxConnections(int maxConnections) {
    this.maxConnections = atLeast(maxConnections, 1, "max_connections");
    return this;
  }

  /** The most connections open at once from one client address. */
  public int getMaxConnectionsPerAddress() {
    return maxConnectionsPerAddress;
  }

  /** Sets the most connections open at once from one client address. */
  public HttpApiOptions setMaxConnectionsPerAddress(int maxConnectionsPerAddress) {
    this.maxConnectionsPerAddress = atLeast(maxConnectionsPerAddress, 1, "max_connections_per_address");
    return this;
  }

  /**
   * Seconds a connection may go without a request in progress (which also bounds the time to send a request's
   * headers), and a WebSocket may stay silent (pings are sent at half this), before it is closed.
   */
  public int getIdleTimeoutSeconds() {
    return idleTimeoutSeconds;
  }

  /** Sets the idle timeout, in seconds. */
  public HttpApiOptions setIdleTimeoutSeconds(int idleTimeoutSeconds) {
    this.idleTimeoutSeconds = atLeast(idleTimeoutSeconds, 1, "idle_timeout_seconds");
    return this;
  }

  /** Seconds a client has to send a request's whole body once its headers arrived. */
  public int getRequestTimeoutSeconds() {
    return requestTimeoutSeconds;
  }

  /** Sets the time a client has to send a request's body, in seconds. */
  public HttpApiOptions setRequestTimeoutSeconds(int requestTimeoutSeconds) {
    this.requestTimeoutSeconds = atLeast(requestTimeoutSeconds, 1, "request_timeout_seconds");
    return this;
  }

  /** The largest WebSocket frame or message a client may send, in bytes; larger ones close the socket (1009). */
  public int getMaxWebSocketMessageBytes() {
    return maxWebSocketMessageBytes;
  }

  /** Sets the largest WebSocket frame or message a client may send, in bytes. */
  public HttpApiOptions setMaxWebSocketMessageBytes(int maxWebSocketMessageBytes) {
    this.maxWebSocketMessageBytes = atLeast(maxWebSocketMessageBytes, 256, "max_websocket_message_bytes");
    return this;
  }

  /** True when the bind address only accepts connections from this machine. */
  public boolean loopbackOnly() {
    return host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1") || host.startsWith("127.");
  }

  /** True when a browser on this machine can reach the hub at 127.0.0.1 (a loopback or wildcard bind). */
  public boolean reachableOnLoopback() {
    return loopbackOnly() || host.equals("0.0.0.0") || host.equals("::");
  }

  /** The JSON form. */
  public JsonObject toJson() {
    return new JsonObject().put("host", host).put("port", port).put("allowed_hosts", new JsonArray(allowedHosts))
        .put("allowed_origins", new JsonArray(allowedOrigins)).put("rate_limit_per_minute", rateLimitPerMinute)
        .put("mcp_rate_limit_per_minute", mcpRateLimitPerMinute)
        .put("refusals_per_minute", refusalsPerMinute).put("max_body_bytes", maxBodyBytes)
        .put("model_name", modelName).put("event_queue_size", eventQueueSize).put("max_connections", maxConnections)
        .put("max_connections_per_address", maxConnectionsPerAddress)
        .put("idle_timeout_seconds", idleTimeoutSeconds).put("request_timeout_seconds", requestTimeoutSeconds)
        .put("max_websocket_message_bytes", maxWebSocketMessageBytes);
  }

  private static int atLeast(int value, int min, String name) {
    if (value < min) {
      throw new IllegalArgumentException("http." + name + " must be at least " + min + ": " + value);
    }
    return value;
  }

  private static List<String> strings(JsonObject json, String name) {
    JsonArray array = json.getJsonArray(name, new JsonArray());
    for (Object value : array) {
      if (!(value instanceof String text) || text.isBlank()) {
        throw new IllegalArgumentException("http." + name + " must be a list of names");
      }
    }
    return array.stream().map(String.class::cast).toList();
  }
}
