package io.harpou.bridge.vertx.speech.impl;

import io.harpou.bridge.api.BridgeException;
import io.harpou.bridge.api.voice.AudioFormat;
import io.harpou.bridge.api.voice.Transcript;
import io.harpou.bridge.api.voice.Pcm;
import io.harpou.bridge.vertx.speech.WyomingSpeechOptions;
import io.harpou.bridge.vertx.speech.WyomingSttService;
import io.harpou.wyoming.WyomingClient;
import io.harpou.wyoming.WyomingConnection;
import io.harpou.wyoming.WyomingMessage;
import io.harpou.wyoming.info.AsrProgram;
import io.harpou.wyoming.info.Info;
import io.harpou.wyoming.info.Model;
import io.harpou.wyoming.message.Asr;
import io.harpou.wyoming.message.Audio;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Transcribes on a remote Wyoming server: {@code transcribe}, the audio stream, then the {@code transcript}. */
public final class WyomingSttServiceImpl implements WyomingSttService {

  private static final AudioFormat FORMAT = AudioFormat.MICROPHONE;

  private final Vertx vertx;
  private final WyomingSpeechOptions options;
  private final WyomingClient client;
  private volatile List<String> languages;

  /** Creates the service. */
  public WyomingSttServiceImpl(Vertx vertx, WyomingSpeechOptions options) {
    this.vertx = vertx;
    this.options = options;
    this.client = WyomingClient.create(vertx, options.getClient());
    this.languages = options.getLanguages();
  }

  @Override
  public String id() {
    return "wyoming-stt";
  }

  @Override
  public List<String> languages() {
    return languages;
  }

  @Override
  public AudioFormat inputFormat() {
    return FORMAT;
  }

  @Override
  public Future<Info> describe() {
    return new DescribeExchange().run(vertx, client, options, "describe").onSuccess(info -> {
      Set<String> heard = new LinkedHashSet<>();
      for (AsrProgram program : info.asr()) {
        for (Model model : program.models()) {
          if (options.getName() == null || options.getName().equals(model.artifact().name())) {
            heard.addAll(model.languages());
          }
        }
      }
      if (!heard.isEmpty()) {
        languages = List.copyOf(heard);
      }
    });
  }

  @Override
  public Future<Transcript> transcribe(Buffer pcm, String language) {
    if (pcm == null || pcm.length() == 0) {
      return Future.failedFuture(new BridgeException("no audio to transcribe"));
    }
    try {
      Pcm.requireWholeSamples(pcm, FORMAT.width() * FORMAT.channels());
    } catch (BridgeException e) {
      return Future.failedFuture(e);
    }
    return new TranscribeExchange(pcm, language).run(vertx, client, options, "transcribe");
  }

  @Override
  public Future<Void> close() {
    return client.close();
  }

  private final class TranscribeExchange extends WyomingExchange<Transcript> {
    private final Buffer pcm;
    private final String language;

    TranscribeExchange(Buffer pcm, String language) {
      this.pcm = pcm;
      this.language = language;
    }

    @Override
    protected Future<Void> begin(WyomingConnection connection) {
      List<WyomingMessage> messages = new ArrayList<>();
      messages.add(new Asr.Transcribe(options.getName(), language, null, null));
      messages.add(new Audio.AudioStart(FORMAT.rate(), FORMAT.width(), FORMAT.channels(), 0L));
      int chunkBytes = FORMAT.bytesPerSecond() * options.getChunkMillis() / 1000;
      for (int offset = 0; offset < pcm.length(); offset += chunkBytes) {
        Buffer chunk = pcm.getBuffer(offset, Math.min(pcm.length(), offset + chunkBytes));
        messages.add(new Audio.AudioChunk(FORMAT.rate(), FORMAT.width(), FORMAT.channels(),
            FORMAT.millisOf(offset), chunk));
      }
      messages.add(new Audio.AudioStop(FORMAT.millisOf(pcm.length())));
      return writeAll(connection, messages.iterator());
    }

    @Override
    protected void onMessage(WyomingMessage message) {
      if (message instanceof Asr.Transcript transcript) {
        complete(new Transcript(transcript.text(), transcript.language() != null ? transcript.language() : language));
      }
    }
  }
}
