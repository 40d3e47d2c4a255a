package io.harpou.bridge.vertx.monitor;

import io.harpou.bridge.api.tool.Tool;
import io.harpou.bridge.api.tool.ToolProvider;
import io.harpou.bridge.vertx.monitor.impl.RepairTools;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The {@code repairs} provider: {@code list_alerts} and {@code answer_repair}, through which a household member
 * answers a repair session's question from any door, after confirming it themselves.
 */
public final class RepairToolProvider implements ToolProvider {

  @Override
  public String id() {
    return "repairs";
  }

  @Override
  public List<Tool> tools(JsonObject config) {
    return RepairTools.all();
  }
}
