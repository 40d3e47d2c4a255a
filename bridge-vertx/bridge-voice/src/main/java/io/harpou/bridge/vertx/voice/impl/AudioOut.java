package io.harpou.bridge.vertx.voice.impl;

import io.harpou.bridge.api.voice.AudioFormat;
import io.harpou.bridge.api.voice.SpeechAudio;
import io.harpou.wyoming.WyomingConnection;
import io.harpou.wyoming.WyomingMessage;
import io.harpou.wyoming.WyomingStreams;
import io.harpou.wyoming.message.Audio;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Sends speech as one Wyoming audio stream: {@code audio-start}, 2048-byte {@code audio-chunk}s with running
 * timestamps, {@code audio-stop}. The format is fixed by the first audio (or given), and later audio is converted to
 * it, because Home Assistant reads the format once per stream. 16-bit speech is scaled to the satellite's volume, as
 * Home Assistant scales what it sends to a satellite by its volume setting. The chunks are made as the connection
 * takes them, piped with Vert.x's back-pressure.
 */
final class AudioOut {

  /** Home Assistant's chunk size for speech sent to satellites. */
  static final int CHUNK_BYTES = 2048;

  private final WyomingConnection connection;
  private final double gain;
  private AudioFormat format;
  private boolean started;
  private long sentBytes;

  AudioOut(WyomingConnection connection, AudioFormat format) {
    this(connection, format, 1.0);
  }

  /** A stream whose 16-bit audio is multiplied by {@code gain} (0 to 1). */
  AudioOut(WyomingConnection connection, AudioFormat format, double gain) {
    this.connection = connection;
    this.format = format;
    this.gain = gain;
  }

  /** The stream's format, or null before the first audio when none was given. */
  AudioFormat format() {
    return format;
  }

  /** True once {@code audio-start} went out. */
  boolean started() {
    return started;
  }

  /** How much audio has been sent, in milliseconds. */
  long sentMillis() {
    return format == null ? 0 : format.millisOf(sentBytes);
  }

  /** Sends {@code audio-start} unless already sent; needs a format. */
  Future<Void> start() {
    if (started) {
      return Future.succeededFuture();
    }
    started = true;
    return connection.write(new Audio.AudioStart(format.rate(), format.width(), format.channels(), 0L));
  }

  /** Sends one piece of speech, starting the stream first when needed. */
  Future<Void> write(SpeechAudio audio) {
    if (format == null) {
      format = audio.format();
    }
    Buffer pcm = scaled(PcmAudio.convert(audio.pcm(), audio.format(), format));
    return start().compose(v -> WyomingStreams.of(new Chunks(pcm)).pipe().endOnComplete(false).to(connection));
  }

  private Buffer scaled(Buffer pcm) {
    if (gain >= 1.0 || format.width() != 2) {
      return pcm;
    }
    Buffer out = Buffer.buffer(pcm.length());
    for (int i = 0; i + 1 < pcm.length(); i += 2) {
      out.appendShortLE((short) Math.round(pcm.getShortLE(i) * gain));
    }
    return out;
  }

  /** The {@code audio-chunk}s of {@code pcm}, each made when the pipe asks for it, whole frames only. */
  private final class Chunks implements Iterator<WyomingMessage> {

    private final Buffer pcm;
    private final int chunkBytes = CHUNK_BYTES - CHUNK_BYTES % (format.width() * format.channels());
    private int at;

    Chunks(Buffer pcm) {
      this.pcm = pcm;
    }

    @Override
    public boolean hasNext() {
      return at < pcm.length();
    }

    @Override
    public WyomingMessage next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      int end = Math.min(pcm.length(), at + chunkBytes);
      Buffer chunk = pcm.getBuffer(at, end);
      at = end;
      long timestamp = format.millisOf(sentBytes);
      sentBytes += chunk.length();
      return new Audio.AudioChunk(format.rate(), format.width(), format.channels(), timestamp, chunk);
    }
  }

  /** Ends the stream with {@code audio-stop}; sends an empty {@code audio-start} first if nothing was sent. */
  Future<Void> stop() {
    if (format == null) {
      format = AudioFormat.SPEECH;
    }
    return start().compose(v -> connection.write(new Audio.AudioStop(sentMillis())));
  }
}
