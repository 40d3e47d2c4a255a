package io.harpou.tools.home;

import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.artifact.ArtifactStore;
import io.harpou.bridge.api.task.TaskService;
import io.harpou.bridge.api.timer.TimerService;
import io.harpou.bridge.api.tool.Tool;
import io.harpou.bridge.api.tool.ToolCall;
import io.harpou.bridge.api.tool.ToolContext;
import io.harpou.bridge.api.tool.ToolGate;
import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.bridge.api.vision.VisionModel;
import io.harpou.bridge.api.voice.Announcer;
import io.harpou.bridge.vertx.ha.HomeAssistantClient;
import io.harpou.bridge.vertx.ha.HomeAssistantOptions;
import io.harpou.bridge.vertx.task.TaskToolProvider;
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

  /** Services the tool context carries besides the home; tests set the ones they need. */
  TimerService timers;
  TaskService tasks;
  Announcer announcer;

  VirtualHome(JsonObject config) {
    this(config, null);
  }

  /** {@code house} served by the virtual home (the demo house when null). */
  VirtualHome(JsonObject config, JsonObject house) {
    this.config = config;
    ha = VirtualHomeAssistant.create(vertx, new VirtualHomeOptions().setHouse(house));
    ha.start().await();
    client = HomeAssistantClient.create(vertx, new HomeAssistantOptions().setUrl(ha.url())
        .setToken(ha.accessToken()).setCallTimeoutMs(5_000));
    client.connect().await();
    provider.tools(config).forEach(t -> tools.put(t.name(), t));
    new TaskToolProvider().tools(config).forEach(t -> tools.put(t.name(), t));
  }

  VirtualHome() {
    this(new JsonObject());
  }

  ToolContext context(Utterance utterance) {
    return ToolContext.builder(vertx, utterance).home(client).config(config).dataDir(dataDir).timers(timers)
        .tasks(tasks).announcer(announcer).artifacts(artifacts).vision(vision).build();
  }

  /** Runs a tool directly, as an executor without policy would. */
  ToolResult run(String tool, JsonObject args, String language, String room) {
    Utterance u = new Utterance("tool call", language, null, null, room, null, null);
    return tools.get(tool).call(ToolCall.of(tool, args), context(u)).await();
  }

  /** An executor that records each call and runs the tool directly (the policy is the agent's job). */
  ToolGate executor() {
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
