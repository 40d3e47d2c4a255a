package io.harpou.bridge.vertx;

import io.harpou.bridge.vertx.agent.AgentOptions;
import io.harpou.bridge.vertx.artifact.ArtifactOptions;
import io.harpou.bridge.vertx.ha.HomeAssistantOptions;
import io.harpou.bridge.vertx.http.HttpApiOptions;
import io.harpou.bridge.vertx.mcp.McpRemoteServer;
import io.harpou.bridge.vertx.mcp.McpServerOptions;
import io.harpou.bridge.vertx.memory.MemoryOptions;
import io.harpou.bridge.vertx.monitor.MonitorOptions;
import io.harpou.bridge.vertx.mqtt.MqttOptions;
import io.harpou.bridge.vertx.rules.NotificationOptions;
import io.harpou.bridge.vertx.store.pg.PgStoreOptions;
import io.harpou.bridge.vertx.voice.VoiceOptions;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The configuration of a {@link Bridge}: one JSON object with a section per part, each read into that part's typed
 * options. Every section is optional; what is absent runs on its default or is not started.
 *
 * <pre>{@code
 * {
 *   "data_dir": "./data",
 *   "http": {"host": "127.0.0.1", "port": 8099},
 *   "home_assistant": {"url": "http://homeassistant.local:8123", "token": "..."},
 *   "tools": {"enabled": ["home", "system"]}
 * }
 * }</pre>
 */
public final class BridgeOptions {

  /** The default data directory, relative to the working directory. */
  public static final String DEFAULT_DATA_DIR = "./data";
  /** How long start-up waits for Home Assistant's first sync by default. */
  public static final long DEFAULT_HOME_STARTUP_WAIT_MS = 10_000;

  private static final String DATA_DIR = "data_dir";
  private static final String HTTP = "http";
  private static final String HOME_ASSISTANT = "home_assistant";
  private static final String AGENT = "agent";
  private static final String MEMORY = "memory";
  private static final String ARTIFACTS = "artifacts";
  private static final String VOICE = "voice";
  private static final String WYOMING = "wyoming";
  private static final String TOOLS = "tools";
  private static final String MCP = "mcp";
  private static final String MQTT = "mqtt";
  private static final String NOTIFICATIONS = "notifications";
  private static final String MONITORS = "monitors";
  private static final String DATABASE = "database";
  private static final String ENABLED = "enabled";

  private final JsonObject config;

  /** Options with every default. */
  public BridgeOptions() {
    this(new JsonObject());
  }

  /** Options read from a configuration object (copied). */
  public BridgeOptions(JsonObject config) {
    this.config = config == null ? new JsonObject() : config.copy();
  }

  /** A copy of {@code other}. */
  public BridgeOptions(BridgeOptions other) {
    this(other.config);
  }

  /** Where the database and files live. */
  public Path dataDir() {
    return Path.of(config.getString(DATA_DIR, DEFAULT_DATA_DIR));
  }

  /** Sets the data directory. */
  public BridgeOptions setDataDir(Path dataDir) {
    config.put(DATA_DIR, dataDir.toString());
    return this;
  }

  /**
   * The shared database, from the {@code database} section, when its {@code url} is a {@code postgresql://} URL: the
   * audit log, the conversation history and the tasks are kept there, for several hubs to share. Empty (the
   * default) keeps everything in the embedded SQLite file.
   *
   * @throws IllegalArgumentException when {@code database.url} is set to anything else
   */
  public Optional<PgStoreOptions> getSharedDatabase() {
    JsonObject section = section(DATABASE);
    if (section.getString("url") == null) {
      return Optional.empty();
    }
    return Optional.of(new PgStoreOptions(section));
  }

  /** True unless the HTTP API is disabled. */
  public boolean httpEnabled() {
    return section(HTTP).getBoolean(ENABLED, true);
  }

  /** Sets whether the HTTP API runs (it does by default). */
  public BridgeOptions setHttpEnabled(boolean enabled) {
    config.put(HTTP, section(HTTP).put(ENABLED, enabled));
    return this;
  }

  /**
   * The HTTP API's options, from the {@code http} section.
   *
   * @throws IllegalArgumentException when a value is out of range
   */
  public HttpApiOptions getHttp() {
    return read(HTTP, () -> new HttpApiOptions(section(HTTP)));
  }

  /** Sets the HTTP API's options; it runs. */
  public BridgeOptions setHttp(HttpApiOptions http) {
    config.put(HTTP, http.toJson().put(ENABLED, true));
    return this;
  }

  /**
   * The Home Assistant client's options, from the {@code home_assistant} section; empty when no URL is configured
   * (then no client runs).
   *
   * @throws IllegalArgumentException when a value is out of range
   */
  public Optional<HomeAssistantOptions> getHomeAssistant() {
    JsonObject section = section(HOME_ASSISTANT);
    return section.getString("url") == null ? Optional.empty()
        : Optional.of(read(HOME_ASSISTANT, () -> new HomeAssistantOptions(section)));
  }

  /** How long start-up waits for Home Assistant's first sync ({@code home_assistant.startup_wait_ms}). */
  public long getHomeStartupWaitMs() {
    return section(HOME_ASSISTANT).getLong("startup_wait_ms", DEFAULT_HOME_STARTUP_WAIT_MS);
  }

  /** Sets the Home Assistant client's options, token included. */
  public BridgeOptions setHomeAssistant(HomeAssistantOptions options) {
    JsonObject section = options.toJson();
    if (options.getToken() != null) {
      section.put("token", options.getToken());
    }
    config.put(HOME_ASSISTANT, section);
    return this;
  }

  /** True unless the agent is disabled ({@code agent.enabled}). */
  public boolean agentEnabled() {
    return section(AGENT).getBoolean(ENABLED, true);
  }

  /**
   * The agent's options, from the {@code agent} section.
   *
   * @throws IllegalArgumentException when a value is out of range
   */
  public AgentOptions getAgent() {
    return read(AGENT, () -> new AgentOptions(section(AGENT)));
  }

  /** Sets the agent's options, the OpenAI-compatible server's API key included; it runs. */
  public BridgeOptions setAgent(AgentOptions agent) {
    config.put(AGENT, agent.toJson().put("openai", agent.getOpenai()).put(ENABLED, true));
    return this;
  }

  /**
   * The memory's options, from the {@code memory} section.
   *
   * @throws IllegalArgumentException when a value is out of range
   */
  public MemoryOptions getMemory() {
    return read(MEMORY, () -> new MemoryOptions(section(MEMORY)));
  }

  /** Sets the memory's options, the API keys of its embedding and fact models included. */
  public BridgeOptions setMemory(MemoryOptions memory) {
    JsonObject section = memory.toJson();
    String embeddingsKey = memory.embeddingsModelConfig().getString("api_key");
    String factsKey = memory.factsModelConfig().getString("api_key");
    if (embeddingsKey != null) {
      section.getJsonObject("embeddings").put("api_key", embeddingsKey);
    }
    if (factsKey != null) {
      section.getJsonObject("facts").put("api_key", factsKey);
    }
    config.put(MEMORY, section);
    return this;
  }

  /**
   * The artifact store's options, from the {@code artifacts} section.
   *
   * @throws IllegalArgumentException when a limit is not positive
   */
  public ArtifactOptions getArtifacts() {
    return read(ARTIFACTS, () -> new ArtifactOptions(section(ARTIFACTS)));
  }

  /**
   * True when voice runs: the configuration has a {@code voice} or {@code wyoming} section (the hub always writes
   * one, so an embedding application never opens a listening port it did not ask for) and neither says
   * {@code "enabled": false}.
   */
  public boolean voiceEnabled() {
    boolean configured = config.getValue(VOICE) instanceof JsonObject || config.getValue(WYOMING) instanceof JsonObject;
    return configured && section(VOICE).getBoolean(ENABLED, true) && section(WYOMING).getBoolean(ENABLED, true);
  }

  /**
   * Voice's options, from the {@code voice} section and the Wyoming server's from the {@code wyoming} section.
   *
   * @throws IllegalArgumentException when a value is out of range or a satellite entry is malformed
   */
  public VoiceOptions getVoice() {
    return read(VOICE, () -> VoiceOptions.fromSections(section(VOICE), section(WYOMING)));
  }

  /** The {@code voice} section as speech engine providers read it ({@code whisper}, {@code espeak}, ...). */
  public JsonObject getSpeechEngines() {
    return section(VOICE);
  }

  /** Sets voice's options; it runs. */
  public BridgeOptions setVoice(VoiceOptions voice) {
    JsonObject merged = voice.toJson();
    JsonObject engines = section(VOICE);
    engines.fieldNames().stream().filter(key -> !merged.containsKey(key))
        .forEach(key -> merged.put(key, engines.getValue(key)));
    config.put(VOICE, merged);
    config.remove(WYOMING);
    return this;
  }

  /**
   * The MCP server's options, from the {@code mcp.server} section. It is mounted on the HTTP API when both run.
   *
   * @throws IllegalArgumentException when the section is malformed
   */
  public McpServerOptions getMcpServer() {
    return read(MCP, () -> new McpServerOptions(section(MCP).getJsonObject("server", new JsonObject())));
  }

  /**
   * The MCP servers whose tools the agent uses, from the {@code mcp.servers} list.
   *
   * @throws IllegalArgumentException when an entry is malformed
   */
  public List<McpRemoteServer> getMcpServers() {
    return read(MCP, () -> McpRemoteServer.listFromJson(section(MCP).getJsonArray("servers")));
  }

  /**
   * MQTT discovery's options, from the {@code mqtt} section; empty when it names no broker URL (then nothing is
   * published).
   *
   * @throws IllegalArgumentException when a value is malformed or out of range
   */
  public Optional<MqttOptions> getMqtt() {
    JsonObject section = section(MQTT);
    return section.getString("url") == null || !section.getBoolean(ENABLED, true) ? Optional.empty()
        : Optional.of(read(MQTT, () -> new MqttOptions(section)));
  }

  /**
   * The notification rules' options, from the {@code notifications} section; they run whenever Home Assistant does,
   * unless {@code notifications.enabled} is false.
   *
   * @throws IllegalArgumentException when a rule or value is malformed
   */
  public Optional<NotificationOptions> getNotifications() {
    JsonObject section = section(NOTIFICATIONS);
    return section.getBoolean(ENABLED, true) ? Optional.of(read(NOTIFICATIONS, () -> new NotificationOptions(section)))
        : Optional.empty();
  }

  /** Sets the notification rules' options; they run whenever Home Assistant does. */
  public BridgeOptions setNotifications(NotificationOptions notifications) {
    config.put(NOTIFICATIONS, notifications.toJson().put(ENABLED, true));
    return this;
  }

  /**
   * The monitors' options, from the {@code monitors} section (each monitor's own threshold sits with the tools that
   * provide it).
   *
   * @throws IllegalArgumentException when a value is out of range
   */
  public MonitorOptions getMonitors() {
    return read(MONITORS, () -> new MonitorOptions(section(MONITORS)));
  }

  /** Sets the monitors' options. */
  public BridgeOptions setMonitors(MonitorOptions monitors) {
    config.put(MONITORS, monitors.toJson());
    return this;
  }

  /**
   * Sets whether the monitors run (they do by default). They watch the machine's real disks, load and services, so
   * an application or test that is not about them turns them off.
   */
  public BridgeOptions setMonitorsEnabled(boolean enabled) {
    config.put(MONITORS, section(MONITORS).put(ENABLED, enabled));
    return this;
  }

  /** The {@code tools} section: which providers are enabled and each provider's own section. */
  public JsonObject getTools() {
    return section(TOOLS);
  }

  /** Sets the {@code tools} section. */
  public BridgeOptions setTools(JsonObject tools) {
    config.put(TOOLS, tools.copy());
    return this;
  }

  /**
   * Replaces a section as JSON: {@code http}, {@code home_assistant}, {@code agent}, {@code memory}, {@code voice},
   * {@code wyoming}, {@code artifacts}, {@code mqtt}, {@code notifications}, {@code tools}, {@code mcp} or
   * {@code monitors}.
   */
  public BridgeOptions setSection(String name, JsonObject section) {
    config.put(name, section.copy());
    return this;
  }

  /** The whole configuration (a copy). */
  public JsonObject toJson() {
    return config.copy();
  }

  private JsonObject section(String name) {
    return config.getValue(name) instanceof JsonObject section ? section.copy() : new JsonObject();
  }

  private static <T> T read(String section, java.util.function.Supplier<T> reader) {
    try {
      return reader.get();
    } catch (IllegalArgumentException | ClassCastException e) {
      throw new IllegalArgumentException("bad " + section + " configuration: " + e.getMessage(), e);
    }
  }
}
