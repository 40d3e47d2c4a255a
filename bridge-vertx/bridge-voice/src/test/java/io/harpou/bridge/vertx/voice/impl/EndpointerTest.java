package io.harpou.bridge.vertx.voice.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.api.voice.AudioFormat;
import io.harpou.bridge.vertx.voice.impl.Endpointer.Verdict;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

/** The fallback endpointer and the PCM helpers it relies on. */
class EndpointerTest {

  private static final double LOUD = 0.1 * 0.1;

  @Test
  void should_end_speech_after_the_configured_silence() {
    Endpointer endpointer = new Endpointer(0.02, 700, 6000, 15000);
    assertThat(endpointer.feed(64, 0)).isEqualTo(Verdict.WAITING);
    assertThat(endpointer.feed(64, LOUD)).isEqualTo(Verdict.WAITING);
    assertThat(endpointer.feed(64, LOUD)).isEqualTo(Verdict.SPEECH_STARTED);
    for (int i = 0; i < 10; i++) {
      assertThat(endpointer.feed(64, 0)).isEqualTo(Verdict.SPEAKING);
    }
    assertThat(endpointer.feed(64, 0)).isEqualTo(Verdict.SPEECH_ENDED);
  }

  @Test
  void should_ignore_a_click_give_up_without_speech_and_cut_endless_speech() {
    Endpointer quiet = new Endpointer(0.02, 700, 1000, 15000);
    assertThat(quiet.feed(64, LOUD)).isEqualTo(Verdict.WAITING);
    Verdict last = Verdict.WAITING;
    for (int i = 0; i < 15; i++) {
      last = quiet.feed(64, 0);
    }
    assertThat(last).isEqualTo(Verdict.NO_SPEECH);

    Endpointer talker = new Endpointer(0.02, 700, 6000, 2000);
    last = Verdict.WAITING;
    for (int i = 0; i < 32 && last != Verdict.TOO_LONG; i++) {
      last = talker.feed(64, LOUD);
    }
    assertThat(last).isEqualTo(Verdict.TOO_LONG);
  }

  @Test
  void should_resample_and_downmix_keeping_the_duration() {
    Buffer stereo = Buffer.buffer();
    for (int i = 0; i < 22050; i++) {
      stereo.appendShortLE((short) 1000).appendShortLE((short) 3000);
    }
    Buffer mono = PcmAudio.convert(stereo, new AudioFormat(22050, 2, 2), AudioFormat.MICROPHONE);
    assertThat(mono.length()).isEqualTo(32000);
    assertThat(mono.getShortLE(100)).isEqualTo((short) 2000);
    assertThat(PcmAudio.meanSquare(mono)).isCloseTo((2000 / 32768.0) * (2000 / 32768.0),
        org.assertj.core.data.Offset.offset(1e-9));
  }
}
