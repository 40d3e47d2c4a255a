package io.harpou.wyoming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harpou.wyoming.message.Audio.AudioChunk;
import io.harpou.wyoming.message.Control.Ping;
import io.harpou.wyoming.message.Asr.Transcript;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WyomingDecoderTest {

  private final List<WyomingEvent> events = new ArrayList<>();
  private final WyomingLimits small = new WyomingLimits(256, 1024, 4096);
  private WyomingDecoder decoder = WyomingDecoder.create(small, events::add);

  private static Buffer stream() {
    Buffer audio = Buffer.buffer();
    for (int i = 0; i < 300; i++) {
      audio.appendByte((byte) (i * 7));
    }
    audio.setByte(10, (byte) '\n');
    return Buffer.buffer()
        .appendBuffer(WyomingCodec.encode(new Ping("a")))
        .appendBuffer(WyomingCodec.encode(new AudioChunk(16000, 2, 1, 20L, audio)))
        .appendBuffer(WyomingCodec.encode(WyomingEvent.of("run-satellite")))
        .appendBuffer(WyomingCodec.encode(new Transcript("ça marche", "fr", null)));
  }

  @Test
  void should_decode_a_stream_fed_one_byte_at_a_time() {
    Buffer all = stream();
    for (int i = 0; i < all.length(); i++) {
      decoder.feed(all.getBuffer(i, i + 1));
    }
    decoder.end();

    assertThat(events).extracting(WyomingEvent::type)
        .containsExactly("ping", "audio-chunk", "run-satellite", "transcript");
    assertThat(events.get(1).payload().length()).isEqualTo(300);
    assertThat(events.get(1).payload().getByte(10)).isEqualTo((byte) '\n');
    assertThat(events.get(3).data().getString("text")).isEqualTo("ça marche");
  }

  @Test
  void should_decode_coalesced_frames_delivered_in_one_read() {
    decoder.feed(stream());

    assertThat(events).hasSize(4);
    assertThat(decoder.isMidFrame()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 3, 7, 50, 61, 128, 333})
  void should_decode_any_split_of_the_same_stream(int step) {
    Buffer all = stream();
    for (int i = 0; i < all.length(); i += step) {
      decoder.feed(all.getBuffer(i, Math.min(all.length(), i + step)));
    }

    assertThat(events).extracting(WyomingEvent::type)
        .containsExactly("ping", "audio-chunk", "run-satellite", "transcript");
    assertThat(events.get(1)).isEqualTo(decodeWhole(all).get(1));
  }

  @Test
  void should_decode_many_audio_frames_fed_in_random_read_sizes() {
    decoder = WyomingDecoder.create(WyomingLimits.DEFAULT, events::add);
    Buffer all = Buffer.buffer();
    for (int i = 0; i < 500; i++) {
      all.appendBuffer(WyomingCodec.encode(new AudioChunk(16000, 2, 1, (long) i, Buffer.buffer(new byte[2048])
          .setInt(0, i))));
    }
    java.util.Random random = new java.util.Random(3);
    for (int i = 0; i < all.length(); ) {
      int n = 1 + random.nextInt(9000);
      decoder.feed(all.getBuffer(i, Math.min(all.length(), i + n)));
      i += n;
    }

    assertThat(events).hasSize(500);
    for (int i = 0; i < 500; i++) {
      assertThat(AudioChunk.fromEvent(events.get(i)).audio().getInt(0)).isEqualTo(i);
      assertThat(events.get(i).payload().length()).isEqualTo(2048);
    }
    assertThat(decoder.isMidFrame()).isFalse();
  }

  @Test
  void should_accept_a_header_ending_in_crlf() {
    decoder.feed(Buffer.buffer("{\"type\": \"ping\"}\r\n{\"type\": \"describe\"}\n"));

    assertThat(events).extracting(WyomingEvent::type).containsExactly("ping", "describe");
  }

  @Test
  void should_keep_unknown_types_and_keys_untouched() {
    decoder.feed(Buffer.buffer("{\"type\": \"x-custom\", \"data_length\": 22}\n{\"z\": [1, 2], \"a\": {}}"));

    assertThat(events.get(0)).isEqualTo(
        WyomingEvent.of("x-custom", new JsonObject().put("z", List.of(1, 2)).put("a", new JsonObject())));
  }

  @Test
  void should_treat_zero_lengths_as_absent() {
    decoder.feed(Buffer.buffer("{\"type\": \"ping\", \"data_length\": 0, \"payload_length\": 0}\n"));

    assertThat(events.get(0)).isEqualTo(WyomingEvent.of("ping"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "not json\n",
      "\n",
      "[1, 2]\n",
      "{\"version\": \"1.9.0\"}\n",
      "{\"type\": 5}\n",
      "{\"type\": \"\"}\n",
      "{\"type\": \"ping\", \"data_length\": -1}\n",
      "{\"type\": \"ping\", \"data_length\": \"12\"}\n",
      "{\"type\": \"ping\", \"data_length\": 1.5}\n",
      "{\"type\": \"ping\", \"payload_length\": -7}\n",
      "{\"type\": \"ping\", \"data_length\": 99999999999999999999999}\n",
      "{\"type\": \"ping\", \"data_length\": 4}\n[12]",
      "{\"type\": \"ping\", \"data_length\": 4}\nnope",
      "{\"type\": \"ping\"} trailing\n"})
  void should_reject_a_malformed_frame_with_a_clear_error(String frame) {
    assertThatThrownBy(() -> decoder.feed(Buffer.buffer(frame)))
        .isInstanceOf(WyomingException.class)
        .message().isNotBlank();
    assertThat(events).isEmpty();
  }

  @Test
  void should_refuse_further_input_after_a_protocol_error() {
    assertThatThrownBy(() -> decoder.feed(Buffer.buffer("garbage\n"))).isInstanceOf(WyomingException.class);

    assertThatThrownBy(() -> decoder.feed(WyomingCodec.encode(new Ping("x"))))
        .isInstanceOf(WyomingException.class);
    assertThat(events).isEmpty();
  }

  @Test
  void should_refuse_an_oversized_payload_as_soon_as_the_header_announces_it() {
    assertThatThrownBy(() -> decoder.feed(Buffer.buffer("{\"type\": \"audio-chunk\", \"payload_length\": 4097}\n")))
        .isInstanceOf(WyomingException.class)
        .hasMessageContaining("payload_length")
        .hasMessageContaining("4096");
  }

  @Test
  void should_refuse_an_oversized_data_block_as_soon_as_the_header_announces_it() {
    assertThatThrownBy(() -> decoder.feed(Buffer.buffer("{\"type\": \"info\", \"data_length\": 1025}\n")))
        .isInstanceOf(WyomingException.class)
        .hasMessageContaining("data_length");
  }

  @Test
  void should_refuse_a_header_line_longer_than_the_limit_before_its_newline_arrives() {
    Buffer longLine = Buffer.buffer("{\"type\": \"ping\", \"pad\": \"");
    for (int i = 0; i < 300; i++) {
      longLine.appendString("x");
    }
    assertThatThrownBy(() -> decoder.feed(longLine))
        .isInstanceOf(WyomingException.class)
        .hasMessageContaining("header line longer than 256");
  }

  @Test
  void should_accept_a_header_line_exactly_at_the_limit() {
    StringBuilder line = new StringBuilder("{\"type\": \"ping\", \"pad\": \"");
    while (line.length() < 254) {
      line.append('x');
    }
    line.append("\"}");
    assertThat(line).hasSize(256);

    decoder.feed(Buffer.buffer(line + "\r\n"));

    assertThat(events).hasSize(1);
  }

  @Test
  void should_report_a_stream_that_ends_inside_a_frame() {
    Buffer frame = WyomingCodec.encode(new Ping("hello"));
    decoder.feed(frame.getBuffer(0, frame.length() - 3));

    assertThat(decoder.isMidFrame()).isTrue();
    assertThatThrownBy(decoder::end).isInstanceOf(WyomingException.class).hasMessageContaining("middle of a frame");
  }

  @Test
  void should_end_cleanly_between_frames() {
    decoder.feed(WyomingCodec.encode(new Ping("hello")));

    decoder.end();

    assertThat(events).hasSize(1);
  }

  @Test
  void should_keep_framing_after_a_handler_throws() {
    List<String> seen = new ArrayList<>();
    decoder = WyomingDecoder.create(small, e -> {
      seen.add(e.type());
      if (seen.size() == 1) {
        throw new IllegalStateException("handler bug");
      }
    });
    Buffer two = WyomingCodec.encode(new Ping("1")).appendBuffer(WyomingCodec.encode(new Ping("2")));

    assertThatThrownBy(() -> decoder.feed(two)).isInstanceOf(IllegalStateException.class);
    decoder.feed(WyomingCodec.encode(WyomingEvent.of("describe")));

    assertThat(seen).containsExactly("ping", "ping", "describe");
  }

  private List<WyomingEvent> decodeWhole(Buffer all) {
    List<WyomingEvent> out = new ArrayList<>();
    WyomingDecoder.create(small, out::add).feed(all);
    return out;
  }
}
