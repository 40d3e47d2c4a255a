package io.harpou.testkit.ha.impl;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a Home Assistant through its WebSocket API, the way its own frontend does: the configuration, every state,
 * the floor, area, device and entity registries, the entities' aliases ({@code config/entity_registry/get_entries})
 * and the services. It sends no command that changes anything.
 */
public final class HomeAssistantReader {

  /** What was read, as Home Assistant sent it. */
  public record Snapshot(JsonObject config, JsonArray states, JsonArray floors, JsonArray areas, JsonArray devices,
                         JsonArray entities, JsonObject entries, JsonObject services) {
  }

  /** A whole house's states and registries fit well within this; Home Assistant itself caps at 4 MiB inbound. */
  private static final int MAX_MESSAGE = 64 * 1024 * 1024;
  private static final long TIMEOUT_MS = 60_000;
  private static final List<String> COMMANDS = List.of("get_config", "get_states", "config/floor_registry/list",
      "config/area_registry/list", "config/device_registry/list", "config/entity_registry/list", "get_services");

  private final String url;
  private final String token;
  private final Promise<Snapshot> done = Promise.promise();
  private final Map<Integer, Object> results = new HashMap<>();
  private WebSocket socket;

  private HomeAssistantReader(String url, String token) {
    this.url = url;
    this.token = token;
  }

  /** Reads everything; fails with a message naming {@code url} and what went wrong. */
  public static Future<Snapshot> read(Vertx vertx, String url, String token) {
    URI socketUri;
    try {
      socketUri = webSocketUri(url);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    HomeAssistantReader reader = new HomeAssistantReader(url, token);
    WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxMessageSize(MAX_MESSAGE)
        .setMaxFrameSize(MAX_MESSAGE).setConnectTimeout(10_000));
    long timer = vertx.setTimer(TIMEOUT_MS, t -> reader.fail("did not send everything within "
        + TIMEOUT_MS / 1000 + " s"));
    client.connect(new WebSocketConnectOptions().setAbsoluteURI(socketUri.toString()))
        .onSuccess(reader::talk)
        .onFailure(e -> reader.fail("is unreachable: " + e.getMessage()));
    return reader.done.future().eventually(() -> {
      vertx.cancelTimer(timer);
      return client.close();
    });
  }

  private static URI webSocketUri(String url) {
    URI base;
    try {
      base = URI.create(url.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a URL: " + url);
    }
    String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || base.getHost() == null) {
      throw new IllegalArgumentException("Home Assistant's URL must be http:// or https://, such as"
          + " http://homeassistant.local:8123: " + url);
    }
    String path = base.getPath() == null ? "" : base.getPath().replaceAll("/+$", "");
    return URI.create((scheme.equals("https") ? "wss" : "ws") + "://" + base.getRawAuthority() + path
        + "/api/websocket");
  }

  private void talk(WebSocket ws) {
    socket = ws;
    ws.textMessageHandler(text -> {
      try {
        message(new JsonObject(text));
      } catch (RuntimeException e) {
        fail("sent a message Home Assistant does not send");
      }
    });
    ws.closeHandler(v -> fail("closed the connection"));
    ws.exceptionHandler(e -> fail("failed: " + e.getMessage()));
  }

  private void message(JsonObject message) {
    switch (message.getString("type", "")) {
      case "auth_required" -> send(new JsonObject().put("type", "auth").put("access_token", token));
      case "auth_invalid" -> fail("rejected the access token");
      case "auth_ok" -> {
        for (int i = 0; i < COMMANDS.size(); i++) {
          send(new JsonObject().put("id", i + 1).put("type", COMMANDS.get(i)));
        }
      }
      case "result" -> result(message);
      default -> {
      }
    }
  }

  private void result(JsonObject message) {
    int id = message.getInteger("id", 0);
    boolean entriesAnswer = id == COMMANDS.size() + 1;
    if (!message.getBoolean("success", false)) {
      if (entriesAnswer) {
        // Home Assistant before 2023.5 has no get_entries: the copy keeps names but no aliases.
        finish(new JsonObject());
        return;
      }
      JsonObject error = message.getJsonObject("error", new JsonObject());
      fail("refused " + (id >= 1 && id <= COMMANDS.size() ? COMMANDS.get(id - 1) : "a command") + ": "
          + error.getString("message", error.getString("code", "no reason")));
      return;
    }
    if (entriesAnswer) {
      finish(message.getJsonObject("result", new JsonObject()));
      return;
    }
    results.put(id, message.getValue("result"));
    if (results.size() == COMMANDS.size()) {
      JsonArray ids = new JsonArray();
      ((JsonArray) results.get(6)).forEach(entry -> ids.add(((JsonObject) entry).getString("entity_id")));
      send(new JsonObject().put("id", COMMANDS.size() + 1).put("type", "config/entity_registry/get_entries")
          .put("entity_ids", ids));
    }
  }

  private void finish(JsonObject entries) {
    try {
      done.tryComplete(new Snapshot((JsonObject) results.get(1), (JsonArray) results.get(2),
          (JsonArray) results.get(3), (JsonArray) results.get(4), (JsonArray) results.get(5),
          (JsonArray) results.get(6), entries, (JsonObject) results.get(7)));
    } catch (ClassCastException e) {
      fail("answered in a shape Home Assistant does not use");
    }
    socket.close();
  }

  private void send(JsonObject message) {
    socket.writeTextMessage(message.encode());
  }

  private void fail(String what) {
    if (done.tryFail("Home Assistant at " + url + " " + what) && socket != null) {
      socket.close();
    }
  }
}
