package io.harpou.bridge.vertx.speech.impl;

import io.harpou.bridge.api.BridgeException;
import io.harpou.bridge.api.voice.AudioFormat;
import io.harpou.bridge.api.voice.SpeechAudio;
import io.harpou.bridge.api.voice.Voice;
import io.harpou.bridge.vertx.speech.EspeakOptions;
import io.harpou.bridge.vertx.speech.EspeakTtsService;
import io.harpou.bridge.api.voice.Pcm;
import io.harpou.bridge.api.voice.Wav;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** espeak-ng as a process on a bounded worker pool; WAV from its standard output, read leniently. */
public final class EspeakTtsServiceImpl implements EspeakTtsService {

  private static final Logger LOG = LoggerFactory.getLogger(EspeakTtsServiceImpl.class);
  // A voice name starts with a letter or digit, so it can never be taken for an option, and never climbs a path.
  private static final Pattern VOICE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_+./-]{0,63}");

  private final Vertx vertx;
  private final EspeakOptions options;
  private final WorkerExecutor executor;
  private final ProcessRunner runner;
  private volatile List<Voice> installed;
  private volatile boolean loadingVoices;
  private volatile boolean closed;

  /** Creates the service. */
  public EspeakTtsServiceImpl(Vertx vertx, EspeakOptions options) {
    this.vertx = vertx;
    this.options = options;
    this.executor = vertx.createSharedWorkerExecutor("harpou-espeak-" + System.identityHashCode(this),
        options.getPoolSize());
    this.runner = new ProcessRunner(vertx);
  }

  @Override
  public String id() {
    return "espeak";
  }

  @Override
  public List<Voice> voices() {
    List<Voice> known = installed;
    if (known != null) {
      return known;
    }
    if (!loadingVoices) {
      loadingVoices = true;
      loadVoices().onFailure(e -> LOG.warn("Cannot list the espeak-ng voices: {}", e.getMessage()));
    }
    List<Voice> configured = new ArrayList<>();
    options.getVoices().forEach((language, voice) -> configured.add(new Voice(voice, voice, List.of(language))));
    return configured;
  }

  @Override
  public Future<List<Voice>> loadVoices() {
    List<String> command = List.of(options.getCommand(), "--voices");
    return executor.executeBlocking(() -> {
      ProcessRunner.Result result = runner.run(command, new byte[0], options.getTimeoutMillis(), 1024 * 1024);
      if (result.exitCode() != 0) {
        throw new BridgeException("espeak-ng --voices failed: " + result.stderr());
      }
      List<Voice> voices = EspeakVoices.parse(new String(result.stdout(), StandardCharsets.UTF_8));
      installed = voices;
      return voices;
    }, false);
  }

  @Override
  public Future<SpeechAudio> synthesize(String text, String language, String voice) {
    String name;
    try {
      if (closed) {
        throw new BridgeException("the espeak-ng service is closed");
      }
      if (text == null || text.isBlank()) {
        throw new BridgeException("no text to speak");
      }
      if (text.length() > options.getMaxTextLength()) {
        throw new BridgeException("text of " + text.length() + " characters is longer than the "
            + options.getMaxTextLength() + " allowed");
      }
      name = voiceFor(language, voice);
    } catch (BridgeException e) {
      return Future.failedFuture(e);
    }
    List<String> command = List.of(options.getCommand(), "-v", name, "-s", Integer.toString(options.getSpeed()),
        "-b", "1", "--stdin", "--stdout");
    byte[] input = text.getBytes(StandardCharsets.UTF_8);
    return executor.executeBlocking(() -> speak(command, input, name), false);
  }

  private SpeechAudio speak(List<String> command, byte[] input, String voice) {
    ProcessRunner.Result result = runner.run(command, input, options.getTimeoutMillis(),
        options.getMaxOutputBytes());
    if (result.exitCode() != 0 || result.stdout().length == 0) {
      String reason = result.stderr().isEmpty() ? "exit code " + result.exitCode() : result.stderr();
      throw new BridgeException("espeak-ng could not speak with voice '" + voice + "': " + reason);
    }
    SpeechAudio audio = Wav.read(Buffer.buffer(result.stdout()));
    if (audio.format().equals(AudioFormat.SPEECH)) {
      return audio;
    }
    // MBROLA voices speak at 16 kHz; callers are promised 22050 Hz.
    return new SpeechAudio(AudioFormat.SPEECH, Pcm.convert(audio.pcm(), audio.format(), AudioFormat.SPEECH));
  }

  /** The voice to use: the one asked for, else the configured one for the language, else the language itself. */
  String voiceFor(String language, String voice) {
    if (voice != null && !voice.isBlank()) {
      return checked(voice);
    }
    String tag = language == null || language.isBlank() ? options.getLanguage() : language;
    tag = tag.toLowerCase(Locale.ROOT).replace('_', '-');
    Map<String, String> map = options.getVoices();
    String primary = tag.contains("-") ? tag.substring(0, tag.indexOf('-')) : tag;
    String chosen = map.containsKey(tag) ? map.get(tag) : map.getOrDefault(primary, tag);
    return checked(chosen);
  }

  private static String checked(String voice) {
    if (!VOICE_NAME.matcher(voice).matches() || voice.contains("..")) {
      throw new BridgeException("not a valid espeak-ng voice name: " + voice);
    }
    return voice;
  }

  @Override
  public Future<Void> close() {
    closed = true;
    return executor.close();
  }
}
