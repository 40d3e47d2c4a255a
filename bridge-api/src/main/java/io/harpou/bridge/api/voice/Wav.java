package io.harpou.bridge.api.voice;

import io.harpou.bridge.api.BridgeException;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;

/**
 * Reads and writes PCM WAV files. Reading is lenient about sizes, because streaming writers (espeak-ng
 * {@code --stdout}, ffmpeg to a pipe) cannot know them and put placeholders in the header: a data chunk that claims
 * more bytes than the file holds is read to the end of the file.
 */
public final class Wav {

  private static final int FORMAT_PCM = 1;
  private static final int FORMAT_EXTENSIBLE = 0xFFFE;
  private static final int HEADER_BYTES = 44;

  private Wav() {
  }

  /**
   * Reads a PCM WAV file into its format and samples.
   *
   * @throws BridgeException when the bytes are not a RIFF/WAVE file of integer PCM
   */
  public static SpeechAudio read(Buffer wav) {
    if (wav == null || wav.length() < 12 || !tag(wav, 0).equals("RIFF") || !tag(wav, 8).equals("WAVE")) {
      throw new BridgeException("not a WAV file: no RIFF/WAVE header");
    }
    AudioFormat format = null;
    int position = 12;
    while (position + 8 <= wav.length()) {
      String id = tag(wav, position);
      long size = Integer.toUnsignedLong(wav.getIntLE(position + 4));
      int body = position + 8;
      if (id.equals("fmt ")) {
        format = readFormat(wav, body, size);
      } else if (id.equals("data")) {
        if (format == null) {
          throw new BridgeException("WAV data chunk comes before its fmt chunk");
        }
        long available = wav.length() - body;
        int length = (int) Math.min(size, available);
        int frame = format.width() * format.channels();
        length -= length % frame;
        return new SpeechAudio(format, wav.getBuffer(body, body + length));
      }
      // Chunks are padded to an even size.
      long next = body + size + (size & 1);
      if (next > wav.length()) {
        break;
      }
      position = (int) next;
    }
    throw new BridgeException(format == null ? "WAV file has no fmt chunk" : "WAV file has no data chunk");
  }

  /** Writes PCM as a canonical 44-byte-header WAV file. */
  public static Buffer write(AudioFormat format, Buffer pcm) {
    Pcm.requireWholeSamples(pcm, format.width() * format.channels());
    Buffer out = Buffer.buffer(HEADER_BYTES + pcm.length());
    out.appendString("RIFF").appendIntLE(36 + pcm.length()).appendString("WAVE");
    out.appendString("fmt ").appendIntLE(16).appendShortLE((short) FORMAT_PCM)
        .appendShortLE((short) format.channels()).appendIntLE(format.rate()).appendIntLE(format.bytesPerSecond())
        .appendShortLE((short) (format.width() * format.channels())).appendShortLE((short) (format.width() * 8));
    out.appendString("data").appendIntLE(pcm.length()).appendBuffer(pcm);
    return out;
  }

  /** Writes speech audio as a WAV file. */
  public static Buffer write(SpeechAudio audio) {
    return write(audio.format(), audio.pcm());
  }

  private static AudioFormat readFormat(Buffer wav, int body, long size) {
    if (size < 16 || body + 16 > wav.length()) {
      throw new BridgeException("WAV fmt chunk is truncated");
    }
    int code = wav.getUnsignedShortLE(body);
    int channels = wav.getUnsignedShortLE(body + 2);
    int rate = wav.getIntLE(body + 4);
    int bits = wav.getUnsignedShortLE(body + 14);
    if (code == FORMAT_EXTENSIBLE && size >= 26 && body + 26 <= wav.length()) {
      code = wav.getUnsignedShortLE(body + 24);
    }
    if (code != FORMAT_PCM) {
      throw new BridgeException("WAV encoding " + code + " is not integer PCM");
    }
    if (bits % 8 != 0 || bits < 8 || bits > 8 * AudioFormat.MAX_WIDTH || channels < 1
        || channels > AudioFormat.MAX_CHANNELS || rate < AudioFormat.MIN_RATE || rate > AudioFormat.MAX_RATE) {
      throw new BridgeException("unsupported WAV format: " + rate + " Hz, " + bits + " bits, " + channels
          + " channels");
    }
    return new AudioFormat(rate, bits / 8, channels);
  }

  private static String tag(Buffer wav, int offset) {
    return new String(wav.getBytes(offset, offset + 4), StandardCharsets.US_ASCII);
  }
}
