package io.harpou.testkit.ha;

import io.vertx.core.json.JsonObject;

import java.util.Objects;

/**
 * Options of a {@link VirtualHomeAssistant}: where it listens, which token it accepts and which house it serves.
 *
 * <p>The house is, in order of precedence: an explicit house JSON ({@link #setHouse}), a generated house of
 * {@link #setGeneratedEntities N} entities, or the bundled demo house.
 */
public class VirtualHomeOptions {

  /** Default host: loopback only. */
  public static final String DEFAULT_HOST = "127.0.0.1";
  /** Default port: 0, any free port. */
  public static final int DEFAULT_PORT = 0;
  /** Default long-lived access token accepted by the virtual home. */
  public static final String DEFAULT_ACCESS_TOKEN = "virtual-home-token";
  /** Default time a client has to authenticate, as in Home Assistant (10 s). */
  public static final long DEFAULT_AUTH_TIMEOUT_MILLIS = 10_000;
  /** Default Home Assistant version announced in {@code auth_required} and {@code auth_ok}. */
  public static final String DEFAULT_HA_VERSION = "2025.8.1";

  private String host = DEFAULT_HOST;
  private int port = DEFAULT_PORT;
  private String accessToken = DEFAULT_ACCESS_TOKEN;
  private long authTimeoutMillis = DEFAULT_AUTH_TIMEOUT_MILLIS;
  private String haVersion = DEFAULT_HA_VERSION;
  private JsonObject house;
  private int generatedEntities;
  private long seed = 42;
  private boolean strictEntityReferences = true;
  private boolean recorder = true;

  /** Creates options with the defaults. */
  public VirtualHomeOptions() {
  }

  /** A copy of {@code other}: changing one leaves the other as it was. */
  public VirtualHomeOptions(VirtualHomeOptions other) {
    this(other.toJson());
  }

  /**
   * Creates options from JSON; unknown keys are ignored.
   *
   * @param json keys {@code host, port, accessToken, authTimeoutMillis, haVersion, house, generatedEntities, seed,
   *             strictEntityReferences, recorder}
   */
  public VirtualHomeOptions(JsonObject json) {
    this();
    Objects.requireNonNull(json, "json");
    setHost(json.getString("host", host));
    setPort(json.getInteger("port", port));
    setAccessToken(json.getString("access_token", accessToken));
    setAuthTimeoutMillis(json.getLong("auth_timeout_ms", authTimeoutMillis));
    setHaVersion(json.getString("ha_version", haVersion));
    setHouse(json.getJsonObject("house"));
    setGeneratedEntities(json.getInteger("generated_entities", 0));
    setRecorder(json.getBoolean("recorder", true));
    setSeed(json.getLong("seed", seed));
    setStrictEntityReferences(json.getBoolean("strict_entity_references", strictEntityReferences));
  }

  /** @return the host to bind */
  public String getHost() {
    return host;
  }

  /** Sets the host to bind. @return this */
  public VirtualHomeOptions setHost(String host) {
    this.host = Objects.requireNonNull(host, "host");
    return this;
  }

  /** @return the port to bind, 0 for any */
  public int getPort() {
    return port;
  }

  /** Sets the port to bind, 0 for any free port. @return this */
  public VirtualHomeOptions setPort(int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be within 0..65535: " + port);
    }
    this.port = port;
    return this;
  }

  /** @return the access token clients must present */
  public String getAccessToken() {
    return accessToken;
  }

  /** Sets the access token clients must present (WebSocket auth and REST Bearer). @return this */
  public VirtualHomeOptions setAccessToken(String accessToken) {
    if (accessToken == null || accessToken.isEmpty()) {
      throw new IllegalArgumentException("accessToken must not be empty");
    }
    this.accessToken = accessToken;
    return this;
  }

  /** @return milliseconds a WebSocket client has to send its auth message */
  public long getAuthTimeoutMillis() {
    return authTimeoutMillis;
  }

  /** Sets the auth-phase timeout (10 s in Home Assistant; shorten it in tests). @return this */
  public VirtualHomeOptions setAuthTimeoutMillis(long authTimeoutMillis) {
    if (authTimeoutMillis <= 0) {
      throw new IllegalArgumentException("authTimeoutMillis must be positive");
    }
    this.authTimeoutMillis = authTimeoutMillis;
    return this;
  }

  /** @return the Home Assistant version announced to clients */
  public String getHaVersion() {
    return haVersion;
  }

  /** Sets the Home Assistant version announced to clients. @return this */
  public VirtualHomeOptions setHaVersion(String haVersion) {
    this.haVersion = Objects.requireNonNull(haVersion, "haVersion");
    return this;
  }

  /** @return the explicit house JSON, or null */
  public JsonObject getHouse() {
    return house;
  }

  /** Sets an explicit house (same format as the bundled {@code demo-house.json}); null for none. @return this */
  public VirtualHomeOptions setHouse(JsonObject house) {
    this.house = house;
    return this;
  }

  /** @return the number of entities of a generated house, 0 for none */
  public int getGeneratedEntities() {
    return generatedEntities;
  }

  /** Asks for a generated house of about this many entities instead of the demo house (0 = demo). @return this */
  public VirtualHomeOptions setGeneratedEntities(int generatedEntities) {
    if (generatedEntities < 0) {
      throw new IllegalArgumentException("generatedEntities must not be negative");
    }
    this.generatedEntities = generatedEntities;
    return this;
  }

  /** @return the seed of the house generator */
  public long getSeed() {
    return seed;
  }

  /** Sets the seed of the house generator, so generated houses are reproducible. @return this */
  public VirtualHomeOptions setSeed(long seed) {
    this.seed = seed;
    return this;
  }

  /** @return whether a service call naming an unknown entity fails with {@code not_found} */
  public boolean isStrictEntityReferences() {
    return strictEntityReferences;
  }

  /**
   * Chooses what a service call naming an unknown entity does: {@code true} (default) answers {@code not_found}
   * with translation fields, which makes client mistakes visible in tests; {@code false} behaves as Home Assistant
   * itself, which only logs "Referenced entities ... are missing" and answers success.
   *
   * @return this
   */
  public VirtualHomeOptions setStrictEntityReferences(boolean strictEntityReferences) {
    this.strictEntityReferences = strictEntityReferences;
    return this;
  }

  /** @return whether the home runs the recorder, which answers {@code history/history_during_period} */
  public boolean isRecorder() {
    return recorder;
  }

  /**
   * Chooses whether the home runs the recorder (default {@code true}). Without it, as in a Home Assistant whose
   * {@code recorder} and {@code history} integrations are off, {@code history/history_during_period} is an
   * {@code unknown_command}.
   *
   * @return this
   */
  public VirtualHomeOptions setRecorder(boolean recorder) {
    this.recorder = recorder;
    return this;
  }

  /** @return these options as JSON (the access token included, as it is a test fixture value) */
  public JsonObject toJson() {
    JsonObject json = new JsonObject()
        .put("host", host)
        .put("port", port)
        .put("access_token", accessToken)
        .put("auth_timeout_ms", authTimeoutMillis)
        .put("ha_version", haVersion)
        .put("generated_entities", generatedEntities)
        .put("seed", seed)
        .put("strict_entity_references", strictEntityReferences)
        .put("recorder", recorder);
    if (house != null) {
      json.put("house", house);
    }
    return json;
  }
}
