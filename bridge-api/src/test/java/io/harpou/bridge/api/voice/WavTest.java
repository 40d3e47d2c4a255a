package io.harpou.bridge.api.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harpou.bridge.api.BridgeException;
import io.vertx.core.buffer.Buffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class WavTest {

  @Test
  void should_read_back_what_it_wrote() {
    Buffer pcm = Pcm.toBuffer(new short[] {1, -2, 3, -4, 5, -6});
    Buffer wav = Wav.write(AudioFormat.SPEECH, pcm);
    assertThat(wav.length()).isEqualTo(44 + 12);
    SpeechAudio back = Wav.read(wav);
    assertThat(back.format()).isEqualTo(AudioFormat.SPEECH);
    assertThat(back.pcm()).isEqualTo(pcm);
  }

  @Test
  void should_read_jfk_as_eleven_seconds_of_microphone_audio() throws Exception {
    SpeechAudio jfk = Wav.read(Buffer.buffer(Files.readAllBytes(Path.of(System.getProperty("harpou.shared.dir", "../../shared"), "data", "jfk.wav"))));
    assertThat(jfk.format()).isEqualTo(AudioFormat.MICROPHONE);
    assertThat(jfk.durationMillis()).isBetween(10_900L, 11_100L);
  }

  @Test
  void should_read_to_the_end_when_the_header_holds_placeholder_sizes() {
    Buffer wav = Wav.write(AudioFormat.SPEECH, Pcm.toBuffer(new short[] {7, 8, 9}));
    // What espeak-ng --stdout writes, since it cannot know the sizes in advance.
    wav.setIntLE(4, 0x7ffff024).setIntLE(40, 0x7ffff000);
    assertThat(Pcm.samples(Wav.read(wav).pcm())).containsExactly((short) 7, (short) 8, (short) 9);
  }

  @Test
  void should_skip_unknown_chunks_and_drop_a_trailing_half_sample() {
    Buffer wav = Buffer.buffer().appendString("RIFF").appendIntLE(0).appendString("WAVE")
        .appendString("LIST").appendIntLE(3).appendBytes(new byte[] {1, 2, 3, 0});
    Buffer canonical = Wav.write(AudioFormat.MICROPHONE, Pcm.toBuffer(new short[] {42}));
    wav.appendBuffer(canonical.getBuffer(12, canonical.length())).appendByte((byte) 9);
    assertThat(Pcm.samples(Wav.read(wav).pcm())).containsExactly((short) 42);
  }

  @Test
  void should_refuse_what_is_not_a_pcm_wav() {
    assertThatThrownBy(() -> Wav.read(Buffer.buffer("hello world, not audio"))).isInstanceOf(BridgeException.class)
        .hasMessageContaining("not a WAV file");
    Buffer floatWav = Wav.write(AudioFormat.MICROPHONE, Buffer.buffer(new byte[4]));
    floatWav.setShortLE(20, (short) 3);
    assertThatThrownBy(() -> Wav.read(floatWav)).isInstanceOf(BridgeException.class)
        .hasMessageContaining("not integer PCM");
    Buffer rateOne = Wav.write(AudioFormat.MICROPHONE, Buffer.buffer(new byte[4]));
    rateOne.setIntLE(24, 1);
    assertThatThrownBy(() -> Wav.read(rateOne)).isInstanceOf(BridgeException.class)
        .hasMessageContaining("unsupported WAV format: 1 Hz");
    Buffer noData = Wav.write(AudioFormat.MICROPHONE, Buffer.buffer()).getBuffer(0, 36);
    assertThatThrownBy(() -> Wav.read(noData)).isInstanceOf(BridgeException.class)
        .hasMessageContaining("no data chunk");
  }
}
