package io.harpou.bridge.vertx.task.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harpou.bridge.api.BridgeAddresses;
import io.harpou.bridge.api.BridgeException;
import io.harpou.bridge.api.agent.Agent;
import io.harpou.bridge.api.agent.Channel;
import io.harpou.bridge.api.agent.Reply;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.event.TimerChanged;
import io.harpou.bridge.api.timer.Timer;
import io.harpou.bridge.api.timer.TimerLength;
import io.harpou.bridge.api.timer.TimerService;
import io.harpou.testkit.Await;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Voice timers: counting down, pausing, changing, the events they publish and the command run at the end. */
class TimerBookTest {

  private final Vertx vertx = Vertx.vertx();
  private final AtomicLong now = new AtomicLong();
  private final LinkedBlockingQueue<JsonObject> events = new LinkedBlockingQueue<>();
  private final List<Utterance> asked = new CopyOnWriteArrayList<>();
  private final Agent agent = (utterance, history) -> {
    asked.add(utterance);
    return Future.succeededFuture(Reply.answer("done", utterance.conversationId()));
  };
  private TimerBook timers;

  private static final Utterance KITCHEN = new Utterance("set a pasta timer for 10 minutes", "en", "c1",
      Channel.SATELLITE, "kitchen", "kitchen-sat", null, "192.168.1.20");

  @BeforeEach
  void start() {
    vertx.eventBus().<JsonObject>consumer(BridgeAddresses.EVENTS, m -> {
      if (TimerChanged.KIND.equals(m.body().getString("kind"))) {
        events.add(m.body());
      }
    }).completion().await();
    timers = new TimerBook(vertx, () -> Optional.of(agent), now::get);
  }

  @AfterEach
  void stop() {
    timers.close().await();
    vertx.close().await();
  }

  private JsonObject nextEvent() throws InterruptedException {
    JsonObject event = events.poll(10, TimeUnit.SECONDS);
    assertThat(event).as("a timer_changed event").isNotNull();
    return event;
  }

  @Test
  void should_count_down_pause_resume_and_change_as_home_assistant_does() throws Exception {
    Timer pasta = timers.start(new TimerLength(null, 10, null), "pasta", null, KITCHEN);
    now.addAndGet(120_000_000_000L);
    assertThat(timers.list()).singleElement().satisfies(t -> assertThat(t.secondsLeft()).isEqualTo(480));

    timers.pause(pasta.id());
    now.addAndGet(300_000_000_000L);
    assertThat(timers.list().get(0).secondsLeft()).isEqualTo(480);
    assertThat(timers.list().get(0).active()).isFalse();

    timers.resume(pasta.id());
    Timer longer = timers.add(pasta.id(), 300).orElseThrow();
    assertThat(longer.secondsLeft()).isEqualTo(780);
    assertThat(timers.add(pasta.id(), -10_000).orElseThrow().secondsLeft()).isZero();

    assertThat(nextEvent().getString("change")).isEqualTo("started");
    assertThat(nextEvent().getString("change")).isEqualTo("updated");
    assertThat(nextEvent().getJsonObject("timer").getBoolean("active")).isTrue();
  }

  @Test
  void should_finish_and_say_so_in_an_event_with_the_satellite_that_set_it() throws Exception {
    Timer egg = timers.start(new TimerLength(null, null, 1), "egg", null, KITCHEN);
    assertThat(nextEvent().getString("change")).isEqualTo("started");

    JsonObject finished = nextEvent();

    assertThat(finished.getString("change")).isEqualTo("finished");
    assertThat(finished.getJsonObject("timer").getString("id")).isEqualTo(egg.id());
    assertThat(finished.getJsonObject("timer").getJsonObject("origin").getString("satellite"))
        .isEqualTo("kitchen-sat");
    assertThat(timers.list()).isEmpty();
    assertThat(asked).isEmpty();
  }

  @Test
  void should_run_its_command_at_the_end_as_the_one_who_set_it() throws Exception {
    timers.start(new TimerLength(null, null, 1), null, "turn off the oven", KITCHEN);
    nextEvent();
    nextEvent();
    Await.until("the timer's command reached the agent", () -> !asked.isEmpty());

    assertThat(asked).singleElement().satisfies(u -> {
      assertThat(u.text()).isEqualTo("turn off the oven");
      assertThat(u.channel()).isEqualTo(Channel.SATELLITE);
      assertThat(u.room()).isEqualTo("kitchen");
      assertThat(u.satellite()).isEqualTo("kitchen-sat");
      assertThat(u.peer()).isEqualTo("192.168.1.20");
      assertThat(u.conversationId()).isNotEqualTo("c1");
    });
  }

  @Test
  void should_not_finish_a_cancelled_timer() throws Exception {
    Timer t = timers.start(new TimerLength(null, null, 1), null, "turn off the oven", KITCHEN);
    assertThat(timers.cancel(t.id())).isPresent();
    assertThat(timers.cancel(t.id())).isEmpty();
    nextEvent();
    assertThat(nextEvent().getString("change")).isEqualTo("cancelled");

    assertThat(events.poll(1500, TimeUnit.MILLISECONDS)).isNull();
    assertThat(asked).isEmpty();
  }

  @Test
  void should_bound_the_number_and_length_of_timers() {
    assertThatThrownBy(() -> timers.start(new TimerLength(25, null, null), null, null, KITCHEN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> timers.start(new TimerLength(0, 0, 0), null, null, KITCHEN))
        .isInstanceOf(IllegalArgumentException.class);
    for (int i = 0; i < TimerService.MAX_TIMERS; i++) {
      timers.start(new TimerLength(1, null, null), null, null, KITCHEN);
    }
    assertThatThrownBy(() -> timers.start(new TimerLength(1, null, null), null, null, KITCHEN))
        .isInstanceOf(BridgeException.class);
  }
}
