package io.harpou.tools.home;

import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.artifact.ArtifactStore;
import io.harpou.bridge.api.tool.Tool;
import io.harpou.bridge.api.tool.ToolCall;
import io.harpou.bridge.api.tool.ToolContext;
import io.harpou.bridge.api.tool.ToolExecutor;
import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.bridge.api.vision.VisionModel;
import io.harpou.bridge.vertx.ha.HomeAssistantClient;
import io.harpou.bridge.vertx.ha.HomeAssistantOptions;
import io.harpou.testkit.ha.VirtualHomeAssistant;
import io.harpou.testkit.ha.VirtualHomeOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** The demo house served by the virtual Home Assistant, reached through the real client, with the home tools. */
final class VirtualHome implements AutoCloseable {

  final Vertx vertx = Vertx.vertx();
  final VirtualHomeAssistant ha;
  final HomeAssistantClient client;
  final HomeToolProvider provider = new HomeToolProvider();
  final Map<String, Tool> tools = new HashMap<>();
  final List<ToolCall> calls = new CopyOnWriteArrayList<>();
  final JsonObject config;
  Path dataDir = Path.of("target", "tool-data");
  ArtifactStore artifacts;
  VisionModel vision;

  VirtualHome(JsonObject config) {
    this(config, new VirtualHomeOptions());
  }

  VirtualHome(JsonObject config, VirtualHomeOptions options) {
    this.config = config;
    ha = VirtualHomeAssistant.create(vertx, options);
    ha.start().await();
    client = HomeAssistantClient.create(vertx, new HomeAssistantOptions().setUrl(ha.url())
        .setToken(ha.accessToken()).setCallTimeoutMs(5_000));
    client.connect().await();
    provider.tools(config).forEach(t -> tools.put(t.name(), t));
  }

  VirtualHome() {
    this(new JsonObject());
  }

  ToolContext context(Utterance utterance) {
    return ToolContext.builder(vertx, utterance).home(client).config(config).dataDir(dataDir).artifacts(artifacts)
        .vision(vision).build();
  }

  /** Runs a tool directly, as an executor without policy would. */
  ToolResult run(String tool, JsonObject args, String language, String room) {
    Utterance u = new Utterance("tool call", language, null, null, room, null, null);
    return tools.get(tool).call(ToolCall.of(tool, args), context(u)).await();
  }

  /** An executor that records each call and runs the tool directly (the policy is the agent's job). */
  ToolExecutor executor() {
    return (call, utterance) -> {
      calls.add(call);
      Tool tool = tools.get(call.name());
      return tool == null ? Future.succeededFuture(ToolResult.error("no tool " + call.name()))
          : tool.call(call, context(utterance));
    };
  }

  String state(String entityId) {
    return ha.state(entityId).getString("state");
  }

  JsonObject attributes(String entityId) {
    return ha.state(entityId).getJsonObject("attributes");
  }

  @Override
  public void close() {
    client.close().await();
    ha.close().await();
    vertx.close().await();
  }
}
