package io.harpou.bridge.vertx.voice;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.api.agent.Channel;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.event.EventPublisher;
import io.harpou.bridge.api.event.SatelliteStateChanged.State;
import io.harpou.bridge.api.event.TimerChanged;
import io.harpou.bridge.api.event.TimerChanged.Change;
import io.harpou.bridge.api.timer.Timer;
import io.harpou.bridge.api.timer.TimerLength;
import io.harpou.wyoming.WyomingEvent;
import io.vertx.core.Vertx;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Timer changes published on the event bus, as the agent's voice timers publish them, reach the satellite that set
 * the timer as Wyoming {@code timer-*} events, over a real connection to a simulated wyoming-satellite, and no other
 * satellite hears about them.
 */
class SatelliteTimersTest {

  private final Vertx vertx = Vertx.vertx();
  private final EventPublisher bus = new EventPublisher(vertx);

  @AfterEach
  void tearDown() {
    vertx.close().await();
  }

  private void start(SatelliteConfig... satellites) {
    VoiceOptions options = new VoiceOptions().setHost("127.0.0.1").setPort(0).setSatellites(List.of(satellites))
        .setReconnectInitialMs(100).setReconnectMaxMs(400);
    vertx.deployVerticle(new WyomingServiceVerticle(options, VoiceBackends.of(null, Speech.espeak(vertx),
        new RecordingAgent("ok")))).await();
  }

  private static Utterance from(String satellite, String room) {
    return new Utterance("set a pasta timer for 10 minutes", "en", null, Channel.SATELLITE, room, satellite, null);
  }

  /** Publishes a change of a timer set through {@code satellite}, {@code left} seconds from its end. */
  private Timer publish(Change change, String id, String name, TimerLength length, long left, boolean active,
                        String satellite, String room) {
    Timer timer = new Timer(id, name, length, left, left, active, null, from(satellite, room));
    bus.publish(new TimerChanged(Instant.now(), change, timer));
    return timer;
  }

  @Test
  void should_send_every_change_to_the_satellite_that_set_the_timer_and_to_no_other() throws Exception {
    FakeSatellite kitchen = new FakeSatellite(vertx, "Kitchen");
    FakeSatellite office = new FakeSatellite(vertx, "Office");
    StateLog states = new StateLog(vertx);
    start(kitchen.config("kitchen", "kitchen-sat"), office.config("office", "office-sat"));
    kitchen.awaitRunning();
    office.awaitRunning();
    states.await("kitchen-sat", State.IDLE);
    states.await("office-sat", State.IDLE);

    TimerLength tenMinutes = new TimerLength(null, 10, null);
    Timer pasta = publish(Change.STARTED, "pasta-1", "pasta", tenMinutes, 600, true, "kitchen-sat", "kitchen");
    WyomingEvent started = kitchen.expect("timer-started");
    publish(Change.UPDATED, "pasta-1", "pasta", tenMinutes, 599, false, "kitchen-sat", "kitchen");
    WyomingEvent paused = kitchen.expect("timer-updated");
    publish(Change.CANCELLED, "pasta-1", "pasta", tenMinutes, 0, false, "kitchen-sat", "kitchen");
    WyomingEvent cancelled = kitchen.expect("timer-cancelled");
    Timer egg = publish(Change.FINISHED, "egg-1", null, new TimerLength(null, null, 1), 0, false, "kitchen-sat",
        "kitchen");
    WyomingEvent finished = kitchen.expect("timer-finished");

    assertThat(started.data().getString("id")).isEqualTo(pasta.id());
    assertThat(started.data().getInteger("total_seconds")).isEqualTo(600);
    assertThat(started.data().getString("name")).isEqualTo("pasta");
    assertThat(started.data().getInteger("start_minutes")).isEqualTo(10);
    assertThat(started.data().containsKey("start_hours")).isFalse();
    assertThat(paused.data().getBoolean("is_active")).isFalse();
    assertThat(paused.data().getInteger("total_seconds")).isEqualTo(599);
    assertThat(cancelled.data().getString("id")).isEqualTo(pasta.id());
    assertThat(finished.data().getString("id")).isEqualTo(egg.id());
    assertThat(office.drain()).noneMatch(e -> e.type().startsWith("timer-"));
  }

  @Test
  void should_speak_the_end_of_a_timer_on_a_satellite_configured_without_timer_events() throws Exception {
    FakeSatellite bedroom = new FakeSatellite(vertx, "Bedroom");
    StateLog states = new StateLog(vertx);
    SatelliteConfig plain = bedroom.config("bedroom", "bedroom-sat");
    start(new SatelliteConfig(plain.host(), plain.port(), plain.room(), plain.id(), false));
    bedroom.awaitRunning();
    states.await("bedroom-sat", State.IDLE);

    publish(Change.FINISHED, "tea-1", "tea", new TimerLength(null, null, 1), 0, false, "bedroom-sat", "bedroom");
    List<WyomingEvent> events = bedroom.until("audio-stop");

    assertThat(events).noneMatch(e -> e.type().startsWith("timer-"));
    assertThat(events).anyMatch(e -> e.type().equals("audio-chunk"));
  }
}
