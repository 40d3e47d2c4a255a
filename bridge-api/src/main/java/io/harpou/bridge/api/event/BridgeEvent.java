package io.harpou.bridge.api.event;

import io.harpou.bridge.api.BridgeException;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * One step of Harpou's work. Every event has a {@link #kind()} (its JSON discriminator), a time, and the conversation
 * it belongs to when there is one. Events travel on the event bus as {@link #toJson()} so they cross a cluster.
 */
public sealed interface BridgeEvent
    permits TurnStarted, TranscriptReceived, Thinking, ToolStarted, ToolFinished, TokenUsage, TaskQueued,
    TaskProgress, TaskDone, ReplySent, SatelliteStateChanged, ComponentStateChanged,
    ModelChosen, ModelCalled, DocumentIndexed, PlanUpdated, AlertChanged, TimerChanged {

  /** The JSON discriminator, snake_case (for example {@code tool_started}). */
  String kind();

  /** When it happened. */
  Instant time();

  /** The conversation it belongs to, or null. */
  String conversationId();

  /** The event's own fields, without {@code kind} and {@code time}. */
  JsonObject body();

  /** The JSON form: {@code kind}, {@code time}, then the event's fields. */
  default JsonObject toJson() {
    return new JsonObject().put("kind", kind()).put("time", time().toString()).mergeIn(body());
  }

  /**
   * Reads any event's JSON form.
   *
   * @throws BridgeException when the kind is unknown or a required field is missing
   */
  static BridgeEvent fromJson(JsonObject json) {
    return EventKinds.read(json);
  }
}
