package io.harpou.testkit.mopidy.impl;

import io.harpou.testkit.mopidy.MopidySimulator;
import io.harpou.testkit.mopidy.MopidySimulatorOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The simulator's server: JSON-RPC 2.0 as Mopidy's {@code mopidy.internal.jsonrpc} answers it (batches,
 * notifications without an answer, -32700 / -32600 / -32601 errors, and code 0 "Application error" for what the
 * method raises), over {@code POST /mopidy/rpc} (JSON only, a foreign Origin refused, as Mopidy's CSRF protection
 * does) and the WebSocket {@code /mopidy/ws}, which also receives every event.
 */
public final class MopidySimulatorImpl implements MopidySimulator {

  private final Vertx vertx;
  private final MopidySimulatorOptions options;
  private final List<ServerWebSocket> sockets = new CopyOnWriteArrayList<>();
  private final List<JsonObject> calls = new CopyOnWriteArrayList<>();
  private final Player player;
  private final CoreApi api;
  private HttpServer server;

  /** A simulator with {@code options}. */
  public MopidySimulatorImpl(Vertx vertx, MopidySimulatorOptions options) {
    this.vertx = vertx;
    this.options = options;
    this.player = new Player(event -> sockets.forEach(ws -> ws.writeTextMessage(event.encode())));
    this.api = new CoreApi(new Library(), player);
  }

  @Override
  public Future<MopidySimulator> start() {
    return vertx.createHttpServer().webSocketHandler(this::socket).requestHandler(this::request)
        .listen(options.getPort(), options.getHost()).map(s -> {
          server = s;
          return this;
        });
  }

  private void socket(ServerWebSocket ws) {
    if (!ws.path().equals("/mopidy/ws") && !ws.path().equals("/mopidy/ws/")) {
      ws.close((short) 1008, "no such socket");
      return;
    }
    if (!sameOrigin(ws.headers().get("origin"), ws.headers().get("host"))) {
      ws.close((short) 1008, "origin not allowed");
      return;
    }
    sockets.add(ws);
    ws.closeHandler(v -> sockets.remove(ws));
    ws.textMessageHandler(text -> {
      String answer = handle(text);
      if (answer != null) {
        ws.writeTextMessage(answer);
      }
    });
  }

  private void request(HttpServerRequest request) {
    if (!request.path().equals("/mopidy/rpc")) {
      request.response().setStatusCode(404).end();
    } else if (request.method().name().equals("GET") || request.method().name().equals("HEAD")) {
      request.response().setStatusCode(405).end();
    } else if (!sameOrigin(request.getHeader("origin"), request.getHeader("host"))) {
      request.response().setStatusCode(403).setStatusMessage("Access denied for origin").end();
    } else if (!"application/json".equals(request.getHeader("content-type"))) {
      request.response().setStatusCode(415).setStatusMessage("Content-Type must be application/json").end();
    } else {
      request.body().onSuccess(body -> {
        String answer = handle(body.toString());
        if (answer == null) {
          request.response().setStatusCode(204).end();
        } else {
          request.response().putHeader("content-type", "application/json; charset=utf-8").end(answer);
        }
      });
    }
  }

  /** An Origin is allowed when absent (not a browser) or naming this server's own host. */
  private static boolean sameOrigin(String origin, String host) {
    if (origin == null) {
      return true;
    }
    try {
      return host != null && host.equalsIgnoreCase(URI.create(origin).getAuthority());
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The encoded answer to one request or a batch, or null for notifications only. */
  private String handle(String text) {
    Object parsed;
    try {
      parsed = Json.decodeValue(Buffer.buffer(text));
    } catch (DecodeException e) {
      return error(null, -32700, "Parse error", e.getMessage()).encode();
    }
    if (parsed instanceof JsonArray batch) {
      if (batch.isEmpty()) {
        return error(null, -32600, "Invalid Request", "Batch list cannot be empty").encode();
      }
      List<JsonObject> answers = new ArrayList<>();
      batch.forEach(one -> {
        JsonObject answer = single(one);
        if (answer != null) {
          answers.add(answer);
        }
      });
      return answers.isEmpty() ? null : new JsonArray(new ArrayList<>(answers)).encode();
    }
    JsonObject answer = single(parsed);
    return answer == null ? null : answer.encode();
  }

  private JsonObject single(Object request) {
    if (!(request instanceof JsonObject r) || !"2.0".equals(r.getValue("jsonrpc"))) {
      return error(null, -32600, "Invalid Request", "\"jsonrpc\" member must be included");
    }
    Object id = r.getValue("id");
    if (!(r.getValue("method") instanceof String name)) {
      return error(id, -32600, "Invalid Request", "\"method\" must be a string");
    }
    Object params = r.getValue("params");
    if (params != null && !(params instanceof JsonArray) && !(params instanceof JsonObject)) {
      return error(id, -32600, "Invalid Request", "\"params\", if given, must be an array or an object");
    }
    calls.add(new JsonObject().put("method", name).put("params", params));
    Object result;
    if (name.equals("core.describe")) {
      result = api.describe();
    } else {
      CoreApi.Method method = api.method(name);
      if (method == null) {
        return r.containsKey("id") ? error(id, -32601, "Method not found", "Unknown method \"" + name + "\"")
            : null;
      }
      try {
        result = method.run().apply(CoreApi.bind(name, method, params));
      } catch (RuntimeException e) {
        String type = e instanceof ClassCastException ? "TypeError" : "ValueError";
        return r.containsKey("id") ? error(id, 0, "Application error", new JsonObject().put("type", type)
            .put("message", String.valueOf(e.getMessage())).put("traceback", "Traceback (most recent call last):\n"))
            : null;
      }
    }
    return r.containsKey("id") ? new JsonObject().put("jsonrpc", "2.0").put("id", id).put("result", result) : null;
  }

  private static JsonObject error(Object id, int code, String message, Object data) {
    return new JsonObject().put("jsonrpc", "2.0").put("id", id).put("error", new JsonObject().put("code", code)
        .put("message", message).put("data", data));
  }

  @Override
  public String url() {
    return "http://" + options.getHost() + ":" + server.actualPort();
  }

  @Override
  public List<JsonObject> calls() {
    return List.copyOf(calls);
  }

  @Override
  public String playbackState() {
    return player.state();
  }

  @Override
  public JsonObject currentTrack() {
    JsonObject tl = player.currentTlTrack();
    return tl == null ? null : tl.getJsonObject("track");
  }

  @Override
  public List<JsonObject> tracklist() {
    return player.tlTracks().stream().map(t -> ((JsonObject) t).getJsonObject("track")).toList();
  }

  @Override
  public int volume() {
    return player.volume();
  }

  @Override
  public Future<Void> close() {
    return server == null ? Future.succeededFuture() : server.close();
  }
}
