package io.harpou.bridge.vertx.mqtt;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The {@code mqtt} section: where the broker is and how Harpou appears in Home Assistant.
 *
 * <pre>{@code
 * {"url": "mqtts://broker.local:8883", "username": "harpou", "password_file": "/etc/harpou/mqtt-password",
 *  "ca_file": "/etc/harpou/broker-ca.pem", "discovery_prefix": "homeassistant", "node_id": "harpou",
 *  "language": "en", "commands_per_minute": 30, "initial_backoff_ms": 1000, "max_backoff_ms": 60000,
 *  "cost": {"input_per_million": 0.15, "output_per_million": 0.6, "currency": "EUR"}}
 * }</pre>
 *
 * <p>Options read no file themselves: the password file and the CA file are read when the connection starts.
 */
public final class MqttOptions {

  /** Home Assistant's default discovery prefix. */
  public static final String DEFAULT_DISCOVERY_PREFIX = "homeassistant";
  /** The default node id: the middle of every discovery topic and the root of Harpou's own topics. */
  public static final String DEFAULT_NODE_ID = "harpou";
  /** Commands accepted from the broker per minute, all entities together, before the rest are dropped. */
  public static final int DEFAULT_COMMANDS_PER_MINUTE = 30;
  /** First reconnection delay; doubled after each failure. */
  public static final long DEFAULT_INITIAL_BACKOFF_MS = 1_000;
  /** Longest reconnection delay. */
  public static final long DEFAULT_MAX_BACKOFF_MS = 60_000;

  /** Home Assistant's rule for node and object ids in discovery topics. */
  private static final Pattern TOPIC_ID = Pattern.compile("[a-zA-Z0-9_-]{1,64}");

  private final String host;
  private final int port;
  private final boolean tls;
  private final String username;
  private final String passwordFile;
  private final String caFile;
  private final String discoveryPrefix;
  private final String nodeId;
  private final String language;
  private final int commandsPerMinute;
  private final long initialBackoffMs;
  private final long maxBackoffMs;
  private final double inputPricePerMillion;
  private final double outputPricePerMillion;
  private final String currency;

  /**
   * Reads the section; unknown keys are ignored.
   *
   * @throws IllegalArgumentException when the URL is missing or not {@code mqtt://} or {@code mqtts://}, an id breaks
   *     Home Assistant's topic rule, or a number is out of range
   */
  public MqttOptions(JsonObject json) {
    String url = json.getString("url");
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("mqtt.url is required, such as mqtt://broker.local:1883");
    }
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("mqtt.url is not a URL: " + e.getMessage());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("mqtt") && !scheme.equals("mqtts")) {
      throw new IllegalArgumentException("mqtt.url must start with mqtt:// or mqtts://");
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("mqtt.url names no host");
    }
    if (uri.getUserInfo() != null) {
      throw new IllegalArgumentException("mqtt.url must not carry credentials: use mqtt.username and"
          + " mqtt.password_file");
    }
    tls = scheme.equals("mqtts");
    host = uri.getHost();
    port = uri.getPort() > 0 ? uri.getPort() : tls ? 8883 : 1883;
    username = json.getString("username");
    passwordFile = json.getString("password_file");
    caFile = json.getString("ca_file");
    discoveryPrefix = topicPrefix(json.getString("discovery_prefix", DEFAULT_DISCOVERY_PREFIX));
    nodeId = json.getString("node_id", DEFAULT_NODE_ID);
    if (!TOPIC_ID.matcher(nodeId).matches()) {
      throw new IllegalArgumentException("mqtt.node_id holds letters, digits, '_' and '-' only (1 to 64)");
    }
    language = json.getString("language", "en");
    commandsPerMinute = range(json.getInteger("commands_per_minute", DEFAULT_COMMANDS_PER_MINUTE), 1, 10_000,
        "commands_per_minute");
    initialBackoffMs = range(json.getLong("initial_backoff_ms", DEFAULT_INITIAL_BACKOFF_MS), 10L, 3_600_000L,
        "initial_backoff_ms");
    maxBackoffMs = range(json.getLong("max_backoff_ms", DEFAULT_MAX_BACKOFF_MS), initialBackoffMs, 3_600_000L,
        "max_backoff_ms");
    JsonObject cost = json.getJsonObject("cost", new JsonObject());
    inputPricePerMillion = price(cost.getDouble("input_per_million", 0.0), "input_per_million");
    outputPricePerMillion = price(cost.getDouble("output_per_million", 0.0), "output_per_million");
    currency = cost.getString("currency", "EUR");
    if (!currency.matches("[A-Z]{3}")) {
      throw new IllegalArgumentException("mqtt.cost.currency is an ISO 4217 code such as EUR");
    }
  }

  private static String topicPrefix(String prefix) {
    if (prefix.isEmpty() || prefix.length() > 64 || !prefix.matches("[a-zA-Z0-9_/-]+") || prefix.startsWith("/")
        || prefix.endsWith("/")) {
      throw new IllegalArgumentException("mqtt.discovery_prefix holds letters, digits, '_', '-' and inner '/'");
    }
    return prefix;
  }

  private static <N extends Number & Comparable<N>> N range(N value, N min, N max, String key) {
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new IllegalArgumentException("mqtt." + key + " must be from " + min + " to " + max);
    }
    return value;
  }

  private static double price(double value, String key) {
    if (!(value >= 0) || value > 1_000_000) {
      throw new IllegalArgumentException("mqtt.cost." + key + " must be a price from 0");
    }
    return value;
  }

  /**
   * The section in its JSON form, read back to the same options; {@code username}, {@code password_file} and
   * {@code ca_file} only when set.
   */
  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("url", describe()).put("discovery_prefix", discoveryPrefix)
        .put("node_id", nodeId).put("language", language).put("commands_per_minute", commandsPerMinute)
        .put("initial_backoff_ms", initialBackoffMs).put("max_backoff_ms", maxBackoffMs)
        .put("cost", new JsonObject().put("input_per_million", inputPricePerMillion)
            .put("output_per_million", outputPricePerMillion).put("currency", currency));
    if (username != null) {
      json.put("username", username);
    }
    if (passwordFile != null) {
      json.put("password_file", passwordFile);
    }
    if (caFile != null) {
      json.put("ca_file", caFile);
    }
    return json;
  }

  /** The broker's host. */
  public String host() {
    return host;
  }

  /** The broker's port (1883, or 8883 over TLS, unless the URL says). */
  public int port() {
    return port;
  }

  /** True for {@code mqtts://}: TLS, with the broker's certificate and host name checked. */
  public boolean tls() {
    return tls;
  }

  /** The user name, or null. */
  public String username() {
    return username;
  }

  /** The file holding the password, or null. */
  public String passwordFile() {
    return passwordFile;
  }

  /** A PEM file of the certificate authorities to trust instead of the system's, or null. */
  public String caFile() {
    return caFile;
  }

  /** Home Assistant's discovery prefix. */
  public String discoveryPrefix() {
    return discoveryPrefix;
  }

  /** The node id. */
  public String nodeId() {
    return nodeId;
  }

  /** The language of announcements and conversations sent from Home Assistant. */
  public String language() {
    return language;
  }

  /** Commands accepted per minute. */
  public int commandsPerMinute() {
    return commandsPerMinute;
  }

  /** First reconnection delay. */
  public long initialBackoffMs() {
    return initialBackoffMs;
  }

  /** Longest reconnection delay. */
  public long maxBackoffMs() {
    return maxBackoffMs;
  }

  /** The model's price per million prompt tokens, for the cost sensor. */
  public double inputPricePerMillion() {
    return inputPricePerMillion;
  }

  /** The model's price per million generated tokens. */
  public double outputPricePerMillion() {
    return outputPricePerMillion;
  }

  /** The currency of the cost sensor. */
  public String currency() {
    return currency;
  }

  /** Where the broker is, without credentials, for logs and {@code /health}. */
  public String describe() {
    return (tls ? "mqtts://" : "mqtt://") + host + ":" + port;
  }
}
