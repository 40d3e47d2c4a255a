package io.harpou.tools.system;

import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.tool.Tool;
import io.harpou.bridge.api.tool.ToolCall;
import io.harpou.bridge.api.tool.ToolContext;
import io.harpou.bridge.api.tool.ToolResult;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** Runs the system tools as the policy point would: built from a configuration section, called with a context. */
public final class ToolTestSupport {

  private final Vertx vertx;
  private final List<Tool> tools;

  /** The tools the provider builds from {@code section}. */
  public ToolTestSupport(Vertx vertx, JsonObject section) {
    this.vertx = vertx;
    this.tools = new SystemToolProvider().tools(section);
  }

  /** The tool with this name; fails the test when the provider does not offer it. */
  public Tool tool(String name) {
    return tools.stream().filter(t -> t.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no tool " + name + " in " + names()));
  }

  /** True when the provider offers this tool. */
  public boolean offers(String name) {
    return names().contains(name);
  }

  /** The names of the tools offered. */
  public List<String> names() {
    return tools.stream().map(Tool::name).toList();
  }

  /** Calls a tool and waits for its result. */
  public ToolResult call(String name, JsonObject arguments) {
    ToolContext context = ToolContext.builder(vertx, Utterance.of("test")).build();
    return tool(name).call(ToolCall.of(name, arguments), context).await();
  }
}
