package io.harpou.wyoming;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.wyoming.message.Audio.AudioChunk;
import io.harpou.wyoming.message.Audio.AudioStart;
import io.harpou.wyoming.message.Audio.AudioStop;
import io.harpou.wyoming.message.Asr.Transcript;
import io.harpou.wyoming.message.Control.Describe;
import io.harpou.wyoming.message.Control.Ping;
import io.harpou.wyoming.message.PipelineStage;
import io.harpou.wyoming.message.Pipeline.RunPipeline;
import io.harpou.wyoming.message.Tts.Synthesize;
import io.harpou.wyoming.message.Tts.SynthesizeStop;
import io.harpou.wyoming.message.Tts.SynthesizeVoice;
import io.harpou.wyoming.message.WyomingMessages;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The frames the reference Python writer (library 1.9.0) produces, compared byte for byte. */
class GoldenVectorsTest {

  private static byte[] bytes(String ascii, byte... tail) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(ascii.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(tail);
    return out.toByteArray();
  }

  static Stream<Arguments> vectors() {
    return Stream.of(
        Arguments.of("describe", new Describe(), bytes("{\"type\": \"describe\", \"version\": \"1.9.0\"}\n")),
        Arguments.of("ping(hi)", new Ping("hi"),
            bytes("{\"type\": \"ping\", \"version\": \"1.9.0\", \"data_length\": 14}\n{\"text\": \"hi\"}")),
        Arguments.of("ping()", new Ping(null),
            bytes("{\"type\": \"ping\", \"version\": \"1.9.0\", \"data_length\": 14}\n{\"text\": null}")),
        Arguments.of("synthesize-stop", new SynthesizeStop(),
            bytes("{\"type\": \"synthesize-stop\", \"version\": \"1.9.0\"}\n")),
        Arguments.of("audio-start", new AudioStart(16000, 2, 1, null),
            bytes("{\"type\": \"audio-start\", \"version\": \"1.9.0\", \"data_length\": 61}\n"
                + "{\"rate\": 16000, \"width\": 2, \"channels\": 1, \"timestamp\": null}")),
        Arguments.of("audio-chunk",
            new AudioChunk(16000, 2, 1, 0L, Buffer.buffer(new byte[] {0x01, 0x00, (byte) 0xff, 0x7f})),
            bytes("{\"type\": \"audio-chunk\", \"version\": \"1.9.0\", \"data_length\": 58, \"payload_length\": 4}\n"
                + "{\"rate\": 16000, \"width\": 2, \"channels\": 1, \"timestamp\": 0}", (byte) 0x01, (byte) 0x00,
                (byte) 0xff, (byte) 0x7f)),
        Arguments.of("audio-stop", new AudioStop(null),
            bytes("{\"type\": \"audio-stop\", \"version\": \"1.9.0\", \"data_length\": 19}\n{\"timestamp\": null}")),
        Arguments.of("transcript(de)", new Transcript("Grüße", "de", null),
            bytes("{\"type\": \"transcript\", \"version\": \"1.9.0\", \"data_length\": 37}\n"
                + "{\"text\": \"Grüße\", \"language\": \"de\"}")),
        Arguments.of("synthesize", new Synthesize("Hi", new SynthesizeVoice("tone", "a", null), null, null),
            bytes("{\"type\": \"synthesize\", \"version\": \"1.9.0\", \"data_length\": 57}\n"
                + "{\"text\": \"Hi\", \"voice\": {\"name\": \"tone\", \"speaker\": \"a\"}}")),
        Arguments.of("run-pipeline", new RunPipeline(PipelineStage.ASR, PipelineStage.TTS, false),
            bytes("{\"type\": \"run-pipeline\", \"version\": \"1.9.0\", \"data_length\": 67}\n"
                + "{\"start_stage\": \"asr\", \"end_stage\": \"tts\", \"restart_on_end\": false}")),
        Arguments.of("test_event.py",
            new WyomingEvent("test-event", new JsonObject().put("test", "data"), Buffer.buffer("test\npayload")),
            bytes("{\"type\": \"test-event\", \"version\": \"1.9.0\", \"data_length\": 16, \"payload_length\": 12}\n"
                + "{\"test\": \"data\"}test\npayload")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void should_encode_exactly_like_the_reference_writer(String name, WyomingMessage message, byte[] expected) {
    assertThat(WyomingCodec.encode(message).getBytes()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void should_decode_the_reference_frame_back_to_the_same_message(String name, WyomingMessage message,
      byte[] frame) {
    List<WyomingEvent> events = decodeAll(frame);

    assertThat(events).hasSize(1);
    WyomingEvent event = events.get(0);
    assertThat(WyomingMessages.read(event)).isEqualTo(message);
  }

  @Test
  void should_count_data_length_in_utf8_bytes_not_characters() {
    Buffer frame = WyomingCodec.encode(new Transcript("Grüße", "de", null));
    String header = frame.getString(0, frame.toString(StandardCharsets.ISO_8859_1).indexOf('\n'));

    assertThat(header).contains("\"data_length\": 37");
    assertThat("{\"text\": \"Grüße\", \"language\": \"de\"}").hasSize(35);
  }

  @Test
  void should_merge_inline_data_under_the_data_block_as_test_event_py_does() {
    byte[] frame = bytes("{\"type\": \"test-event\", \"version\": \"1.9.0\", \"data\": {\"test\": \"this will be "
        + "overwritten\", \"test2\": \"this will not\"}, \"data_length\": 16, \"payload_length\": 12}\n"
        + "{\"test\": \"data\"}test\npayload");

    WyomingEvent event = decodeAll(frame).get(0);

    assertThat(event.data()).isEqualTo(new JsonObject().put("test", "data").put("test2", "this will not"));
    assertThat(event.payload().toString()).isEqualTo("test\npayload");
  }

  @Test
  void should_read_a_header_only_event_as_empty_data_and_no_payload() {
    WyomingEvent event = decodeAll(bytes("{\"type\": \"test-event\", \"version\": \"1.9.0\"}\n")).get(0);

    assertThat(event).isEqualTo(new WyomingEvent("test-event", new JsonObject(), null));
  }

  static List<WyomingEvent> decodeAll(byte[] frame) {
    List<WyomingEvent> events = new ArrayList<>();
    WyomingDecoder decoder = WyomingDecoder.create(WyomingLimits.DEFAULT, events::add);
    decoder.feed(Buffer.buffer(frame));
    decoder.end();
    return events;
  }
}
