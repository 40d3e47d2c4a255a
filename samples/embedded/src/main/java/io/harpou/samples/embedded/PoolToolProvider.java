package io.harpou.samples.embedded;

import io.harpou.bridge.api.agent.Interpreter;
import io.harpou.bridge.api.tool.Tool;
import io.harpou.bridge.api.tool.ToolProvider;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The application's contribution to Harpou, found by {@link java.util.ServiceLoader} through
 * {@code META-INF/services/io.harpou.bridge.api.tool.ToolProvider}.
 */
public final class PoolToolProvider implements ToolProvider {

  /** The thermometer the tools read; one per application. */
  static final PoolThermometer THERMOMETER = new PoolThermometer();

  @Override
  public String id() {
    return "pool";
  }

  @Override
  public List<Tool> tools(JsonObject config) {
    return List.of(new PoolTemperatureTool(THERMOMETER));
  }

  @Override
  public List<Interpreter> interpreters(JsonObject config) {
    return List.of(new PoolQuestionInterpreter());
  }
}
