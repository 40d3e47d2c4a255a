package io.harpou.bridge.vertx.voice;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.api.agent.Channel;
import io.harpou.bridge.api.agent.Reply;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.vertx.speech.EspeakTtsService;
import io.harpou.wyoming.WyomingEvent;
import io.harpou.wyoming.info.Info;
import io.harpou.wyoming.message.Asr;
import io.harpou.wyoming.message.Audio;
import io.harpou.wyoming.message.Control;
import io.harpou.wyoming.message.Intents;
import io.harpou.wyoming.message.Tts;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Home Assistant's STT, TTS, streaming TTS and conversation flows, replayed as its Wyoming client sends them. */
class WyomingServiceTest {

  private final Vertx vertx = Vertx.vertx();
  private final FakeStt stt = new FakeStt("turn on the kitchen light");
  private final RecordingAgent agent = new RecordingAgent("The kitchen light is on.");
  private EspeakTtsService tts;
  private WyomingServiceVerticle verticle;

  private int start(boolean withStt, boolean withTts, boolean withAgent) {
    tts = Speech.espeak(vertx);
    verticle = new WyomingServiceVerticle(new VoiceOptions().setHost("127.0.0.1").setPort(0),
        VoiceBackends.of(withStt ? stt : null, withTts ? tts : null, withAgent ? agent : null));
    vertx.deployVerticle(verticle).await();
    return verticle.actualPort();
  }

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  @Test
  void should_describe_stt_tts_and_agent_in_the_shape_home_assistant_parses() throws Exception {
    int port = start(true, true, true);
    try (Peer ha = new Peer(vertx, port)) {
      long sent = System.nanoTime();
      ha.send(new Control.Describe());
      WyomingEvent event = ha.next();
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent)).isLessThan(1000);
      assertThat(event.type()).isEqualTo("info");
      JsonObject data = event.data();
      for (String list : List.of("asr", "tts", "handle", "intent", "wake", "mic", "snd")) {
        assertThat(data.getJsonArray(list)).as(list).isNotNull();
      }
      JsonObject asr = data.getJsonArray("asr").getJsonObject(0);
      assertThat(asr.getBoolean("installed")).isTrue();
      assertThat(asr.getJsonObject("attribution").fieldNames()).contains("name", "url");
      assertThat(asr.getJsonArray("models").getJsonObject(0).getJsonArray("languages")).contains("en", "fr");
      JsonObject ttsProgram = data.getJsonArray("tts").getJsonObject(0);
      assertThat(ttsProgram.getBoolean("supports_synthesize_streaming")).isTrue();
      assertThat(ttsProgram.getJsonArray("voices")).isNotEmpty();
      assertThat(ttsProgram.getJsonArray("voices").getJsonObject(0).getJsonArray("languages")).isNotNull();
      JsonObject handle = data.getJsonArray("handle").getJsonObject(0);
      assertThat(handle.getBoolean("supports_home_control")).isTrue();
      assertThat(handle.getJsonArray("models").getJsonObject(0).getJsonArray("languages")).contains("en");
      Info info = Info.fromEvent(event);
      assertThat(info.satellite()).isNull();
    }
  }

  @Test
  void should_advertise_nothing_it_cannot_do() throws Exception {
    int port = start(false, false, true);
    try (Peer ha = new Peer(vertx, port)) {
      Info info = Info.fromEvent(ha.send(new Control.Describe()).next());
      assertThat(info.asr()).isEmpty();
      assertThat(info.tts()).isEmpty();
      assertThat(info.handle()).hasSize(1);
    }
  }

  @Test
  void should_transcribe_home_assistant_stt_stream() throws Exception {
    int port = start(true, true, true);
    Buffer second = Buffer.buffer(new byte[32000]);
    try (Peer ha = new Peer(vertx, port)) {
      ha.send(new Asr.Transcribe(null, "en", null, null), new Audio.AudioStart(16000, 2, 1, null),
          new Audio.AudioChunk(16000, 2, 1, null, second.getBuffer(0, 16000)),
          new Audio.AudioChunk(16000, 2, 1, null, second.getBuffer(16000, 32000)), new Audio.AudioStop(null));
      Asr.Transcript transcript = Asr.Transcript.fromEvent(ha.until("transcript").get(0));
      assertThat(transcript.text()).isEqualTo("turn on the kitchen light");
      assertThat(stt.heard.get(0).length()).isEqualTo(32000);
    }
  }

  @Test
  void should_accept_audio_without_audio_start_and_resample_to_the_engine_format() throws Exception {
    int port = start(true, true, true);
    try (Peer ha = new Peer(vertx, port)) {
      // One second of 22050 Hz stereo, no transcribe and no audio-start.
      ha.send(new Audio.AudioChunk(22050, 2, 2, null, Buffer.buffer(new byte[22050 * 4])),
          new Audio.AudioStop(null));
      assertThat(ha.next().type()).isEqualTo("transcript");
      assertThat(stt.heard.get(0).length()).isEqualTo(32000);
    }
  }

  @Test
  void should_answer_an_error_event_when_no_stt_engine_is_configured() throws Exception {
    int port = start(false, true, true);
    try (Peer ha = new Peer(vertx, port)) {
      ha.send(new Asr.Transcribe(null, "en", null, null),
          new Audio.AudioChunk(16000, 2, 1, null, Buffer.buffer(new byte[3200])), new Audio.AudioStop(null));
      WyomingEvent error = ha.next();
      assertThat(error.type()).isEqualTo("error");
      assertThat(error.data().getString("code")).isEqualTo("stt-provider-missing");
    }
  }

  @Test
  void should_answer_an_error_event_when_the_stt_engine_fails() throws Exception {
    stt.failing = true;
    int port = start(true, true, true);
    try (Peer ha = new Peer(vertx, port)) {
      ha.send(new Asr.Transcribe(null, "en", null, null),
          new Audio.AudioChunk(16000, 2, 1, null, Buffer.buffer(new byte[3200])), new Audio.AudioStop(null));
      WyomingEvent error = ha.next();
      assertThat(error.data().getString("code")).isEqualTo("stt-stream-failed");
      assertThat(error.data().getString("text")).contains("model crashed");
    }
  }

  @Test
  void should_synthesize_all_sentences_in_exactly_one_audio_stream() throws Exception {
    int port = start(true, true, true);
    try (Peer ha = new Peer(vertx, port)) {
      ha.send(new Tts.Synthesize("The kitchen light is on. It is 21 degrees.", new Tts.SynthesizeVoice(null, null,
          "en"), null, null));
      List<WyomingEvent> events = ha.until("audio-stop");
      assertThat(events.get(0).type()).isEqualTo("audio-start");
      assertThat(events.stream().filter(e -> e.type().equals("audio-start")).count()).isEqualTo(1);
      List<WyomingEvent> chunks = events.stream().filter(e -> e.type().equals("audio-chunk")).toList();
      assertThat(chunks).allSatisfy(c -> assertThat(c.data().getInteger("rate")).isEqualTo(22050));
      long bytes = chunks.stream().mapToLong(c -> c.payload().length()).sum();
      // Two short sentences: between one and eight seconds of 16-bit mono speech.
      assertThat(bytes).isBetween(22050L * 2, 22050L * 2 * 8);
      // Nothing follows the single audio-stop.
      ha.send(new Control.Ping("after"));
      assertThat(ha.next().type()).isEqualTo("pong");
    }
  }

  @Test
  void should_stream_speech_sentence_by_sentence_and_end_with_synthesize_stopped() throws Exception {
    int port = start(true, true, true);
    try (Peer ha = new Peer(vertx, port)) {
      ha.send(new Tts.SynthesizeStart(null, null, null), new Tts.SynthesizeChunk("The kitchen li"),
          new Tts.SynthesizeChunk("ght is on. It is 21"), new Tts.SynthesizeChunk(" degrees"),
          new Tts.Synthesize("The kitchen light is on. It is 21 degrees", null, null, null),
          new Tts.SynthesizeStop());
      List<WyomingEvent> events = ha.until("synthesize-stopped");
      assertThat(events.stream().filter(e -> e.type().equals("audio-start")).count()).isEqualTo(2);
      assertThat(events.stream().filter(e -> e.type().equals("audio-stop")).count()).isEqualTo(2);
      assertThat(events.stream().filter(e -> e.type().startsWith("audio-")).map(e -> e.data().getInteger("rate"))
          .filter(r -> r != null).distinct()).containsExactly(22050);
      assertThat(events.get(events.size() - 1).type()).isEqualTo("synthesize-stopped");
    }
  }

  @Test
  void should_handle_home_assistant_conversation_turn_echo_the_conversation_id_and_name_the_peer() throws Exception {
    int port = start(true, true, true);
    try (Peer ha = new Peer(vertx, port)) {
      JsonObject context = new JsonObject().put("conversation_id", "01JCONV").put("satellite_id",
          "assist_satellite.kitchen");
      ha.send(new Asr.Transcript("turn on the kitchen light", "en", context));
      WyomingEvent handled = ha.next();
      assertThat(handled.type()).isEqualTo("handled");
      assertThat(handled.data().getString("text")).isEqualTo("The kitchen light is on.");
      assertThat(handled.data().getJsonObject("context").getString("conversation_id")).isEqualTo("01JCONV");
      Utterance asked = agent.asked.get(0);
      assertThat(asked.channel()).isEqualTo(Channel.WYOMING);
      assertThat(asked.conversationId()).isEqualTo("01JCONV");
      assertThat(asked.satellite()).isEqualTo("assist_satellite.kitchen");
      assertThat(asked.peer()).isEqualTo("127.0.0.1");
    }
  }

  @Test
  void should_answer_recognize_and_report_failures_as_not_handled() throws Exception {
    agent.script = u -> Reply.error("Sorry, I can't do that.", u.conversationId());
    int port = start(true, true, true);
    try (Peer ha = new Peer(vertx, port)) {
      ha.send(new Intents.Recognize("open the pod bay doors", null));
      WyomingEvent reply = ha.next();
      assertThat(reply.type()).isEqualTo("not-handled");
      assertThat(reply.data().getString("text")).isEqualTo("Sorry, I can't do that.");
    }
  }

  @Test
  void should_answer_an_error_event_without_agent_and_keep_the_connection_after_bad_input() throws Exception {
    int port = start(true, true, false);
    try (Peer ha = new Peer(vertx, port)) {
      ha.send(new Asr.Transcript("hello", "en", null));
      assertThat(ha.next().data().getString("code")).isEqualTo("intent-not-supported");
      // A transcript without text breaks the protocol's required field: an error, and the connection lives on.
      ha.send(WyomingEvent.of("transcript", new JsonObject().put("language", "en")));
      WyomingEvent error = ha.next();
      assertThat(error.type()).isEqualTo("error");
      assertThat(error.data().getString("code")).isEqualTo("bad-request");
      ha.send(new Control.Ping("still there"));
      assertThat(ha.next().data().getString("text")).isEqualTo("still there");
    }
  }

  @Test
  void should_answer_an_error_event_for_a_forged_conversation_or_satellite_id_and_keep_the_connection()
      throws Exception {
    int port = start(true, true, true);
    try (Peer ha = new Peer(vertx, port)) {
      for (JsonObject context : List.of(new JsonObject().put("conversation_id", "01J\nINFO unlocked by admin"),
          new JsonObject().put("conversation_id", "a\u0000b"), new JsonObject().put("conversation_id", 42),
          new JsonObject().put("conversation_id", "x".repeat(129)),
          new JsonObject().put("satellite_id", "kitchen\u202Eroodtnorf"))) {
        ha.send(new Asr.Transcript("unlock the front door", "en", context));
        WyomingEvent error = ha.next();
        assertThat(error.type()).as(context.encode()).isEqualTo("error");
        assertThat(error.data().getString("code")).isEqualTo("bad-request");
        assertThat(error.data().getString("text")).containsAnyOf("conversation_id", "satellite_id");
      }
      assertThat(agent.asked).isEmpty();
      ha.send(new Asr.Transcript("turn on the kitchen light", "en", new JsonObject().put("conversation_id", "01J")));
      assertThat(ha.next().type()).isEqualTo("handled");
      assertThat(agent.asked).singleElement().satisfies(u -> assertThat(u.conversationId()).isEqualTo("01J"));
    }
  }
}
