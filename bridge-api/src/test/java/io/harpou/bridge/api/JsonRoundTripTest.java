package io.harpou.bridge.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harpou.bridge.api.agent.Action;
import io.harpou.bridge.api.agent.ActionTarget;
import io.harpou.bridge.api.agent.Channel;
import io.harpou.bridge.api.agent.Reply;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.event.BridgeEvent;
import io.harpou.bridge.api.event.ComponentStateChanged;
import io.harpou.bridge.api.event.ReplySent;
import io.harpou.bridge.api.event.SatelliteStateChanged;
import io.harpou.bridge.api.event.TaskDone;
import io.harpou.bridge.api.event.TimerChanged;
import io.harpou.bridge.api.timer.Timer;
import io.harpou.bridge.api.timer.TimerLength;
import io.harpou.bridge.api.event.TaskProgress;
import io.harpou.bridge.api.event.TaskQueued;
import io.harpou.bridge.api.event.Thinking;
import io.harpou.bridge.api.event.TokenUsage;
import io.harpou.bridge.api.event.ToolFinished;
import io.harpou.bridge.api.event.ToolStarted;
import io.harpou.bridge.api.event.TranscriptReceived;
import io.harpou.bridge.api.event.TurnStarted;
import io.harpou.bridge.api.home.EntityEntry;
import io.harpou.bridge.api.home.EntityState;
import io.harpou.bridge.api.home.ServiceCall;
import io.harpou.bridge.api.home.StateChange;
import io.harpou.bridge.api.home.Target;
import io.harpou.bridge.api.memory.Memory;
import io.harpou.bridge.api.memory.MemoryScope;
import io.harpou.bridge.api.task.TaskInfo;
import io.harpou.bridge.api.task.TaskStatus;
import io.harpou.bridge.api.tool.Risk;
import io.harpou.bridge.api.tool.ToolCall;
import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.bridge.api.tool.ToolSpec;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class JsonRoundTripTest {

  private static final Instant T = Instant.parse("2026-11-21T08:30:00Z");
  private static final Utterance UTTERANCE =
      new Utterance("turn on the kitchen light", "en", "c1", Channel.SATELLITE, "kitchen", "sat-kitchen", "alice");

  static Stream<BridgeEvent> everyKindOfEvent() {
    TaskInfo task = new TaskInfo("t1", "Timer 5 minutes", TaskStatus.QUEUED, UTTERANCE, T, T.plusSeconds(300), 0,
        null);
    return Stream.of(
        new TurnStarted(T, "turn1", UTTERANCE),
        new TranscriptReceived(T, "c1", "sat-kitchen", "kitchen", "turn on the kitchen light"),
        new Thinking(T, "turn1", "c1", "Let me check", true),
        new ToolStarted(T, "turn1", "c1", new ToolCall("call1", "turn_on", new JsonObject().put("name", "kitchen"))),
        new ToolFinished(T, "turn1", "c1", "call1", "turn_on", "ok", ToolResult.ok("Kitchen light is on"), 12),
        new TokenUsage(T, "turn1", "c1", 812, 25),
        new TaskQueued(T, task),
        new TaskProgress(T, "t1", "c1", 0.5, "half way"),
        new TaskDone(T, task.with(TaskStatus.DONE, 1, "Time is up")),
        new ReplySent(T, "turn1", Reply.done("The kitchen light is on.",
            List.of(new Action("turn_on", List.of(ActionTarget.entity("light.kitchen", "Kitchen light")), true)),
            "c1")),
        new SatelliteStateChanged(T, "sat-kitchen", "kitchen", SatelliteStateChanged.State.LISTENING, "c1"),
        new ComponentStateChanged(T, "home_assistant", "connected", null),
        new TimerChanged(T, TimerChanged.Change.UPDATED, new Timer("01JTIMER", "pasta",
            new TimerLength(null, 10, null), 660, 420, false, null, UTTERANCE)));
  }

  @ParameterizedTest
  @MethodSource("everyKindOfEvent")
  void should_read_back_every_event_kind_from_its_json(BridgeEvent event) {
    JsonObject json = event.toJson();

    assertThat(json.getString("kind")).isEqualTo(event.kind());
    assertThat(BridgeEvent.fromJson(new JsonObject(json.encode()))).isEqualTo(event);
  }

  @Test
  void should_refuse_an_unknown_event_kind_with_a_clear_message() {
    assertThatThrownBy(() -> BridgeEvent.fromJson(new JsonObject().put("kind", "teleported")))
        .isInstanceOf(BridgeException.class).hasMessageContaining("teleported");
  }

  @Test
  void should_round_trip_utterance_and_reply_and_omit_absent_optionals() {
    Utterance bare = Utterance.of("hello");
    assertThat(bare.toJson().containsKey("room")).isFalse();
    assertThat(bare.toJson().containsKey("peer")).isFalse();
    assertThat(Utterance.fromJson(UTTERANCE.toJson())).isEqualTo(UTTERANCE);
    Utterance fromNetwork = UTTERANCE.withPeer("192.168.1.5");
    assertThat(Utterance.fromJson(fromNetwork.toJson())).isEqualTo(fromNetwork);
    assertThat(fromNetwork.withText("yes").peer()).isEqualTo("192.168.1.5");

    Reply reply = Reply.answer("It is 21 degrees.", "c1").expectingAnswer();
    assertThat(Reply.fromJson(reply.toJson())).isEqualTo(reply);
    assertThat(reply.toJson().getString("type")).isEqualTo("query_answer");
    assertThat(reply.toJson().containsKey("cached")).isFalse();
    Reply cached = Reply.answer("Lima.", "c2").servedFromCache(new Reply.Cached("strong", false, 0.93));
    assertThat(Reply.fromJson(cached.toJson())).isEqualTo(cached);
  }

  @Test
  void should_ignore_unknown_keys_when_reading() {
    JsonObject json = UTTERANCE.toJson().put("mood", "cheerful");
    assertThat(Utterance.fromJson(json)).isEqualTo(UTTERANCE);
  }

  @Test
  void should_round_trip_tool_records_and_refuse_bad_names() {
    ToolSpec spec = new ToolSpec("set_light", "Sets a light's brightness or colour.",
        new JsonObject().put("type", "object").put("properties", new JsonObject()), Risk.ACT, false);
    assertThat(ToolSpec.fromJson(spec.toJson())).isEqualTo(spec);
    assertThat(spec.toJson().getString("risk")).isEqualTo("act");
    assertThatThrownBy(() -> ToolSpec.of("SetLight", "x", Risk.ACT)).hasMessageContaining("snake_case");
    assertThatThrownBy(() -> new ToolSpec("x", "d", new JsonObject().put("type", "string"), Risk.READ, false))
        .hasMessageContaining("type object");

    ToolResult json = ToolResult.ok(new JsonObject().put("state", "on"));
    assertThat(ToolResult.fromJson(json.toJson())).isEqualTo(json);
    assertThat(json.content()).isEqualTo("{\"state\":\"on\"}");
  }

  @Test
  void should_read_home_assistant_shapes() {
    JsonObject haState = new JsonObject().put("entity_id", "light.kitchen").put("state", "on")
        .put("attributes", new JsonObject().put("friendly_name", "Kitchen light"))
        .put("last_changed", "2026-11-21T08:30:00+00:00").put("last_updated", "2026-11-21T08:30:00+00:00")
        .put("context", new JsonObject().put("id", "01H"));
    EntityState state = EntityState.fromJson(haState);
    assertThat(state.domain()).isEqualTo("light");
    assertThat(state.friendlyName()).isEqualTo("Kitchen light");
    assertThat(state.lastChanged()).isEqualTo(T);
    assertThat(StateChange.fromJson(new StateChange("light.kitchen", null, state).toJson()).newState())
        .isEqualTo(state);

    EntityEntry entry = EntityEntry.fromJson(new JsonObject().put("entity_id", "cover.garage_door")
        .put("aliases", new io.vertx.core.json.JsonArray().add("porte du garage"))
        .put("original_device_class", "garage").putNull("area_id").put("hidden_by", "user"));
    assertThat(entry.deviceClass()).isEqualTo("garage");
    assertThat(entry.hidden()).isTrue();
    assertThat(EntityEntry.fromJson(entry.toJson())).isEqualTo(entry);

    assertThat(Target.fromJson(new JsonObject().put("entity_id", "light.kitchen")).entityIds())
        .containsExactly("light.kitchen");
    ServiceCall call = ServiceCall.of("light", "turn_on", Target.areas("kitchen"))
        .withData(new JsonObject().put("brightness_pct", 50)).withResponse();
    assertThat(ServiceCall.fromJson(call.toJson())).isEqualTo(call);
    assertThat(call.toJson().getJsonObject("target").getJsonArray("area_id").getString(0)).isEqualTo("kitchen");
  }

  @Test
  void should_round_trip_memory() {
    Memory memory = new Memory("m1", "The cat is called Mochi", MemoryScope.HOUSEHOLD, null, "c1", "alice", T, null);
    assertThat(Memory.fromJson(memory.toJson())).isEqualTo(memory);
    assertThat(memory.toJson().containsKey("expires_at")).isFalse();
  }
}
