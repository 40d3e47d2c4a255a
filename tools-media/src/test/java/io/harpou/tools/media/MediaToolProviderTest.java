package io.harpou.tools.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.tool.Risk;
import io.harpou.bridge.api.tool.Tool;
import io.harpou.bridge.api.tool.ToolArgumentsException;
import io.harpou.bridge.api.tool.ToolCall;
import io.harpou.bridge.api.tool.ToolContext;
import io.harpou.bridge.api.tool.ToolProvider;
import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.bridge.api.voice.AudioFormat;
import io.harpou.bridge.api.voice.Wav;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaToolProviderTest {

  @TempDir
  Path dataDir;
  private Vertx vertx;
  private Tool audioInfo;
  private ToolContext context;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    ToolProvider provider = ServiceLoader.load(ToolProvider.class).stream().map(ServiceLoader.Provider::get)
        .filter(p -> p.id().equals("media")).findFirst().orElseThrow();
    audioInfo = provider.tools(new JsonObject()).get(0);
    context = ToolContext.builder(vertx, Utterance.of("how long is the doorbell recording")).dataDir(dataDir)
        .build();
  }

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  private ToolResult call(String path) {
    return audioInfo.call(ToolCall.of("audio_info", new JsonObject().put("path", path)), context).await();
  }

  @Test
  void should_be_found_by_the_service_loader_as_a_read_only_tool() {
    assertThat(audioInfo.name()).isEqualTo("audio_info");
    assertThat(audioInfo.spec().risk()).isEqualTo(Risk.READ);
  }

  @Test
  void should_describe_a_wav_file_of_the_data_folder() throws Exception {
    Files.createDirectories(dataDir.resolve("recordings"));
    Files.write(dataDir.resolve("recordings/jfk.wav"), Files.readAllBytes(SharedData.file("jfk.wav")));
    ToolResult result = call("recordings/jfk.wav");
    assertThat(result.error()).isFalse();
    assertThat(result.json().getInteger("sample_rate")).isEqualTo(16000);
    assertThat(result.json().getInteger("bits")).isEqualTo(16);
    assertThat(result.json().getInteger("channels")).isEqualTo(1);
    assertThat(result.json().getDouble("duration_seconds")).isBetween(10.9, 11.1);
    assertThat(result.json().getDouble("level_dbfs")).isBetween(-40.0, -6.0);
  }

  @Test
  void should_say_when_a_recording_is_silent() throws Exception {
    Files.write(dataDir.resolve("quiet.wav"),
        Wav.write(AudioFormat.SPEECH, Buffer.buffer(new byte[4410])).getBytes());
    ToolResult result = call("quiet.wav");
    assertThat(result.json().getBoolean("silent")).isTrue();
    assertThat(result.json().getDouble("duration_seconds")).isEqualTo(0.1);
  }

  @Test
  void should_refuse_paths_outside_the_data_folder() {
    ToolResult result = call("../../etc/passwd");
    assertThat(result.error()).isTrue();
    assertThat(result.text()).contains("inside the data folder");
  }

  @Test
  void should_refuse_a_link_that_leads_out_of_the_data_folder(@TempDir Path elsewhere) throws Exception {
    Path outside = elsewhere.resolve("private.wav");
    Files.write(outside, Files.readAllBytes(SharedData.file("jfk.wav")));
    Files.createSymbolicLink(dataDir.resolve("door.wav"), outside);
    Files.createSymbolicLink(dataDir.resolve("recordings"), elsewhere);
    Files.createSymbolicLink(dataDir.resolve("chain.wav"), dataDir.resolve("door.wav"));

    for (String path : new String[] {"door.wav", "recordings/private.wav", "chain.wav"}) {
      ToolResult result = call(path);
      assertThat(result.error()).as(path).isTrue();
      assertThat(result.text()).isEqualTo("the path must name a file inside the data folder: " + path);
    }
  }

  @Test
  void should_follow_a_link_that_stays_inside_the_data_folder() throws Exception {
    Files.createDirectories(dataDir.resolve("recordings"));
    Files.write(dataDir.resolve("recordings/jfk.wav"), Files.readAllBytes(SharedData.file("jfk.wav")));
    Files.createSymbolicLink(dataDir.resolve("latest.wav"), Path.of("recordings/jfk.wav"));

    ToolResult result = call("latest.wav");

    assertThat(result.error()).isFalse();
    assertThat(result.json().getInteger("sample_rate")).isEqualTo(16000);
  }

  @Test
  void should_report_missing_and_unreadable_files_to_the_model() throws Exception {
    assertThat(call("nothing.wav").text()).contains("no such file");
    Files.writeString(dataDir.resolve("notes.wav"), "not audio at all");
    ToolResult bad = call("notes.wav");
    assertThat(bad.error()).isTrue();
    assertThat(bad.text()).contains("not a readable WAV file");
  }

  @Test
  void should_reject_a_call_without_a_path() {
    assertThatThrownBy(() -> audioInfo.call(ToolCall.of("audio_info", new JsonObject()), context).await())
        .isInstanceOf(ToolArgumentsException.class);
  }
}
