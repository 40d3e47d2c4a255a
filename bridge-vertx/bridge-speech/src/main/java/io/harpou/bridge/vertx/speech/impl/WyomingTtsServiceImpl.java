package io.harpou.bridge.vertx.speech.impl;

import io.harpou.bridge.api.BridgeException;
import io.harpou.bridge.api.voice.AudioFormat;
import io.harpou.bridge.api.voice.SpeechAudio;
import io.harpou.bridge.api.voice.Voice;
import io.harpou.bridge.vertx.speech.WyomingSpeechOptions;
import io.harpou.bridge.vertx.speech.WyomingTtsService;
import io.harpou.wyoming.WyomingClient;
import io.harpou.wyoming.WyomingConnection;
import io.harpou.wyoming.WyomingMessage;
import io.harpou.wyoming.info.Info;
import io.harpou.wyoming.info.TtsProgram;
import io.harpou.wyoming.info.TtsVoice;
import io.harpou.wyoming.message.Audio;
import io.harpou.wyoming.message.Tts;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;

/** Synthesises on a remote Wyoming server: {@code synthesize}, then audio start, chunks and stop collected. */
public final class WyomingTtsServiceImpl implements WyomingTtsService {

  private final Vertx vertx;
  private final WyomingSpeechOptions options;
  private final WyomingClient client;
  private volatile List<Voice> voices;

  /** Creates the service. */
  public WyomingTtsServiceImpl(Vertx vertx, WyomingSpeechOptions options) {
    this.vertx = vertx;
    this.options = options;
    this.client = WyomingClient.create(vertx, options.getClient());
    this.voices = options.getName() == null ? List.of()
        : List.of(new Voice(options.getName(), options.getName(), options.getLanguages()));
  }

  @Override
  public String id() {
    return "wyoming-tts";
  }

  @Override
  public List<Voice> voices() {
    return voices;
  }

  @Override
  public Future<Info> describe() {
    return new DescribeExchange().run(vertx, client, options, "describe").onSuccess(info -> {
      List<Voice> offered = new ArrayList<>();
      for (TtsProgram program : info.tts()) {
        for (TtsVoice voice : program.voices()) {
          if (voice.artifact().installed()) {
            offered.add(new Voice(voice.artifact().name(), voice.artifact().description(), voice.languages()));
          }
        }
      }
      voices = List.copyOf(offered);
    });
  }

  @Override
  public Future<SpeechAudio> synthesize(String text, String language, String voice) {
    if (text == null || text.isBlank()) {
      return Future.failedFuture(new BridgeException("no text to speak"));
    }
    String name = voice != null && !voice.isBlank() ? voice : options.getName();
    Tts.SynthesizeVoice wanted = name == null && language == null ? null
        : new Tts.SynthesizeVoice(name, null, language);
    return new SynthesizeExchange(new Tts.Synthesize(text, wanted, null, null))
        .run(vertx, client, options, "synthesize");
  }

  @Override
  public Future<Void> close() {
    return client.close();
  }

  private final class SynthesizeExchange extends WyomingExchange<SpeechAudio> {
    private final Tts.Synthesize request;
    private final Buffer audio = Buffer.buffer();
    private AudioFormat format;

    SynthesizeExchange(Tts.Synthesize request) {
      this.request = request;
    }

    @Override
    protected Future<Void> begin(WyomingConnection connection) {
      return connection.write(request);
    }

    @Override
    protected void onMessage(WyomingMessage message) {
      if (message instanceof Audio.AudioStart start) {
        format = new AudioFormat(start.rate(), start.width(), start.channels());
      } else if (message instanceof Audio.AudioChunk chunk) {
        AudioFormat chunkFormat = new AudioFormat(chunk.rate(), chunk.width(), chunk.channels());
        if (format == null) {
          format = chunkFormat;
        } else if (!format.equals(chunkFormat)) {
          fail("the Wyoming service changed the audio format within one answer: " + format + " then "
              + chunkFormat);
          return;
        }
        if (audio.length() + chunk.audio().length() > options.getMaxAudioBytes()) {
          fail("the synthesised audio is larger than the " + options.getMaxAudioBytes() + " bytes allowed");
          return;
        }
        audio.appendBuffer(chunk.audio());
      } else if (message instanceof Audio.AudioStop) {
        if (format == null) {
          fail("the Wyoming service sent no audio");
          return;
        }
        int frame = format.width() * format.channels();
        complete(new SpeechAudio(format, audio.getBuffer(0, audio.length() - audio.length() % frame)));
      }
    }
  }
}
