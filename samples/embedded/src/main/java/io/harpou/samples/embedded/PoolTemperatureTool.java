package io.harpou.samples.embedded;

import io.harpou.bridge.api.tool.Risk;
import io.harpou.bridge.api.tool.Tool;
import io.harpou.bridge.api.tool.ToolCall;
import io.harpou.bridge.api.tool.ToolContext;
import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.bridge.api.tool.ToolSpec;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/** A tool that reads the pool's temperature. READ risk: it changes nothing. */
public final class PoolTemperatureTool implements Tool {

  private static final ToolSpec SPEC = ToolSpec.of("get_pool_temperature",
      "Returns the swimming pool's water temperature in degrees Celsius.", Risk.READ);

  private final PoolThermometer thermometer;

  /** Creates the tool over the application's thermometer. */
  public PoolTemperatureTool(PoolThermometer thermometer) {
    this.thermometer = thermometer;
  }

  @Override
  public ToolSpec spec() {
    return SPEC;
  }

  @Override
  public Future<ToolResult> call(ToolCall call, ToolContext context) {
    return Tool.done(ToolResult.ok(new JsonObject().put("celsius", thermometer.celsius())));
  }
}
