package io.harpou.bridge.vertx.memory;

import io.harpou.bridge.api.agent.Interpreter;
import io.harpou.bridge.api.tool.Tool;
import io.harpou.bridge.api.tool.ToolProvider;
import io.harpou.bridge.vertx.memory.impl.MemoryInterpreter;
import io.harpou.bridge.vertx.memory.impl.MemoryTools;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The {@code memory} tools ({@code memory_store}, {@code memory_recall}, {@code memory_list}, {@code memory_delete},
 * {@code search_documents}) and an interpreter for "remember that ...", "what do you know about ...", "forget ..."
 * (and "retiens que ...", "que sais-tu de ...", "oublie ..."). The tools reach the store through
 * {@link io.harpou.bridge.api.tool.ToolContext#memory()}; forgetting by description or scope and document search need
 * the hub's {@link MemoryService}.
 */
public final class MemoryToolProvider implements ToolProvider {

  /** The provider's id in configuration. */
  public static final String ID = "memory";

  /** For {@link java.util.ServiceLoader}. */
  public MemoryToolProvider() {
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Tool> tools(JsonObject config) {
    return MemoryTools.all();
  }

  @Override
  public List<Interpreter> interpreters(JsonObject config) {
    return List.of(new MemoryInterpreter());
  }
}
