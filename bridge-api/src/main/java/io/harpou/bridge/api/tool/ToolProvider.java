package io.harpou.bridge.api.tool;

import io.harpou.bridge.api.agent.Interpreter;
import io.harpou.bridge.api.home.HomeExposure;
import io.harpou.bridge.api.monitor.Monitor;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;

/**
 * A module's contribution of tools (and optionally interpreters and monitors), found through {@link java.util.ServiceLoader}.
 * Implementations need a public no-argument constructor and a {@code META-INF/services} entry.
 */
public interface ToolProvider {

  /** A short, stable identifier (for example {@code home}) used to enable the provider in configuration. */
  String id();

  /** The tools this provider offers, built from its configuration section (never null; may be empty). */
  List<Tool> tools(JsonObject config);

  /** Interpreters to try before the LLM, in order; none by default. */
  default List<Interpreter> interpreters(JsonObject config) {
    return List.of();
  }

  /** Monitors watching what this provider's tools act on, built from its configuration section; none by default. */
  default List<Monitor> monitors(JsonObject config) {
    return List.of();
  }

  /**
   * Which entities of the home the assistant may see, when this provider decides it (the home tools' exposure
   * policy), built from its configuration section; empty by default.
   */
  default Optional<HomeExposure> exposure(JsonObject config) {
    return Optional.empty();
  }
}
