package io.harpou.bridge.vertx.ha.impl;

import io.harpou.bridge.api.home.HomeAssistantException;
import io.harpou.bridge.api.home.ServiceCall;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;

/** The acting commands of the WebSocket API, each on one connection with one timeout. */
final class HaCommands {

  private final Vertx vertx;
  private final long timeoutMs;

  HaCommands(Vertx vertx, long timeoutMs) {
    this.vertx = vertx;
    this.timeoutMs = timeoutMs;
  }

  /** {@code call_service}; the result holds {@code context} and, when asked for, {@code response}. */
  Future<JsonObject> callService(HaConnection c, ServiceCall call) {
    return c.call(call.toJson(), timeoutMs).map(HaCommands::object);
  }

  /** {@code search/related} of one item. */
  Future<JsonObject> searchRelated(HaConnection c, String itemType, String itemId) {
    JsonObject command = new JsonObject().put("type", "search/related").put("item_type", itemType)
        .put("item_id", itemId);
    return c.call(command, timeoutMs).map(HaCommands::object);
  }

  /** {@code history/history_during_period}, minimal and without attributes: what a chart needs. */
  Future<JsonObject> history(HaConnection c, List<String> entityIds, Instant start, Instant end) {
    JsonObject command = new JsonObject().put("type", "history/history_during_period")
        .put("start_time", start.toString()).put("end_time", end.toString())
        .put("entity_ids", new JsonArray(entityIds)).put("include_start_time_state", true)
        .put("significant_changes_only", false).put("minimal_response", true).put("no_attributes", true);
    return c.call(command, timeoutMs).map(HaCommands::object);
  }

  /** {@code fire_event} with optional data. */
  Future<Void> fireEvent(HaConnection c, String eventType, JsonObject data) {
    JsonObject command = new JsonObject().put("type", "fire_event").put("event_type", eventType);
    if (data != null) {
      command.put("event_data", data);
    }
    return c.call(command, timeoutMs).mapEmpty();
  }

  /** {@code conversation/process}; null language and conversation id are left out. */
  Future<JsonObject> processConversation(HaConnection c, String text, String language, String conversationId) {
    JsonObject command = new JsonObject().put("type", "conversation/process").put("text", text);
    if (language != null) {
      command.put("language", language);
    }
    if (conversationId != null) {
      command.put("conversation_id", conversationId);
    }
    return c.call(command, timeoutMs).map(HaCommands::object);
  }

  /**
   * {@code render_template} is a subscription: HA accepts it, then sends the rendering as an event (and again on
   * every change). The first rendering answers; then the subscription is cancelled.
   */
  Future<String> renderTemplate(HaConnection c, String template) {
    Promise<String> first = Promise.promise();
    long timer = vertx.setTimer(timeoutMs, t -> first.tryFail(new HomeAssistantException(
        HomeAssistantException.TIMEOUT, "render_template got no rendering within " + timeoutMs + " ms")));
    c.closed().onFailure(first::tryFail);
    JsonObject command = new JsonObject().put("type", "render_template").put("template", template);
    c.subscribe(command, timeoutMs, event -> {
      if (event.containsKey("error")) {
        first.tryFail(new HomeAssistantException("template_error", event.getString("error")));
      } else {
        Object result = event.getValue("result");
        first.tryComplete(result == null ? "" : String.valueOf(result));
      }
    }).onFailure(first::tryFail).onSuccess(id -> first.future().onComplete(done -> {
      c.forget(id);
      if (c.isOpen()) {
        c.call(new JsonObject().put("type", "unsubscribe_events").put("subscription", id), timeoutMs);
      }
    }));
    return first.future().onComplete(done -> vertx.cancelTimer(timer));
  }

  static JsonObject object(Object result) {
    return result instanceof JsonObject json ? json : new JsonObject();
  }
}
