package io.harpou.bridge.vertx.http;

import io.vertx.core.json.JsonObject;

/** Where the HTTP API listens. Defaults: 127.0.0.1, port 8099. */
public final class HttpApiOptions {

  /** The default port. */
  public static final int DEFAULT_PORT = 8099;
  /** The default bind address: loopback only. */
  public static final String DEFAULT_HOST = "127.0.0.1";

  private String host = DEFAULT_HOST;
  private int port = DEFAULT_PORT;

  /** Options with every default. */
  public HttpApiOptions() {
  }

  /** Options from the {@code http} section of the configuration. */
  public HttpApiOptions(JsonObject json) {
    host = json.getString("host", DEFAULT_HOST);
    port = json.getInteger("port", DEFAULT_PORT);
  }

  /** The bind address. */
  public String getHost() {
    return host;
  }

  /** Sets the bind address. */
  public HttpApiOptions setHost(String host) {
    this.host = host;
    return this;
  }

  /** The port; 0 picks a free one. */
  public int getPort() {
    return port;
  }

  /** Sets the port; 0 picks a free one. */
  public HttpApiOptions setPort(int port) {
    this.port = port;
    return this;
  }

  /** The JSON form. */
  public JsonObject toJson() {
    return new JsonObject().put("host", host).put("port", port);
  }
}
