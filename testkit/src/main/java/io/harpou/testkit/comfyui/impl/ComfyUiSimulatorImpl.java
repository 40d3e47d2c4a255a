package io.harpou.testkit.comfyui.impl;

import io.harpou.testkit.comfyui.ComfyUiSimulator;
import io.harpou.testkit.comfyui.ComfyUiSimulatorOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The simulator's routes, served under {@code /} and {@code /api} as ComfyUI does: the queue runs one workflow at a
 * time, messages go to the WebSocket whose {@code clientId} queued the workflow, and {@code status} to every socket.
 */
public final class ComfyUiSimulatorImpl implements ComfyUiSimulator {

  private final Vertx vertx;
  private final ComfyUiSimulatorOptions options;
  private final Map<String, List<ServerWebSocket>> sockets = new ConcurrentHashMap<>();
  private final Map<String, Buffer> files = new ConcurrentHashMap<>();
  private final Map<String, JsonObject> history = new ConcurrentHashMap<>();
  private final List<JsonArray> pending = new CopyOnWriteArrayList<>();
  private final List<JsonObject> prompts = new CopyOnWriteArrayList<>();
  private Future<Void> tail = Future.succeededFuture();
  private JsonArray running;
  private int number;
  private int counter;
  private HttpServer server;

  /** A simulator with {@code options}. */
  public ComfyUiSimulatorImpl(Vertx vertx, ComfyUiSimulatorOptions options) {
    this.vertx = vertx;
    this.options = options;
  }

  @Override
  public Future<ComfyUiSimulator> start() {
    Router router = Router.router(vertx);
    router.route().handler(BodyHandler.create().setBodyLimit(4 * 1024 * 1024));
    for (String base : List.of("", "/api")) {
      router.post(base + "/prompt").handler(this::queue);
      router.get(base + "/prompt").handler(ctx -> json(ctx, 200, status()));
      router.get(base + "/queue").handler(ctx -> json(ctx, 200, new JsonObject()
          .put("queue_running", running == null ? new JsonArray() : new JsonArray().add(running))
          .put("queue_pending", new JsonArray(new ArrayList<>(pending)))));
      router.get(base + "/history").handler(ctx -> json(ctx, 200, new JsonObject(new java.util.LinkedHashMap<>(history))));
      router.get(base + "/history/:id").handler(ctx -> {
        JsonObject entry = history.get(ctx.pathParam("id"));
        json(ctx, 200, entry == null ? new JsonObject() : new JsonObject().put(ctx.pathParam("id"), entry));
      });
      router.get(base + "/view").handler(this::view);
      router.get(base + "/system_stats").handler(ctx -> json(ctx, 200, systemStats()));
      router.get(base + "/object_info").handler(ctx -> json(ctx, 200, NodeTypes.objectInfo(options.getCheckpoints())));
      router.get(base + "/embeddings").handler(ctx -> ctx.json(new JsonArray()));
      router.get(base + "/extensions").handler(ctx -> ctx.json(new JsonArray()));
      router.post(base + "/interrupt").handler(ctx -> ctx.response().end());
    }
    return vertx.createHttpServer().webSocketHandler(this::socket).requestHandler(router)
        .listen(options.getPort(), options.getHost()).map(s -> {
          server = s;
          return this;
        });
  }

  private void socket(ServerWebSocket ws) {
    if (!ws.path().equals("/ws") && !ws.path().equals("/api/ws")) {
      ws.close((short) 1008, "no such socket");
      return;
    }
    String query = ws.query() == null ? "" : ws.query();
    String clientId = query.replaceAll("(^|.*&)clientId=([^&]*).*", "$2");
    String sid = clientId.isEmpty() || clientId.equals(query) ? UUID.randomUUID().toString().replace("-", "")
        : clientId;
    sockets.computeIfAbsent(sid, k -> new CopyOnWriteArrayList<>()).add(ws);
    ws.closeHandler(v -> sockets.getOrDefault(sid, List.of()).remove(ws));
    ws.writeTextMessage(new JsonObject().put("type", "status").put("data", status().put("sid", sid)).encode());
  }

  private void queue(RoutingContext ctx) {
    JsonObject body;
    try {
      body = ctx.body().asJsonObject();
    } catch (RuntimeException e) {
      body = null;
    }
    Object prompt = body == null ? null : body.getValue("prompt");
    JsonObject problem = PromptCheck.problem(prompt, options.getCheckpoints());
    if (problem != null) {
      json(ctx, 400, problem);
      return;
    }
    String id = UUID.randomUUID().toString();
    String client = body.getString("client_id");
    JsonObject extra = body.getJsonObject("extra_data", new JsonObject());
    JsonArray item = new JsonArray().add(number).add(id).add(prompt).add(extra).add(new JsonArray());
    prompts.add(((JsonObject) prompt).copy());
    pending.add(item);
    json(ctx, 200, new JsonObject().put("prompt_id", id).put("number", number++).put("node_errors", new JsonObject()));
    broadcastStatus();
    tail = tail.compose(v -> {
      pending.remove(item);
      running = item;
      Execution run = new Execution(vertx, id, (JsonObject) prompt, options.getStepDelayMs(),
          message -> toClient(client, message), files, counter);
      return run.run().map(outputs -> {
        counter = run.counter();
        history.put(id, new JsonObject().put("prompt", item).put("outputs", outputs)
            .put("status", new JsonObject().put("status_str", "success").put("completed", true)
                .put("messages", run.messages())).put("meta", new JsonObject()));
        running = null;
        broadcastStatus();
        return null;
      });
    });
  }

  private void view(RoutingContext ctx) {
    String filename = ctx.request().getParam("filename");
    String subfolder = ctx.request().getParam("subfolder", "");
    String type = ctx.request().getParam("type", "output");
    if (filename == null || filename.isEmpty() || filename.startsWith("/") || filename.contains("..")
        || subfolder.contains("..")) {
      ctx.response().setStatusCode(400).end();
      return;
    }
    Buffer file = files.get(Execution.key(filename, subfolder, type));
    if (file == null) {
      ctx.response().setStatusCode(404).end();
      return;
    }
    ctx.response().putHeader("content-type", "image/png")
        .putHeader("content-disposition", "filename=\"" + filename + "\"").end(file);
  }

  private void toClient(String client, JsonObject message) {
    for (ServerWebSocket ws : sockets.getOrDefault(client == null ? "" : client, List.of())) {
      ws.writeTextMessage(message.encode());
    }
  }

  private void broadcastStatus() {
    String status = new JsonObject().put("type", "status").put("data", status()).encode();
    sockets.values().forEach(list -> list.forEach(ws -> ws.writeTextMessage(status)));
  }

  private JsonObject status() {
    int remaining = pending.size() + (running == null ? 0 : 1);
    return new JsonObject().put("status", new JsonObject().put("exec_info",
        new JsonObject().put("queue_remaining", remaining)));
  }

  private static JsonObject systemStats() {
    return new JsonObject().put("system", new JsonObject().put("os", "posix").put("python_version", "3.12.3")
            .put("embedded_python", false).put("comfyui_version", "0.3.68").put("pytorch_version", "2.8.0+cpu")
            .put("argv", new JsonArray().add("main.py")).put("ram_total", 25_769_803_776L)
            .put("ram_free", 12_884_901_888L))
        .put("devices", new JsonArray().add(new JsonObject().put("name", "cpu").put("type", "cpu").put("index", 0)
            .put("vram_total", 0).put("vram_free", 0).put("torch_vram_total", 0).put("torch_vram_free", 0)));
  }

  private static void json(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("content-type", "application/json").end(body.encode());
  }

  @Override
  public String url() {
    return "http://" + options.getHost() + ":" + server.actualPort();
  }

  @Override
  public List<JsonObject> prompts() {
    return List.copyOf(prompts);
  }

  @Override
  public Future<Void> close() {
    return server == null ? Future.succeededFuture() : server.close();
  }
}
