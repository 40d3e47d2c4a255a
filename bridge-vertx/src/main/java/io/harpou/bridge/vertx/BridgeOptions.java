package io.harpou.bridge.vertx;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;

/**
 * The configuration of a {@link Bridge}: one JSON object with a section per component. Every section is optional;
 * what is absent runs on its default or is not started.
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

  private final JsonObject config;
  private Path dataDir;

  /** Options with every default. */
  public BridgeOptions() {
    this(new JsonObject());
  }

  /** Options read from a configuration object (copied). */
  public BridgeOptions(JsonObject config) {
    this.config = config == null ? new JsonObject() : config.copy();
    this.dataDir = Path.of(this.config.getString("data_dir", DEFAULT_DATA_DIR));
  }

  /** Where the database and files live. */
  public Path dataDir() {
    return dataDir;
  }

  /** Sets the data directory. */
  public BridgeOptions setDataDir(Path dataDir) {
    config.put("data_dir", dataDir.toString());
    this.dataDir = dataDir;
    return this;
  }

  /** A component's section, empty when absent. */
  public JsonObject section(String name) {
    return config.getJsonObject(name, new JsonObject());
  }

  /** True when a component's section is present. */
  public boolean has(String name) {
    return config.getValue(name) instanceof JsonObject;
  }

  /** Replaces a component's section. */
  public BridgeOptions setSection(String name, JsonObject section) {
    config.put(name, section);
    return this;
  }

  /** Sets whether the HTTP API runs (it does by default). */
  public BridgeOptions setHttpEnabled(boolean enabled) {
    config.put("http", section("http").put("enabled", enabled));
    return this;
  }

  /** True unless the HTTP API is disabled. */
  public boolean httpEnabled() {
    return section("http").getBoolean("enabled", true);
  }

  /** The whole configuration (a copy). */
  public JsonObject toJson() {
    return config.copy();
  }
}
