package io.harpou.benchmarks.voice;

import io.harpou.bridge.api.voice.AudioFormat;
import io.harpou.bridge.api.voice.SpeechAudio;
import io.harpou.bridge.api.voice.Transcript;
import io.harpou.bridge.vertx.speech.EspeakOptions;
import io.harpou.bridge.vertx.speech.EspeakTtsService;
import io.harpou.bridge.api.voice.Pcm;
import io.harpou.bridge.api.voice.Wav;
import io.harpou.bridge.vertx.speech.WhisperOptions;
import io.harpou.bridge.vertx.speech.WhisperSttService;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Per-stage latency of the speech engines against the voice budget, each measured as one call through the public
 * service (worker hop included): Whisper on a 2-second utterance with the encoder context trimmed to it and with the
 * full 30-second window (target under 200 ms), espeak-ng on a short sentence (first audio under 100 ms), and the
 * 22050 to 16000 Hz resampling of 2 seconds of speech.
 *
 * <p>Whisper uses the weightless {@code tiny.en} test model from the shared data folder
 * ({@code -Dharpou.shared.dir}, default {@code ../shared}): it runs the whole encoder and decoder graph, so the
 * compute cost is that of {@code tiny.en}, but it decodes nothing.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class SpeechEnginesBenchmark {

  /** Whisper's CPU threads per call; ggml's workers spin while they wait, so one thread can win on a busy host. */
  @Param({"1", "2"})
  public int threads;

  private Vertx vertx;
  private WhisperSttService trimmed;
  private WhisperSttService fullWindow;
  private EspeakTtsService espeak;
  private Buffer twoSeconds;
  private Buffer speech22k;

  /** Loads the model twice (trimmed and full window), starts espeak-ng once, and cuts a 2-second utterance. */
  @Setup(Level.Trial)
  public void setUp() throws Exception {
    vertx = Vertx.vertx();
    Path data = Path.of(System.getProperty("harpou.shared.dir", "../shared"), "data");
    String model = data.resolve("for-tests-ggml-tiny.en.bin").toString();
    trimmed = WhisperSttService.create(vertx, new WhisperOptions().setModel(model).setThreads(threads));
    fullWindow = WhisperSttService.create(vertx,
        new WhisperOptions().setModel(model).setThreads(threads).setTrimAudioContext(false));
    trimmed.load().await();
    fullWindow.load().await();
    SpeechAudio jfk = Wav.read(Buffer.buffer(Files.readAllBytes(data.resolve("jfk.wav"))));
    twoSeconds = jfk.pcm().getBuffer(0, AudioFormat.MICROPHONE.bytesPerSecond() * 2);
    espeak = EspeakTtsService.create(vertx, new EspeakOptions());
    speech22k = Pcm.resample(twoSeconds, 16000, 22050);
  }

  /** Frees the models and stops Vert.x. */
  @TearDown(Level.Trial)
  public void tearDown() {
    trimmed.close().await();
    fullWindow.close().await();
    espeak.close().await();
    vertx.close().await();
  }

  /** Whisper on 2 s of speech, encoder context trimmed to the utterance (the default). */
  @Benchmark
  public Transcript whisperTwoSecondsTrimmed() {
    return trimmed.transcribe(twoSeconds, "en").await();
  }

  /** Whisper on the same 2 s with the whole 30-second encoder window, as whisper.cpp does by default. */
  @Benchmark
  public Transcript whisperTwoSecondsFullWindow() {
    return fullWindow.transcribe(twoSeconds, "en").await();
  }

  /** espeak-ng speaking a short reply sentence: the time to the first sentence's audio. */
  @Benchmark
  public SpeechAudio espeakShortSentence() {
    return espeak.synthesize("The kitchen light is on.", "en", null).await();
  }

  /** Resampling 2 s of 22050 Hz speech to the 16 kHz microphone rate. */
  @Benchmark
  public Buffer resampleTwoSeconds() {
    return Pcm.resample(speech22k, 22050, 16000);
  }
}
