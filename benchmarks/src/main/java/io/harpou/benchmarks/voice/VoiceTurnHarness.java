package io.harpou.benchmarks.voice;

import io.harpou.bridge.api.voice.AudioFormat;
import io.harpou.bridge.api.voice.SpeechAudio;
import io.harpou.bridge.api.voice.SttService;
import io.harpou.bridge.api.voice.Transcript;
import io.harpou.bridge.api.voice.TtsService;
import io.harpou.bridge.vertx.voice.VoiceBackends;
import io.harpou.bridge.vertx.voice.VoiceOptions;
import io.harpou.bridge.vertx.voice.WyomingServiceVerticle;
import io.harpou.bridge.vertx.speech.EspeakOptions;
import io.harpou.bridge.vertx.speech.EspeakTtsService;
import io.harpou.bridge.api.voice.Pcm;
import io.harpou.bridge.vertx.speech.WhisperOptions;
import io.harpou.bridge.vertx.speech.WhisperSttService;
import io.harpou.wyoming.WyomingClient;
import io.harpou.wyoming.WyomingClientOptions;
import io.harpou.wyoming.WyomingConnection;
import io.harpou.wyoming.WyomingEvent;
import io.harpou.wyoming.message.Audio;
import io.harpou.wyoming.message.Pipeline.RunPipeline;
import io.harpou.wyoming.message.PipelineStage;
import io.harpou.wyoming.message.SatelliteStatus;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Load harness for one voice turn as a satellite sees it: from the end of speech ({@code audio-stop}) to the first
 * chunk of the spoken answer. Mode {@code fake}: instant engines and agent, so the figure is voice's own overhead
 * (transcription hop, agent hop, first sentence, framing). Mode {@code real}: espeak-ng speaks and Whisper runs the
 * weightless {@code tiny.en} graph from the shared data folder on the utterance; since that model decodes nothing,
 * its empty transcript is replaced by a fixed one after the full Whisper run, so the timing is Whisper's real
 * compute. The arbitration window is 0: in a real room it elapses while the person is still speaking.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.harpou.benchmarks.voice.VoiceTurnHarness fake|real
 * [turns]}
 */
public final class VoiceTurnHarness {

  private VoiceTurnHarness() {
  }

  /** Runs the harness and prints the figures. */
  public static void main(String[] args) throws Exception {
    boolean real = args.length > 0 && args[0].equals("real");
    int turns = args.length > 1 ? Integer.parseInt(args[1]) : (real ? 30 : 1000);
    Vertx vertx = Vertx.vertx();
    SttService stt;
    TtsService tts;
    Buffer utterance;
    if (real) {
      EspeakTtsService espeak = EspeakTtsService.create(vertx, new EspeakOptions());
      tts = espeak;
      Path model = Path.of(System.getProperty("harpou.shared.dir", "../shared"), "data",
          "for-tests-ggml-tiny.en.bin");
      WhisperSttService whisper = WhisperSttService.create(vertx, new WhisperOptions().setModel(model.toString()));
      whisper.load().await();
      stt = new FallbackStt(whisper);
      SpeechAudio spoken = espeak.synthesize("turn on the kitchen light", "en", null).await();
      utterance = Pcm.resample(spoken.pcm(), spoken.format().rate(), 16000);
    } else {
      stt = new VoiceFakes.CountingStt();
      tts = new VoiceFakes.InstantTts();
      utterance = VoiceFakes.noise(500, 7);
    }
    WyomingServiceVerticle voice = new WyomingServiceVerticle(new VoiceOptions().setHost("127.0.0.1").setPort(0)
        .setArbitrationWindowMs(0), VoiceBackends.of(stt, tts, VoiceFakes.instantAgent()));
    vertx.deployVerticle(voice).await();
    WyomingClient client = WyomingClient.create(vertx, new WyomingClientOptions());
    WyomingConnection satellite = client.connect("127.0.0.1", voice.actualPort()).await();
    BlockingQueue<Long> firstChunk = new LinkedBlockingQueue<>();
    BlockingQueue<WyomingEvent> stops = new LinkedBlockingQueue<>();
    boolean[] seen = {false};
    satellite.handler(event -> {
      switch (event.type()) {
        case "audio-chunk" -> {
          if (!seen[0]) {
            seen[0] = true;
            firstChunk.add(System.nanoTime());
          }
        }
        case "audio-stop", "error" -> stops.add(event);
        default -> {
        }
      }
    });
    int warmup = real ? 3 : 200;
    long[] latencies = new long[turns];
    for (int turn = -warmup; turn < turns; turn++) {
      seen[0] = false;
      satellite.write(new RunPipeline(PipelineStage.ASR, PipelineStage.TTS, false));
      for (int at = 0; at < utterance.length(); at += 2048) {
        satellite.write(new Audio.AudioChunk(16000, 2, 1, null,
            utterance.getBuffer(at, Math.min(utterance.length(), at + 2048))));
      }
      Future<Void> lastWrite = satellite.write(new Audio.AudioStop(null));
      lastWrite.await();
      long endOfSpeech = System.nanoTime();
      Long first = firstChunk.poll(30, TimeUnit.SECONDS);
      WyomingEvent stop = stops.poll(30, TimeUnit.SECONDS);
      if (first == null || stop == null || !stop.type().equals("audio-stop")) {
        throw new IllegalStateException("turn " + turn + " gave no answer: " + stop);
      }
      if (turn >= 0) {
        latencies[turn] = first - endOfSpeech;
      }
      satellite.write(new SatelliteStatus.Played()).await();
    }
    java.util.Arrays.sort(latencies);
    System.out.printf("mode=%s turns=%d end of speech -> first answer chunk: p50=%.2f ms p99=%.2f ms max=%.2f ms%n",
        real ? "real (espeak-ng + weightless whisper tiny.en)" : "fake (instant engines)", turns,
        VoiceFakes.percentile(latencies, 50) / 1e6, VoiceFakes.percentile(latencies, 99) / 1e6,
        latencies[turns - 1] / 1e6);
    vertx.close().await();
  }

  /** Runs the real engine, then stands in a fixed transcript when it heard nothing (the weightless model). */
  private record FallbackStt(SttService engine) implements SttService {
    @Override
    public String id() {
      return engine.id();
    }

    @Override
    public List<String> languages() {
      return engine.languages();
    }

    @Override
    public AudioFormat inputFormat() {
      return engine.inputFormat();
    }

    @Override
    public Future<Transcript> transcribe(Buffer pcm, String language) {
      return engine.transcribe(pcm, language).map(t -> t.isEmpty()
          ? new Transcript("turn on the kitchen light", language) : t);
    }
  }
}
