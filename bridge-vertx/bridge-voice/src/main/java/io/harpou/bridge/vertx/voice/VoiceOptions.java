package io.harpou.bridge.vertx.voice;

import io.harpou.wyoming.WyomingServerOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Voice configuration: the {@code voice} section of the hub's configuration, plus the Wyoming server's settings
 * (the hub keeps those in its {@code wyoming} section, see {@link WyomingServerSection} and
 * {@link #fromSections}).
 *
 * <pre>{@code
 * {"host": "127.0.0.1", "port": 10700, "max_connections": 64, "max_connections_per_address": 16,
 *  "language": "en", "languages": ["en", "fr"],
 *  "satellites": [{"host": "192.168.1.20", "port": 10700, "room": "kitchen", "id": "kitchen-sat"}],
 *  "arbitration_window_ms": 300, "max_utterance_ms": 15000, "silence_ms": 700, "no_speech_ms": 6000,
 *  "vad_threshold": 0.02, "played_grace_ms": 2000, "ping_interval_ms": 2000, "liveness_timeout_ms": 5000,
 *  "reconnect_initial_ms": 1000, "reconnect_max_ms": 30000}
 * }</pre>
 */
public final class VoiceOptions {

  /** The Wyoming server's default port, the conventional satellite port. */
  public static final int DEFAULT_PORT = 10700;
  /** The default bind address: this machine only, since Wyoming has no authentication; set 0.0.0.0 to let Home
   * Assistant and satellites on other machines in. */
  public static final String DEFAULT_HOST = "127.0.0.1";
  /** How long after a first wake word other satellites may still claim the same request. */
  public static final long DEFAULT_ARBITRATION_WINDOW_MS = 300;
  /** The longest utterance, in audio time, before it is cut. */
  public static final long DEFAULT_MAX_UTTERANCE_MS = 15_000;
  /** Silence, in audio time, that ends an utterance when the satellite sends no end of speech itself. */
  public static final long DEFAULT_SILENCE_MS = 700;
  /** Audio time without any speech after which a wake is given up. */
  public static final long DEFAULT_NO_SPEECH_MS = 6_000;
  /** The RMS level (0 to 1) above which a chunk counts as speech. */
  public static final double DEFAULT_VAD_THRESHOLD = 0.02;
  /** How long to wait for {@code played} beyond the audio's own duration. */
  public static final long DEFAULT_PLAYED_GRACE_MS = 2_000;
  /** Ping interval towards satellites (Home Assistant pings 2 s after each pong). */
  public static final long DEFAULT_PING_INTERVAL_MS = 2_000;
  /** Silence from a satellite after which its link counts as dead (Home Assistant uses 5 s). */
  public static final long DEFAULT_LIVENESS_TIMEOUT_MS = 5_000;
  /** First reconnection delay; doubled after each failure. */
  public static final long DEFAULT_RECONNECT_INITIAL_MS = 1_000;
  /** Longest reconnection delay. */
  public static final long DEFAULT_RECONNECT_MAX_MS = 30_000;

  private WyomingServerOptions server = new WyomingServerOptions().setHost(DEFAULT_HOST).setPort(DEFAULT_PORT);
  private String language = "en";
  private List<String> languages = List.of("en", "fr");
  private List<SatelliteConfig> satellites = List.of();
  private long arbitrationWindowMs = DEFAULT_ARBITRATION_WINDOW_MS;
  private long maxUtteranceMs = DEFAULT_MAX_UTTERANCE_MS;
  private long silenceMs = DEFAULT_SILENCE_MS;
  private long noSpeechMs = DEFAULT_NO_SPEECH_MS;
  private double vadThreshold = DEFAULT_VAD_THRESHOLD;
  private long playedGraceMs = DEFAULT_PLAYED_GRACE_MS;
  private long pingIntervalMs = DEFAULT_PING_INTERVAL_MS;
  private long livenessTimeoutMs = DEFAULT_LIVENESS_TIMEOUT_MS;
  private long reconnectInitialMs = DEFAULT_RECONNECT_INITIAL_MS;
  private long reconnectMaxMs = DEFAULT_RECONNECT_MAX_MS;

  /** Options with every default and no satellites. */
  public VoiceOptions() {
  }

  /** A copy of {@code other}: changing one leaves the other as it was. */
  public VoiceOptions(VoiceOptions other) {
    this(other.toJson());
  }

  /**
   * Reads the JSON form; missing keys keep their defaults, unknown keys are ignored.
   *
   * @throws IllegalArgumentException when a value is out of range or a satellite entry is malformed
   */
  public VoiceOptions(JsonObject json) {
    setServer(WyomingServerSection.read(json, server));
    setLanguage(json.getString("language", "en"));
    JsonArray langs = json.getJsonArray("languages");
    if (langs != null) {
      List<String> list = new ArrayList<>();
      langs.forEach(l -> list.add(String.valueOf(l)));
      setLanguages(list);
    }
    JsonArray sats = json.getJsonArray("satellites", new JsonArray());
    List<SatelliteConfig> list = new ArrayList<>();
    for (Object entry : sats) {
      if (!(entry instanceof JsonObject object)) {
        throw new IllegalArgumentException("each voice.satellites entry must be an object, got " + entry);
      }
      list.add(SatelliteConfig.fromJson(object));
    }
    setSatellites(list);
    setArbitrationWindowMs(json.getLong("arbitration_window_ms", DEFAULT_ARBITRATION_WINDOW_MS));
    setMaxUtteranceMs(json.getLong("max_utterance_ms", DEFAULT_MAX_UTTERANCE_MS));
    setSilenceMs(json.getLong("silence_ms", DEFAULT_SILENCE_MS));
    setNoSpeechMs(json.getLong("no_speech_ms", DEFAULT_NO_SPEECH_MS));
    setVadThreshold(json.getDouble("vad_threshold", DEFAULT_VAD_THRESHOLD));
    setPlayedGraceMs(json.getLong("played_grace_ms", DEFAULT_PLAYED_GRACE_MS));
    setPingIntervalMs(json.getLong("ping_interval_ms", DEFAULT_PING_INTERVAL_MS));
    setLivenessTimeoutMs(json.getLong("liveness_timeout_ms", DEFAULT_LIVENESS_TIMEOUT_MS));
    setReconnectInitialMs(json.getLong("reconnect_initial_ms", DEFAULT_RECONNECT_INITIAL_MS));
    setReconnectMaxMs(json.getLong("reconnect_max_ms", DEFAULT_RECONNECT_MAX_MS));
  }

  /**
   * Reads the hub's two sections: {@code voice}, and {@code wyoming} for the server's address, caps, timeouts and size
   * limits (its keys win over the same keys in {@code voice}).
   *
   * @throws IllegalArgumentException when a value is out of range or a satellite entry is malformed
   */
  public static VoiceOptions fromSections(JsonObject voice, JsonObject wyoming) {
    JsonObject merged = voice.copy();
    for (String key : WyomingServerSection.KEYS) {
      if (wyoming.containsKey(key)) {
        merged.put(key, wyoming.getValue(key));
      }
    }
    return new VoiceOptions(merged);
  }

  private static long positive(long value, String name) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
    return value;
  }

  /** The Wyoming server's options: bind address, connection caps, timeouts and size limits. */
  public WyomingServerOptions getServer() {
    return server;
  }

  /** Sets the Wyoming server's options. */
  public VoiceOptions setServer(WyomingServerOptions server) {
    requireHost(server.getHost());
    this.server = server;
    return this;
  }

  /** The Wyoming server's bind address. */
  public String getHost() {
    return server.getHost();
  }

  /** Sets the Wyoming server's bind address. */
  public VoiceOptions setHost(String host) {
    server.setHost(requireHost(host));
    return this;
  }

  private static String requireHost(String host) {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("voice host must not be blank");
    }
    return host;
  }

  /** The Wyoming server's port; 0 picks a free one. */
  public int getPort() {
    return server.getPort();
  }

  /** Sets the Wyoming server's port. */
  public VoiceOptions setPort(int port) {
    server.setPort(port);
    return this;
  }

  /** The language used when a request names none. */
  public String getLanguage() {
    return language;
  }

  /** Sets the default language. */
  public VoiceOptions setLanguage(String language) {
    this.language = language == null || language.isBlank() ? "en" : language;
    return this;
  }

  /** The languages the conversation agent is advertised with. */
  public List<String> getLanguages() {
    return languages;
  }

  /** Sets the advertised conversation languages. */
  public VoiceOptions setLanguages(List<String> languages) {
    this.languages = languages == null ? List.of() : List.copyOf(languages);
    return this;
  }

  /** The satellites Harpou connects to. */
  public List<SatelliteConfig> getSatellites() {
    return satellites;
  }

  /**
   * Sets the satellites Harpou connects to.
   *
   * @throws IllegalArgumentException when two share an id
   */
  public VoiceOptions setSatellites(List<SatelliteConfig> satellites) {
    if (satellites != null) {
      java.util.Set<String> ids = new java.util.HashSet<>();
      satellites.stream().filter(s -> !ids.add(s.id())).findFirst().ifPresent(s -> {
        throw new IllegalArgumentException("two voice.satellites entries have the id " + s.id());
      });
    }
    this.satellites = satellites == null ? List.of() : List.copyOf(satellites);
    return this;
  }

  /** The multi-room arbitration window in milliseconds. */
  public long getArbitrationWindowMs() {
    return arbitrationWindowMs;
  }

  /** Sets the arbitration window; 0 lets the first satellite win at once. */
  public VoiceOptions setArbitrationWindowMs(long arbitrationWindowMs) {
    if (arbitrationWindowMs < 0) {
      throw new IllegalArgumentException("arbitration_window_ms must not be negative");
    }
    this.arbitrationWindowMs = arbitrationWindowMs;
    return this;
  }

  /** The longest utterance in audio milliseconds. */
  public long getMaxUtteranceMs() {
    return maxUtteranceMs;
  }

  /** Sets the longest utterance. */
  public VoiceOptions setMaxUtteranceMs(long maxUtteranceMs) {
    this.maxUtteranceMs = positive(maxUtteranceMs, "max_utterance_ms");
    return this;
  }

  /** The trailing silence that ends speech, in audio milliseconds. */
  public long getSilenceMs() {
    return silenceMs;
  }

  /** Sets the trailing silence that ends speech. */
  public VoiceOptions setSilenceMs(long silenceMs) {
    this.silenceMs = positive(silenceMs, "silence_ms");
    return this;
  }

  /** Audio milliseconds without speech after which a wake is given up. */
  public long getNoSpeechMs() {
    return noSpeechMs;
  }

  /** Sets how long to wait for speech after a wake. */
  public VoiceOptions setNoSpeechMs(long noSpeechMs) {
    this.noSpeechMs = positive(noSpeechMs, "no_speech_ms");
    return this;
  }

  /** The speech threshold, an RMS level from 0 to 1. */
  public double getVadThreshold() {
    return vadThreshold;
  }

  /** Sets the speech threshold. */
  public VoiceOptions setVadThreshold(double vadThreshold) {
    if (!(vadThreshold > 0 && vadThreshold < 1)) {
      throw new IllegalArgumentException("vad_threshold must be between 0 and 1, got " + vadThreshold);
    }
    this.vadThreshold = vadThreshold;
    return this;
  }

  /** How long to wait for {@code played} beyond the audio's duration. */
  public long getPlayedGraceMs() {
    return playedGraceMs;
  }

  /** Sets how long to wait for {@code played} beyond the audio's duration. */
  public VoiceOptions setPlayedGraceMs(long playedGraceMs) {
    this.playedGraceMs = positive(playedGraceMs, "played_grace_ms");
    return this;
  }

  /** The ping interval towards satellites. */
  public long getPingIntervalMs() {
    return pingIntervalMs;
  }

  /** Sets the ping interval towards satellites. */
  public VoiceOptions setPingIntervalMs(long pingIntervalMs) {
    this.pingIntervalMs = positive(pingIntervalMs, "ping_interval_ms");
    return this;
  }

  /** The silence after which a satellite link counts as dead. */
  public long getLivenessTimeoutMs() {
    return livenessTimeoutMs;
  }

  /** Sets the silence after which a satellite link counts as dead. */
  public VoiceOptions setLivenessTimeoutMs(long livenessTimeoutMs) {
    this.livenessTimeoutMs = positive(livenessTimeoutMs, "liveness_timeout_ms");
    return this;
  }

  /** The first reconnection delay. */
  public long getReconnectInitialMs() {
    return reconnectInitialMs;
  }

  /** Sets the first reconnection delay. */
  public VoiceOptions setReconnectInitialMs(long reconnectInitialMs) {
    this.reconnectInitialMs = positive(reconnectInitialMs, "reconnect_initial_ms");
    return this;
  }

  /** The longest reconnection delay. */
  public long getReconnectMaxMs() {
    return reconnectMaxMs;
  }

  /** Sets the longest reconnection delay. */
  public VoiceOptions setReconnectMaxMs(long reconnectMaxMs) {
    this.reconnectMaxMs = positive(reconnectMaxMs, "reconnect_max_ms");
    return this;
  }

  /** The JSON form. */
  public JsonObject toJson() {
    JsonArray sats = new JsonArray();
    satellites.forEach(s -> sats.add(s.toJson()));
    return WyomingServerSection.write(server, new JsonObject()).put("language", language)
        .put("languages", new JsonArray(languages)).put("satellites", sats)
        .put("arbitration_window_ms", arbitrationWindowMs).put("max_utterance_ms", maxUtteranceMs)
        .put("silence_ms", silenceMs).put("no_speech_ms", noSpeechMs).put("vad_threshold", vadThreshold)
        .put("played_grace_ms", playedGraceMs).put("ping_interval_ms", pingIntervalMs)
        .put("liveness_timeout_ms", livenessTimeoutMs).put("reconnect_initial_ms", reconnectInitialMs)
        .put("reconnect_max_ms", reconnectMaxMs);
  }
}
