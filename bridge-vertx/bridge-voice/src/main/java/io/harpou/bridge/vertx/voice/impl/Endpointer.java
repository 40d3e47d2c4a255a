package io.harpou.bridge.vertx.voice.impl;

/**
 * Decides, from the loudness of successive audio chunks, when speech has started and ended. It counts audio time, not
 * wall time, so it behaves the same whatever the network does. The fallback for satellites without their own VAD.
 */
final class Endpointer {

  /** What the endpointer concluded after a chunk. */
  enum Verdict {
    /** Nothing decided yet. */
    WAITING,
    /** Speech has just started. */
    SPEECH_STARTED,
    /** Speech is going on. */
    SPEAKING,
    /** Speech has ended: enough trailing silence. */
    SPEECH_ENDED,
    /** The utterance reached its maximum length. */
    TOO_LONG,
    /** No speech came at all. */
    NO_SPEECH
  }

  // Speech must last this long before it counts, so a click does not start an utterance.
  private static final long MIN_SPEECH_MS = 90;

  private final double thresholdSquare;
  private final long silenceMs;
  private final long noSpeechMs;
  private final long maxMs;
  private long totalMs;
  private long speechMs;
  private long silenceRunMs;
  private boolean started;

  Endpointer(double threshold, long silenceMs, long noSpeechMs, long maxMs) {
    this.thresholdSquare = threshold * threshold;
    this.silenceMs = silenceMs;
    this.noSpeechMs = noSpeechMs;
    this.maxMs = maxMs;
  }

  /** Feeds one chunk by its duration and mean square level (see {@link PcmAudio#meanSquare}). */
  Verdict feed(long durationMs, double meanSquare) {
    totalMs += durationMs;
    boolean loud = meanSquare >= thresholdSquare;
    if (!started) {
      speechMs = loud ? speechMs + durationMs : 0;
      if (speechMs >= MIN_SPEECH_MS) {
        started = true;
        silenceRunMs = 0;
        return Verdict.SPEECH_STARTED;
      }
      return totalMs >= noSpeechMs ? Verdict.NO_SPEECH : Verdict.WAITING;
    }
    silenceRunMs = loud ? 0 : silenceRunMs + durationMs;
    if (silenceRunMs >= silenceMs) {
      return Verdict.SPEECH_ENDED;
    }
    return totalMs >= maxMs ? Verdict.TOO_LONG : Verdict.SPEAKING;
  }

  /** True once speech has started. */
  boolean speechStarted() {
    return started;
  }
}
