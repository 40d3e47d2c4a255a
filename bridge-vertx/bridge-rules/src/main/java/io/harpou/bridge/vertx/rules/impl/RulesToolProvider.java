package io.harpou.bridge.vertx.rules.impl;

import io.harpou.bridge.api.agent.Interpreter;
import io.harpou.bridge.api.tool.Tool;
import io.harpou.bridge.api.tool.ToolProvider;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** The {@code rules} provider: the {@code notify_when} tool and the "tell me when" interpreter. */
public final class RulesToolProvider implements ToolProvider {

  /** Creates the provider; {@link java.util.ServiceLoader} uses this constructor. */
  public RulesToolProvider() {
  }

  @Override
  public String id() {
    return "rules";
  }

  @Override
  public List<Tool> tools(JsonObject config) {
    return List.of(new NotifyWhenTool());
  }

  @Override
  public List<Interpreter> interpreters(JsonObject config) {
    return List.of(new TellMeWhenInterpreter());
  }
}
