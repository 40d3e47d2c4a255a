package io.harpou.bridge.vertx.voice;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.wyoming.WyomingEvent;
import io.harpou.wyoming.info.Info;
import io.harpou.wyoming.message.Control;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Peers that declare absurd audio formats or send audio the hub cannot hold, over raw sockets: each is answered with
 * an {@code error} event naming the reason, nothing of its audio reaches speech to text, and Home Assistant
 * connecting afterwards is still served.
 */
class WyomingAudioAttackTest {

  private static final int MEBIBYTE = 1024 * 1024;

  private final Vertx vertx = Vertx.vertx();
  private final FakeStt stt = new FakeStt("turn on the kitchen light");
  private int port;

  @BeforeEach
  void start() {
    WyomingServiceVerticle verticle = new WyomingServiceVerticle(new VoiceOptions().setHost("127.0.0.1").setPort(0),
        VoiceBackends.of(stt, null, new RecordingAgent("Done.")));
    vertx.deployVerticle(verticle).await();
    port = verticle.actualPort();
  }

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  private static JsonObject format(int rate, int width, int channels) {
    return new JsonObject().put("rate", rate).put("width", width).put("channels", channels);
  }

  private static void assertBadRequest(WyomingEvent event, String mentioned) {
    assertThat(event.type()).isEqualTo("error");
    assertThat(event.data().getString("code")).isEqualTo("bad-request");
    assertThat(event.data().getString("text")).contains(mentioned);
  }

  private void assertHomeAssistantIsStillServed() throws Exception {
    try (Peer ha = new Peer(vertx, port)) {
      assertThat(Info.fromEvent(ha.send(new Control.Describe()).next()).asr()).hasSize(1);
    }
  }

  @Test
  void should_refuse_an_absurd_audio_start_and_its_chunks_and_buffer_none_of_them() throws Exception {
    try (RawPeer attacker = new RawPeer(port)) {
      attacker.send("transcribe", new JsonObject());
      attacker.send("audio-start", format(268_435_455, 4, 2));
      assertBadRequest(attacker.next(), "rate");
      for (int i = 0; i < 3; i++) {
        attacker.send("audio-chunk", format(268_435_455, 4, 2), new byte[MEBIBYTE]);
        assertBadRequest(attacker.next(), "rate");
      }
      attacker.send("audio-stop", new JsonObject());
      assertThat(attacker.next().type()).isEqualTo("transcript");
    }
    assertThat(stt.heard).isEmpty();
    assertHomeAssistantIsStillServed();
  }

  @Test
  void should_refuse_a_rate_1_chunk_in_a_16_khz_stream_without_resampling_it() throws Exception {
    byte[] second = new byte[32_000];
    try (RawPeer attacker = new RawPeer(port)) {
      attacker.send("transcribe", new JsonObject());
      attacker.send("audio-start", format(16_000, 2, 1));
      attacker.send("audio-chunk", format(1, 2, 1), new byte[64 * 1024]);
      assertBadRequest(attacker.next(), "rate");
      attacker.send("audio-chunk", format(16_000, 2, 1), second);
      attacker.send("audio-stop", new JsonObject());
      assertThat(attacker.next().type()).isEqualTo("transcript");
    }
    // Only the well-formed second of audio was heard.
    assertThat(stt.heard).singleElement().satisfies(pcm -> assertThat(pcm.length()).isEqualTo(32_000));
    assertHomeAssistantIsStillServed();
  }

  @Test
  void should_refuse_audio_longer_than_a_minute_once_and_ignore_the_rest_of_the_stream() throws Exception {
    try (RawPeer attacker = new RawPeer(port)) {
      attacker.send("transcribe", new JsonObject());
      attacker.send("audio-start", format(16_000, 2, 1));
      // 1 MiB of 8 kHz audio is 65 s, twice as many bytes once at 16 kHz: refused before it is converted.
      attacker.send("audio-chunk", format(8_000, 2, 1), new byte[MEBIBYTE]);
      assertBadRequest(attacker.next(), "60 s");
      for (int i = 0; i < 3; i++) {
        attacker.send("audio-chunk", format(16_000, 2, 1), new byte[MEBIBYTE]);
      }
      attacker.send("audio-stop", new JsonObject());
      attacker.send("ping", new JsonObject().put("text", "after"));
      // The pong comes next: the ignored chunks got no error each, and nothing was transcribed.
      WyomingEvent pong = attacker.next();
      assertThat(pong.type()).isEqualTo("pong");
    }
    assertThat(stt.heard).isEmpty();
    assertHomeAssistantIsStillServed();
  }

  @Test
  void should_refuse_a_chunk_of_another_width_than_16_bits_at_once() throws Exception {
    try (RawPeer attacker = new RawPeer(port)) {
      attacker.send("audio-start", format(16_000, 3, 1));
      assertBadRequest(attacker.next(), "16-bit");
      attacker.send("audio-chunk", format(16_000, 2, 1), new byte[3]);
      assertBadRequest(attacker.next(), "frames");
    }
    assertHomeAssistantIsStillServed();
  }

  @Test
  void should_serve_home_assistant_while_four_peers_send_rate_1_chunks_in_parallel() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<WyomingEvent>> answers = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        answers.add(pool.submit(() -> {
          try (RawPeer attacker = new RawPeer(port)) {
            attacker.send("transcribe", new JsonObject());
            attacker.send("audio-start", format(16_000, 2, 1));
            attacker.send("audio-chunk", format(1, 2, 1), new byte[64 * 1024]);
            return attacker.next();
          }
        }));
      }
      for (Future<WyomingEvent> answer : answers) {
        assertBadRequest(answer.get(), "rate");
      }
    } finally {
      pool.shutdownNow();
    }
    assertHomeAssistantIsStillServed();
  }

  @Test
  void should_answer_a_dialed_in_satellite_sending_a_rate_1_chunk_with_an_error() throws Exception {
    try (RawPeer satellite = new RawPeer(port)) {
      satellite.send("run-pipeline", new JsonObject().put("start_stage", "asr").put("end_stage", "handle"));
      assertThat(satellite.next().type()).isEqualTo("transcribe");
      satellite.send("audio-chunk", format(1, 2, 1), new byte[64 * 1024]);
      WyomingEvent error = satellite.next();
      while (!error.type().equals("error")) {
        error = satellite.next();
      }
      assertBadRequest(error, "rate");
      satellite.send("ping", new JsonObject().put("text", "alive"));
      WyomingEvent pong = satellite.next();
      while (!pong.type().equals("pong")) {
        pong = satellite.next();
      }
      assertThat(pong.data().getString("text")).isEqualTo("alive");
    }
    assertHomeAssistantIsStillServed();
  }
}
