package io.harpou.tools.system;

import io.harpou.bridge.api.tool.Tool;
import io.harpou.bridge.api.tool.ToolProvider;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.List;

/** Provides the system tools, under the id {@code system}. */
public final class SystemToolProvider implements ToolProvider {

  @Override
  public String id() {
    return "system";
  }

  @Override
  public List<Tool> tools(JsonObject config) {
    return List.of(new GetTimeTool(Clock.systemDefaultZone()));
  }
}
