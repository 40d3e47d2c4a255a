package io.harpou.bridge.vertx.speech.impl;

import io.github.givimad.whisperjni.WhisperContext;
import io.github.givimad.whisperjni.WhisperFullParams;
import io.github.givimad.whisperjni.WhisperJNI;
import io.github.givimad.whisperjni.WhisperSamplingStrategy;
import io.github.givimad.whisperjni.WhisperState;
import io.harpou.bridge.api.BridgeException;
import io.harpou.bridge.api.voice.AudioFormat;
import io.harpou.bridge.api.voice.Transcript;
import io.harpou.bridge.api.voice.Pcm;
import io.harpou.bridge.vertx.speech.WhisperOptions;
import io.harpou.bridge.vertx.speech.WhisperSttService;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Whisper speech to text: one shared context per model, one native state per concurrent call, a bounded pool. */
public final class WhisperSttServiceImpl implements WhisperSttService {

  private static final Logger LOG = LoggerFactory.getLogger(WhisperSttServiceImpl.class);
  private static final int SAMPLE_RATE = 16000;
  // whisper.cpp refuses input under one second ("input is too short"); shorter audio is padded with silence.
  private static final int MIN_SAMPLES = SAMPLE_RATE * 1050 / 1000;

  private final Vertx vertx;
  private final WhisperOptions options;
  private final WorkerExecutor executor;
  // Calls share the read side; close takes the write side so native memory is never freed under a running call.
  private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
  private final Deque<WhisperState> idleStates = new ArrayDeque<>();
  private final List<WhisperState> allStates = new ArrayList<>();
  private WhisperJNI whisper;
  private WhisperContext context;
  private boolean multilingual = true;
  // Read by languages() on the event loop without taking the monitor a model load may hold.
  private volatile boolean englishOnly;
  private volatile boolean closed;

  /** Creates the service. */
  public WhisperSttServiceImpl(Vertx vertx, WhisperOptions options) {
    this.vertx = vertx;
    this.options = options;
    this.executor = vertx.createSharedWorkerExecutor("harpou-whisper-" + System.identityHashCode(this),
        options.getPoolSize());
  }

  @Override
  public String id() {
    return "whisper";
  }

  @Override
  public List<String> languages() {
    return englishOnly ? List.of("en") : options.getLanguages();
  }

  @Override
  public AudioFormat inputFormat() {
    return AudioFormat.MICROPHONE;
  }

  @Override
  public Future<Void> load() {
    return executor.executeBlocking(() -> {
      lifecycle.readLock().lock();
      try {
        ensureLoaded();
        return null;
      } finally {
        lifecycle.readLock().unlock();
      }
    }, false);
  }

  @Override
  public Future<Transcript> transcribe(Buffer pcm, String language) {
    float[] samples;
    String lang;
    try {
      if (closed) {
        throw new BridgeException("the whisper service is closed");
      }
      samples = validate(pcm);
      lang = language == null || language.isBlank() ? options.getLanguage() : primary(language);
    } catch (BridgeException e) {
      return Future.failedFuture(e);
    }
    return executor.executeBlocking(() -> run(samples, lang), false);
  }

  private float[] validate(Buffer pcm) {
    if (pcm == null || pcm.length() == 0) {
      throw new BridgeException("no audio to transcribe");
    }
    // Checked on the byte count, before the samples are converted.
    long max = (long) options.getMaxAudioSeconds() * SAMPLE_RATE;
    if (pcm.length() / 2 > max) {
      throw new BridgeException("utterance of " + pcm.length() / 2 / SAMPLE_RATE + " s is longer than the "
          + options.getMaxAudioSeconds() + " s allowed");
    }
    float[] samples = Pcm.toFloats(pcm);
    if (samples.length < MIN_SAMPLES) {
      float[] padded = new float[MIN_SAMPLES];
      System.arraycopy(samples, 0, padded, 0, samples.length);
      return padded;
    }
    return samples;
  }

  private Transcript run(float[] samples, String language) {
    lifecycle.readLock().lock();
    try {
      ensureLoaded();
      if (!multilingual && !language.equals("en")) {
        throw new BridgeException("the whisper model " + options.getModel() + " understands English only, not "
            + language);
      }
      WhisperState state = takeState();
      try {
        WhisperFullParams params = params(samples.length, language);
        int code = whisper.fullWithState(context, state, params, samples, samples.length);
        if (code != 0) {
          throw new BridgeException("whisper failed to transcribe (code " + code + ")");
        }
        StringBuilder text = new StringBuilder();
        int segments = whisper.fullNSegmentsFromState(state);
        for (int i = 0; i < segments; i++) {
          text.append(whisper.fullGetSegmentTextFromState(state, i));
        }
        return new Transcript(text.toString(), language);
      } finally {
        releaseState(state);
      }
    } finally {
      lifecycle.readLock().unlock();
    }
  }

  private WhisperFullParams params(int sampleCount, String language) {
    WhisperFullParams params = new WhisperFullParams(WhisperSamplingStrategy.GREEDY);
    params.nThreads = options.getThreads();
    params.language = language;
    params.audioCtx = options.isTrimAudioContext() ? audioContext(sampleCount) : 0;
    params.singleSegment = true;
    params.noContext = true;
    params.noTimestamps = true;
    params.printProgress = false;
    params.printTimestamps = false;
    params.printRealtime = false;
    params.printSpecial = false;
    params.suppressBlank = true;
    params.suppressNonSpeechTokens = true;
    return params;
  }

  /**
   * The encoder positions an utterance needs: 50 per second of audio (10 ms mel frames, halved by the encoder's
   * stride), plus a margin, within Whisper's 1500-position window. 0 would mean the whole window.
   */
  static int audioContext(int sampleCount) {
    int needed = (int) Math.ceil(sampleCount * 50.0 / SAMPLE_RATE) + 64;
    return Math.min(1500, needed);
  }

  private synchronized void ensureLoaded() {
    if (closed) {
      throw new BridgeException("the whisper service is closed");
    }
    if (context != null) {
      return;
    }
    if (options.getModel() == null) {
      throw new BridgeException("no whisper model file is configured (voice.whisper.model or HARPOU_WHISPER_MODEL)");
    }
    Path model = Path.of(options.getModel());
    if (!Files.isRegularFile(model)) {
      throw new BridgeException("whisper model file not found: " + model);
    }
    WhisperJNI jni = WhisperNative.get();
    try {
      context = jni.initNoState(model);
    } catch (IOException | RuntimeException e) {
      throw new BridgeException("cannot load the whisper model " + model + ": " + e.getMessage(), e);
    }
    if (context == null) {
      throw new BridgeException("cannot load the whisper model " + model);
    }
    whisper = jni;
    multilingual = jni.isMultilingual(context);
    englishOnly = !multilingual;
    LOG.info("Whisper model {} loaded ({}, {} threads, pool of {})", model.getFileName(),
        multilingual ? "multilingual" : "English only", options.getThreads(), options.getPoolSize());
  }

  private synchronized WhisperState takeState() {
    WhisperState state = idleStates.pollFirst();
    if (state == null) {
      state = whisper.initState(context);
      if (state == null) {
        throw new BridgeException("whisper could not allocate a decoding state");
      }
      allStates.add(state);
    }
    return state;
  }

  private synchronized void releaseState(WhisperState state) {
    idleStates.addFirst(state);
  }

  private static String primary(String language) {
    int dash = language.indexOf('-');
    int underscore = language.indexOf('_');
    int cut = dash < 0 ? underscore : underscore < 0 ? dash : Math.min(dash, underscore);
    return (cut < 0 ? language : language.substring(0, cut)).toLowerCase(Locale.ROOT);
  }

  @Override
  public Future<Void> close() {
    return vertx.<Void>executeBlocking(() -> {
      lifecycle.writeLock().lock();
      try {
        synchronized (this) {
          closed = true;
          for (WhisperState state : allStates) {
            whisper.free(state);
          }
          allStates.clear();
          idleStates.clear();
          if (context != null) {
            whisper.free(context);
            context = null;
          }
        }
        return null;
      } finally {
        lifecycle.writeLock().unlock();
      }
    }).eventually(executor::close);
  }
}
