package io.harpou.bridge.vertx.voice.impl;

import io.harpou.bridge.api.voice.AudioFormat;
import io.harpou.bridge.api.voice.SatelliteLines;
import io.harpou.wyoming.WyomingMessage;
import io.harpou.wyoming.message.Audio;
import io.harpou.wyoming.message.Pipeline.RunPipeline;
import io.harpou.wyoming.message.PipelineStage;
import io.harpou.wyoming.message.SatelliteStatus;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;

/**
 * Lines into the voice pipeline: each is a {@link SatelliteSession} over a {@link LineConnection}, fed the events a
 * Wyoming satellite would send (a pipeline run from speech to text to speech, audio chunks, {@code audio-stop},
 * {@code played}), so it listens, transcribes, asks the agent and speaks exactly as a satellite's session does.
 */
final class Lines implements SatelliteLines {

  private final VoiceRuntime runtime;
  private final Context context;

  Lines(VoiceRuntime runtime, Context context) {
    this.runtime = runtime;
    this.context = context;
  }

  @Override
  public Line open(String id, String room, String peerAddress, Listener listener) {
    LineConnection connection = new LineConnection(listener, peerAddress);
    SatelliteSession session = new SatelliteSession(runtime, id, room, connection, true, false);
    context.runOnContext(v -> session.open());
    return new Line() {
      @Override
      public void listen() {
        send(new RunPipeline(PipelineStage.ASR, PipelineStage.TTS, false));
      }

      @Override
      public void audio(Buffer pcm) {
        AudioFormat format = AudioFormat.MICROPHONE;
        send(new Audio.AudioChunk(format.rate(), format.width(), format.channels(), null, pcm));
      }

      @Override
      public void endOfSpeech() {
        send(new Audio.AudioStop(null));
      }

      @Override
      public void played() {
        send(new SatelliteStatus.Played());
      }

      @Override
      public Future<Void> close() {
        Promise<Void> closed = Promise.promise();
        context.runOnContext(v -> session.replaced().onComplete(closed));
        return closed.future();
      }

      private void send(WyomingMessage message) {
        context.runOnContext(v -> session.handle(message.toEvent()));
      }
    };
  }
}
