package io.harpou.wyoming;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Fuzzes the decoder with arbitrary bytes split at arbitrary points. In a normal {@code mvn test} it replays the
 * committed seeds under {@code WyomingDecoderFuzzTestInputs}; with {@code JAZZER_FUZZ=1} it explores.
 */
class WyomingDecoderFuzzTest {

  private static final WyomingLimits LIMITS = new WyomingLimits(1024, 4096, 4096);

  private record Outcome(List<WyomingEvent> events, boolean failed) {
  }

  /** The first input byte picks the read size, the rest is the stream. */
  @FuzzTest(maxDuration = "30s")
  void decoder_survives_any_bytes_split_anywhere(byte[] input) {
    if (input.length == 0) {
      return;
    }
    int step = (input[0] & 0xFF) + 1;
    Buffer stream = Buffer.buffer(input).getBuffer(1, input.length);

    Outcome whole = decode(stream, Math.max(1, stream.length()));
    Outcome split = decode(stream, step);

    assertThat(split).isEqualTo(whole);
    for (WyomingEvent event : whole.events()) {
      assertReEncodesStably(event);
    }
  }

  private static void assertReEncodesStably(WyomingEvent event) {
    Buffer once;
    try {
      once = WyomingCodec.encode(event);
    } catch (WyomingException e) {
      return;
    }
    Outcome again = decode(once, once.length());
    assertThat(again.failed()).isFalse();
    assertThat(again.events()).hasSize(1);
    WyomingEvent reread = again.events().get(0);
    assertThat(reread.type()).isEqualTo(event.type());
    assertThat(reread.payload()).isEqualTo(event.payload());
    assertThat(WyomingCodec.encode(reread)).isEqualTo(once);
  }

  private static Outcome decode(Buffer stream, int step) {
    List<WyomingEvent> events = new ArrayList<>();
    WyomingDecoder decoder = WyomingDecoder.create(LIMITS, events::add);
    try {
      for (int i = 0; i < stream.length(); i += step) {
        decoder.feed(stream.getBuffer(i, Math.min(stream.length(), i + step)));
      }
      decoder.end();
      return new Outcome(events, false);
    } catch (WyomingException e) {
      return new Outcome(events, true);
    }
  }
}
