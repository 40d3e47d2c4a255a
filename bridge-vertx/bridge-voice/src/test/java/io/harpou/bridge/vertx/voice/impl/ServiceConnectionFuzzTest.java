package io.harpou.bridge.vertx.voice.impl;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.harpou.bridge.api.voice.AudioFormat;
import io.harpou.bridge.api.voice.SttService;
import io.harpou.bridge.api.voice.Transcript;
import io.harpou.bridge.vertx.voice.VoiceBackends;
import io.harpou.bridge.vertx.voice.VoiceOptions;
import io.harpou.wyoming.WyomingEvent;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;

/**
 * Fuzzes one Wyoming connection to the voice service, as Home Assistant's speech-to-text client or as a satellite
 * dialing in: any sequence of audio events, with any declared formats and payloads up to the server's payload limit,
 * must never throw out of the event handler, never make the connection hold more audio than a minute of 16 kHz
 * mono, nor hand more than that to speech to text, and must answer each refusal with an {@code error} that says
 * why. In a normal {@code mvn test} it replays the seeds under {@code ServiceConnectionFuzzTestInputs}; with
 * {@code JAZZER_FUZZ=1} it explores.
 */
class ServiceConnectionFuzzTest {

  private static final Vertx VERTX = Vertx.vertx();
  private static final Context CONTEXT = VERTX.getOrCreateContext();
  private static final int MAX_PAYLOAD = 1024 * 1024;
  /** Rates worth trying besides arbitrary ints: the common ones, the edges, and absurd ones. */
  private static final int[] RATES = {16_000, 8_000, 11_025, 22_050, 44_100, 48_000, 192_000, 7_999, 192_001, 1,
      0, -16_000, 268_435_455, Integer.MAX_VALUE};
  private static final String[] TYPES = {"transcribe", "audio-start", "audio-chunk", "audio-stop", "run-pipeline",
      "detection", "voice-stopped", "ping", "describe", "transcript"};

  @AfterAll
  static void close() {
    VERTX.close().await();
  }

  /** Reads the input as events: a type, then for audio a format and a payload, until the bytes run out. */
  @FuzzTest(maxDuration = "60s")
  void session_holds_bounded_audio_and_answers_every_refusal(byte[] input) throws Exception {
    List<WyomingEvent> events = events(ByteBuffer.wrap(input));
    CompletableFuture<Void> done = new CompletableFuture<>();
    CONTEXT.runOnContext(v -> {
      try {
        run(events);
        done.complete(null);
      } catch (Throwable t) {
        done.completeExceptionally(t);
      }
    });
    // A watchdog against a hang, not a timing assertion: any input finishes in milliseconds.
    done.get(60, TimeUnit.SECONDS);
  }

  private static void run(List<WyomingEvent> events) {
    HeardStt stt = new HeardStt();
    VoiceOptions options = new VoiceOptions().setArbitrationWindowMs(0);
    VoiceRuntime runtime = new VoiceRuntime(VERTX, options, VoiceBackends.of(stt, null, null));
    RecordingConnection connection = new RecordingConnection();
    ServiceConnection service = new ServiceConnection(runtime, connection);
    try {
      for (WyomingEvent event : events) {
        connection.receive(event);
        assertThat((long) service.bufferedAudioBytes()).isLessThanOrEqualTo(SpeechRequest.MAX_BYTES);
      }
    } finally {
      connection.close();
    }
    for (WyomingEvent written : connection.written) {
      if (written.type().equals("error")) {
        assertThat(written.data().getString("text")).isNotBlank();
        assertThat(written.data().getString("code")).isNotBlank();
      }
    }
    for (int heard : stt.heardBytes) {
      assertThat((long) heard).isLessThanOrEqualTo(SpeechRequest.MAX_BYTES);
    }
  }

  static List<WyomingEvent> events(ByteBuffer in) {
    List<WyomingEvent> events = new ArrayList<>();
    while (in.hasRemaining()) {
      String type = TYPES[Byte.toUnsignedInt(in.get()) % TYPES.length];
      switch (type) {
        case "audio-start" -> events.add(WyomingEvent.of(type, format(in)));
        case "audio-chunk" -> events.add(new WyomingEvent(type, format(in), payload(in)));
        case "run-pipeline" -> events.add(WyomingEvent.of(type, new JsonObject().put("start_stage", "asr")
            .put("end_stage", "handle")));
        case "detection" -> events.add(WyomingEvent.of(type, new JsonObject().put("name", "ok_nabu")));
        case "ping" -> events.add(WyomingEvent.of(type, new JsonObject().put("text", "p")));
        case "transcript" -> events.add(WyomingEvent.of(type, new JsonObject().put("text", "hello")));
        default -> events.add(WyomingEvent.of(type));
      }
    }
    return events;
  }

  /** A mode byte picks a listed rate (even) or an arbitrary int (odd), then width and channels as signed bytes. */
  private static JsonObject format(ByteBuffer in) {
    int mode = next(in);
    int rate = mode % 2 == 0 ? RATES[(mode / 2) % RATES.length] : in.remaining() >= 4 ? in.getInt() : mode;
    return new JsonObject().put("rate", rate).put("width", (int) (byte) next(in))
        .put("channels", (int) (byte) next(in));
  }

  /** A size byte below 128 takes that many bytes of the input; from 128 on, a zeroed payload of 8 KiB to 1 MiB. */
  private static Buffer payload(ByteBuffer in) {
    int size = next(in);
    if (size >= 128) {
      return Buffer.buffer(new byte[Math.min(MAX_PAYLOAD, (size - 127) * 8192)]);
    }
    byte[] bytes = new byte[Math.min(size, in.remaining())];
    in.get(bytes);
    return Buffer.buffer(bytes);
  }

  private static int next(ByteBuffer in) {
    return in.hasRemaining() ? Byte.toUnsignedInt(in.get()) : 0;
  }

  /** Speech to text that records how much audio it was given and hears "hello". */
  private static final class HeardStt implements SttService {
    final List<Integer> heardBytes = new ArrayList<>();

    @Override
    public String id() {
      return "heard";
    }

    @Override
    public List<String> languages() {
      return List.of("en");
    }

    @Override
    public AudioFormat inputFormat() {
      return AudioFormat.MICROPHONE;
    }

    @Override
    public Future<Transcript> transcribe(Buffer pcm, String language) {
      heardBytes.add(pcm.length());
      return Future.succeededFuture(new Transcript("hello", language));
    }
  }
}
