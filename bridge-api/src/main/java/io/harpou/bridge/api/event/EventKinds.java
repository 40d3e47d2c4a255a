package io.harpou.bridge.api.event;

import io.harpou.bridge.api.BridgeException;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Map;
import java.util.function.BiFunction;

/** The registry of event kinds used to read events back from JSON. */
final class EventKinds {

  private static final Map<String, BiFunction<Instant, JsonObject, BridgeEvent>> READERS = Map.ofEntries(
      Map.entry(TurnStarted.KIND, TurnStarted::read),
      Map.entry(TranscriptReceived.KIND, TranscriptReceived::read),
      Map.entry(Thinking.KIND, Thinking::read),
      Map.entry(ToolStarted.KIND, ToolStarted::read),
      Map.entry(ToolFinished.KIND, ToolFinished::read),
      Map.entry(TokenUsage.KIND, TokenUsage::read),
      Map.entry(TaskQueued.KIND, TaskQueued::read),
      Map.entry(TaskProgress.KIND, TaskProgress::read),
      Map.entry(TaskDone.KIND, TaskDone::read),
      Map.entry(ReplySent.KIND, ReplySent::read),
      Map.entry(SatelliteStateChanged.KIND, SatelliteStateChanged::read),
      Map.entry(ComponentStateChanged.KIND, ComponentStateChanged::read),
      Map.entry(ModelChosen.KIND, ModelChosen::read),
      Map.entry(ModelCalled.KIND, ModelCalled::read),
      Map.entry(DocumentIndexed.KIND, DocumentIndexed::read),
      Map.entry(PlanUpdated.KIND, PlanUpdated::read),
      Map.entry(AlertChanged.KIND, AlertChanged::read),
      Map.entry(TimerChanged.KIND, TimerChanged::read));

  private EventKinds() {
  }

  static BridgeEvent read(JsonObject json) {
    String kind = json.getString("kind");
    BiFunction<Instant, JsonObject, BridgeEvent> reader = kind == null ? null : READERS.get(kind);
    if (reader == null) {
      throw new BridgeException("unknown event kind: " + kind);
    }
    String time = json.getString("time");
    try {
      return reader.apply(time == null ? Instant.now() : Instant.parse(time), json);
    } catch (RuntimeException e) {
      throw new BridgeException("malformed " + kind + " event: " + e.getMessage(), e);
    }
  }
}
