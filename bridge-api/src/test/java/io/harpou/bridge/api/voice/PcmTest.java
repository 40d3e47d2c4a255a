package io.harpou.bridge.api.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.harpou.bridge.api.BridgeException;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

class PcmTest {

  private static Buffer sine(double frequency, int rate, double seconds, double amplitude) {
    short[] samples = new short[(int) (rate * seconds)];
    for (int i = 0; i < samples.length; i++) {
      samples[i] = (short) Math.round(amplitude * 32767 * Math.sin(2 * Math.PI * frequency * i / rate));
    }
    return Pcm.toBuffer(samples);
  }

  private static int zeroCrossings(Buffer pcm) {
    short[] s = Pcm.samples(pcm);
    int count = 0;
    for (int i = 1; i < s.length; i++) {
      if ((s[i - 1] < 0) != (s[i] < 0)) {
        count++;
      }
    }
    return count;
  }

  @Test
  void should_keep_the_pitch_of_a_tone_when_resampling() {
    Buffer tone = sine(440, 22050, 1.0, 0.5);
    Buffer resampled = Pcm.resample(tone, 22050, 16000);
    assertThat(resampled.length() / 2).isEqualTo(16000);
    assertThat(zeroCrossings(resampled)).isBetween(876, 882);
    Buffer up = Pcm.resample(resampled, 16000, 48000);
    assertThat(up.length() / 2).isEqualTo(48000);
    assertThat(zeroCrossings(up)).isBetween(876, 882);
  }

  @Test
  void should_remove_tones_the_lower_rate_cannot_carry_instead_of_folding_them_back() {
    // 10 kHz fits under 22050 Hz's Nyquist frequency but not under 16000 Hz's; aliasing would leave a 6 kHz tone.
    Buffer high = sine(10_000, 22050, 0.5, 0.5);
    assertThat(Pcm.rms(Pcm.resample(high, 22050, 16000))).isLessThan(0.05);
  }

  @Test
  void should_measure_the_level_of_a_sine_as_amplitude_over_root_two() {
    assertThat(Pcm.rms(sine(300, 16000, 1, 0.5))).isCloseTo(0.5 / Math.sqrt(2), within(0.005));
    assertThat(Pcm.rms(Buffer.buffer(new byte[320]))).isZero();
    assertThat(Pcm.dbfs(sine(300, 16000, 1, 1.0))).isCloseTo(-3.0, within(0.1));
  }

  @Test
  void should_average_channels_when_downmixing() {
    Buffer stereo = Pcm.toBuffer(new short[] {1000, 3000, -2000, 0});
    assertThat(Pcm.samples(Pcm.downmix(stereo, 2))).containsExactly((short) 2000, (short) -1000);
  }

  @Test
  void should_turn_samples_into_floats_between_minus_one_and_one() {
    float[] floats = Pcm.toFloats(Pcm.toBuffer(new short[] {Short.MIN_VALUE, 0, 16384}));
    assertThat(floats).containsExactly(-1f, 0f, 0.5f);
  }

  @Test
  void should_refuse_an_odd_byte_count_and_bad_rates() {
    assertThatThrownBy(() -> Pcm.samples(Buffer.buffer(new byte[3]))).isInstanceOf(BridgeException.class)
        .hasMessageContaining("not a multiple of the frame size 2");
    assertThatThrownBy(() -> Pcm.downmix(Buffer.buffer(new byte[6]), 2)).isInstanceOf(BridgeException.class);
    assertThatThrownBy(() -> Pcm.resample(Buffer.buffer(new byte[4]), 0, 16000))
        .isInstanceOf(BridgeException.class);
    // Rate 1 would make 16,000 samples of each one: refused before anything is allocated.
    assertThatThrownBy(() -> Pcm.resample(Buffer.buffer(new byte[64 * 1024]), 1, 16000))
        .isInstanceOf(BridgeException.class).hasMessageContaining("sample rate 1 Hz");
    assertThatThrownBy(() -> Pcm.resample(Buffer.buffer(new byte[4]), 16000, 268_435_455))
        .isInstanceOf(BridgeException.class).hasMessageContaining("outside 8000 to 192000 Hz");
    assertThatThrownBy(() -> Pcm.convert(Buffer.buffer(new byte[4]), new AudioFormat(16000, 1, 1),
        AudioFormat.MICROPHONE)).isInstanceOf(BridgeException.class).hasMessageContaining("16-bit");
  }
}
