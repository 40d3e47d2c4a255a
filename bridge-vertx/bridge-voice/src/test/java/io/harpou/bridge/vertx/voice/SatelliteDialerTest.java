package io.harpou.bridge.vertx.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harpou.bridge.api.BridgeException;
import io.harpou.bridge.api.event.SatelliteStateChanged.State;
import io.harpou.bridge.vertx.speech.EspeakTtsService;
import io.harpou.testkit.Await;
import io.harpou.wyoming.message.Asr;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Satellites dialed and hung up on while voice runs, against simulated wyoming-satellites on loopback. */
class SatelliteDialerTest {

  private final Vertx vertx = Vertx.vertx();
  private final RecordingAgent agent = new RecordingAgent("The kitchen light is on.");
  private StateLog states;
  private WyomingServiceVerticle verticle;

  @BeforeEach
  void start() {
    EspeakTtsService tts = Speech.espeak(vertx);
    states = new StateLog(vertx);
    verticle = new WyomingServiceVerticle(new VoiceOptions().setHost("127.0.0.1").setPort(0)
        .setReconnectInitialMs(100).setReconnectMaxMs(400), VoiceBackends.of(new FakeStt("unused"), tts, agent));
    vertx.deployVerticle(verticle).await();
  }

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  @Test
  void should_connect_a_satellite_dialed_while_voice_runs_and_answer_its_turns() throws Exception {
    FakeSatellite kitchen = new FakeSatellite(vertx, "Kitchen");
    assertThat(verticle.satellites().list()).isEmpty();

    verticle.dialer().dial(kitchen.config("kitchen", "kitchen-sat")).await();
    kitchen.awaitRunning();
    states.await("kitchen-sat", State.IDLE);
    kitchen.send(new Asr.Transcript("turn on the kitchen light", "en", null));
    kitchen.expect("audio-stop");

    assertThat(agent.asked).singleElement().satisfies(u -> assertThat(u.text()).isEqualTo("turn on the kitchen light"));
    assertThat(verticle.satellites().get("kitchen-sat")).hasValueSatisfying(s -> {
      assertThat(s.connected()).isTrue();
      assertThat(s.room()).isEqualTo("kitchen");
    });
    assertThat(verticle.dialer().dialed()).containsExactly("kitchen-sat");
  }

  @Test
  void should_pause_and_close_a_satellite_hung_up_on_and_never_dial_it_again() throws Exception {
    FakeSatellite kitchen = new FakeSatellite(vertx, "Kitchen");
    verticle.dialer().dial(kitchen.config("kitchen", "kitchen-sat")).await();
    kitchen.awaitRunning();
    states.await("kitchen-sat", State.IDLE);

    verticle.dialer().hangUp("kitchen-sat").await();

    kitchen.expect("pause-satellite");
    Await.until("the satellite's connection is closed", Duration.ofSeconds(10), () -> kitchen.openConnections() == 0);
    // Four times the longest reconnect delay: a link still alive would have dialed again by now.
    Thread.sleep(1_600);
    assertThat(kitchen.reconnected()).as("Harpou dialed the satellite again").isFalse();
    assertThat(verticle.satellites().list()).isEmpty();
    assertThat(verticle.dialer().dialed()).isEmpty();
  }

  @Test
  void should_refuse_to_dial_a_satellite_twice_so_it_never_sees_two_connections() throws Exception {
    FakeSatellite kitchen = new FakeSatellite(vertx, "Kitchen");
    verticle.dialer().dial(kitchen.config("kitchen", "kitchen-sat")).await();
    kitchen.awaitRunning();

    assertThatThrownBy(() -> verticle.dialer().dial(kitchen.config("kitchen", "kitchen-sat")).await())
        .isInstanceOf(BridgeException.class).hasMessageContaining("kitchen-sat is already dialed");
    assertThatThrownBy(() -> verticle.dialer().hangUp("garage-sat").await())
        .isInstanceOf(BridgeException.class).hasMessageContaining("garage-sat is not dialed");
    states.await("kitchen-sat", State.IDLE);
    assertThat(kitchen.mostOpenConnections()).isEqualTo(1);
    assertThat(verticle.dialer().dialed()).isEqualTo(java.util.Set.of("kitchen-sat"));
  }

  @Test
  void should_dial_a_satellite_again_after_hanging_up_on_it() throws Exception {
    FakeSatellite kitchen = new FakeSatellite(vertx, "Kitchen");
    verticle.dialer().dial(kitchen.config("kitchen", "kitchen-sat")).await();
    kitchen.awaitRunning();
    verticle.dialer().hangUp("kitchen-sat").await();
    Await.until("the satellite's connection is closed", Duration.ofSeconds(10), () -> kitchen.openConnections() == 0);

    verticle.dialer().dial(kitchen.config("kitchen", "kitchen-sat")).await();

    kitchen.awaitRunning();
    states.await("kitchen-sat", State.IDLE);
    assertThat(verticle.satellites().list()).extracting(Satellite::id).isEqualTo(List.of("kitchen-sat"));
    assertThat(kitchen.mostOpenConnections()).isEqualTo(1);
  }
}
