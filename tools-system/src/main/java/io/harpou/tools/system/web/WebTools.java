package io.harpou.tools.system.web;

import io.harpou.bridge.api.tool.Tool;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** The web tools: {@code read_webpage} always, {@code web_search} when {@code searxng_url} is set. */
public final class WebTools {

  private WebTools() {
  }

  /** Builds the tools from the {@code web} section. */
  public static List<Tool> create(JsonObject web) {
    List<Tool> tools = new ArrayList<>();
    String searxng = web.getString("searxng_url");
    if (searxng != null && !searxng.isBlank()) {
      tools.add(new WebSearchTool(searxng, web.getLong("timeout_ms", PageFetcher.DEFAULT_TIMEOUT_MS)));
    }
    tools.add(new ReadWebpageTool(web));
    return tools;
  }
}
