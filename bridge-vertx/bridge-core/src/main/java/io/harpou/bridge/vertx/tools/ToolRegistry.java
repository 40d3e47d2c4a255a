package io.harpou.bridge.vertx.tools;

import io.harpou.bridge.api.BridgeException;
import io.harpou.bridge.api.Providers;
import io.harpou.bridge.api.agent.Interpreter;
import io.harpou.bridge.api.home.HomeExposure;
import io.harpou.bridge.api.monitor.Monitor;
import io.harpou.bridge.api.tool.Tool;
import io.harpou.bridge.api.tool.ToolProvider;
import io.harpou.bridge.api.tool.ToolSpec;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every tool and interpreter the agent may use. Providers are found by {@link Providers} (the thread's context class
 * loader first, so application servers and plugins work), enabled by id from configuration, and no two tools may
 * share a name.
 *
 * <p>Configuration: {@code {"enabled": ["home", "system"], "home": {...}, "system": {...}}}; without
 * {@code enabled}, every provider found is enabled. Each provider receives its own section.
 */
public final class ToolRegistry {

  private static final Logger LOG = LoggerFactory.getLogger(ToolRegistry.class);

  private final Map<String, Tool> tools;
  private final Map<String, String> providerOfTool;
  private final List<Interpreter> interpreters;
  private final List<Monitor> monitors;
  private final List<String> providers;
  private final JsonObject config;
  private final HomeExposure exposure;
  private final Supplier<Collection<Tool>> live;

  private ToolRegistry(Map<String, Tool> tools, Map<String, String> providerOfTool, List<Interpreter> interpreters,
                       List<Monitor> monitors, List<String> providers, JsonObject config, HomeExposure exposure,
                       Supplier<Collection<Tool>> live) {
    this.tools = tools;
    this.providerOfTool = providerOfTool;
    this.interpreters = interpreters;
    this.monitors = monitors;
    this.providers = providers;
    this.config = config;
    this.exposure = exposure;
    this.live = live;
  }

  /**
   * A copy that also offers the tools {@code live} supplies at each moment (an MCP server's, which come and go). A
   * live tool whose name a provider's tool has is left out: the provider's keeps its name.
   */
  public ToolRegistry withLiveTools(Supplier<Collection<Tool>> live) {
    return new ToolRegistry(tools, providerOfTool, interpreters, monitors, providers, config, exposure, live);
  }

  /**
   * Discovers the providers on the class path and builds the registry from {@code config}.
   *
   * @throws BridgeException when two tools share a name, or a provider named in {@code enabled} is not found
   */
  public static ToolRegistry load(JsonObject config) {
    return builder(config).discover().build();
  }

  /** A builder for registries that add providers by hand (embedding applications, tests). */
  public static Builder builder(JsonObject config) {
    return new Builder(config == null ? new JsonObject() : config);
  }

  /** All tools, in registration order, then the live tools available now. */
  public Collection<Tool> tools() {
    if (live == null) {
      return tools.values();
    }
    List<Tool> all = new ArrayList<>(tools.values());
    live.get().stream().filter(t -> !tools.containsKey(t.name())).forEach(all::add);
    return all;
  }

  /** The tool with this name. */
  public Optional<Tool> tool(String name) {
    Tool tool = tools.get(name);
    if (tool != null || live == null) {
      return Optional.ofNullable(tool);
    }
    return live.get().stream().filter(t -> t.name().equals(name)).findFirst();
  }

  /** The specs of all tools, as the model and {@code /api/tools} see them. */
  public List<ToolSpec> specs() {
    return tools().stream().map(Tool::spec).toList();
  }

  /** The id of the provider that contributed a tool. */
  public Optional<String> providerOf(String toolName) {
    return Optional.ofNullable(providerOfTool.get(toolName));
  }

  /** The configuration section of the provider that contributed a tool (a copy; empty when it has none). */
  public JsonObject configOf(String toolName) {
    return providerOf(toolName).map(id -> config.getJsonObject(id, new JsonObject()).copy())
        .orElseGet(JsonObject::new);
  }

  /** Interpreters contributed by the enabled providers, in provider order. */
  public List<Interpreter> interpreters() {
    return interpreters;
  }

  /** Monitors contributed by the enabled providers, in provider order. */
  public List<Monitor> monitors() {
    return monitors;
  }

  /**
   * Which entities the assistant may see: visible to every enabled provider that decides it, and every entity when
   * none does.
   */
  public HomeExposure exposure() {
    return exposure;
  }

  /** Ids of the enabled providers. */
  public List<String> providers() {
    return providers;
  }

  /** Builds a {@link ToolRegistry}. */
  public static final class Builder {
    private final JsonObject config;
    private final Map<String, ToolProvider> found = new LinkedHashMap<>();

    private Builder(JsonObject config) {
      this.config = config;
    }

    /**
     * Adds every provider on the class path, found as {@link Providers} finds plug-ins.
     *
     * @throws BridgeException when two providers share an id
     */
    public Builder discover() {
      Providers.load(ToolProvider.class, ToolProvider::id).values().forEach(this::add);
      return this;
    }

    /**
     * Adds a provider by hand.
     *
     * @throws BridgeException when another provider class has its id
     */
    public Builder add(ToolProvider provider) {
      Providers.add(found, provider, ToolProvider::id);
      return this;
    }

    /**
     * Enables the configured providers and indexes their tools.
     *
     * @throws BridgeException when two tools share a name (naming both providers) or an enabled id is unknown
     */
    public ToolRegistry build() {
      List<String> enabled = enabledIds();
      Map<String, Tool> tools = new LinkedHashMap<>();
      Map<String, String> providerOfTool = new LinkedHashMap<>();
      List<Interpreter> interpreters = new ArrayList<>();
      List<Monitor> monitors = new ArrayList<>();
      HomeExposure exposure = HomeExposure.EVERYTHING;
      for (String id : enabled) {
        ToolProvider provider = found.get(id);
        JsonObject section = config.getJsonObject(id, new JsonObject());
        for (Tool tool : provider.tools(section)) {
          String name = tool.spec().name();
          String owner = providerOfTool.putIfAbsent(name, id);
          if (owner != null) {
            throw new BridgeException("tool '" + name + "' is offered by both provider '" + owner
                + "' and provider '" + id + "'");
          }
          tools.put(name, tool);
        }
        interpreters.addAll(provider.interpreters(section));
        monitors.addAll(provider.monitors(section));
        exposure = provider.exposure(section).map(exposure::and).orElse(exposure);
      }
      LOG.info("Tools: {} from providers {}", tools.size(), enabled);
      return new ToolRegistry(Collections.unmodifiableMap(tools), Collections.unmodifiableMap(providerOfTool),
          List.copyOf(interpreters), List.copyOf(monitors), enabled, config.copy(), exposure, null);
    }

    private List<String> enabledIds() {
      JsonArray enabled = config.getJsonArray("enabled");
      if (enabled == null) {
        return List.copyOf(found.keySet());
      }
      List<String> ids = new ArrayList<>();
      for (Object id : enabled) {
        if (!found.containsKey(String.valueOf(id))) {
          throw new BridgeException("tool provider '" + id + "' is enabled in the configuration but not installed;"
              + " installed: " + found.keySet());
        }
        ids.add(String.valueOf(id));
      }
      return List.copyOf(ids);
    }
  }
}
