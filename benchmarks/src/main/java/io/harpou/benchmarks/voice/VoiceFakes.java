package io.harpou.benchmarks.voice;

import io.harpou.bridge.api.agent.Agent;
import io.harpou.bridge.api.agent.Reply;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.voice.AudioFormat;
import io.harpou.bridge.api.voice.SpeechAudio;
import io.harpou.bridge.api.voice.SttService;
import io.harpou.bridge.api.voice.Transcript;
import io.harpou.bridge.api.voice.TtsService;
import io.harpou.bridge.api.voice.Voice;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Instant engines and agent for the voice harnesses, so what is measured is Harpou's own overhead. */
final class VoiceFakes {

  private VoiceFakes() {
  }

  /** Speech to text that answers at once and records how many bytes each utterance had. */
  static final class CountingStt implements SttService {
    final ConcurrentLinkedQueue<Integer> lengths = new ConcurrentLinkedQueue<>();

    @Override
    public String id() {
      return "instant";
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
      lengths.add(pcm.length());
      return Future.succeededFuture(new Transcript("turn on the kitchen light", language));
    }
  }

  /** Text to speech that returns one second of a quiet tone at once. */
  static final class InstantTts implements TtsService {
    private final Buffer second = Buffer.buffer(new byte[22050 * 2]);

    @Override
    public String id() {
      return "instant";
    }

    @Override
    public List<Voice> voices() {
      return List.of(new Voice("en", "English", List.of("en")));
    }

    @Override
    public Future<SpeechAudio> synthesize(String text, String language, String voice) {
      return Future.succeededFuture(new SpeechAudio(AudioFormat.SPEECH, second));
    }
  }

  /** An agent that answers at once. */
  static Agent instantAgent() {
    return (utterance, history) -> Future.succeededFuture(Reply.answer("The kitchen light is on.",
        utterance.conversationId()));
  }

  /** Loud noise at 16 kHz mono, which the endpointer takes for speech that never pauses. */
  static Buffer noise(int millis, long seed) {
    Random random = new Random(seed);
    int samples = 16 * millis;
    Buffer out = Buffer.buffer(samples * 2);
    for (int i = 0; i < samples; i++) {
      out.appendShortLE((short) (random.nextGaussian() * 6000));
    }
    return out;
  }

  /** The p-th percentile (0..100) of sorted values. */
  static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }
}
