package io.harpou.bridge.vertx.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.api.voice.AudioFormat;
import io.harpou.testkit.ollama.OllamaMatch;
import io.harpou.testkit.ollama.OllamaReply;
import io.harpou.testkit.ollama.RecordedRequest;
import io.harpou.bridge.api.voice.Wav;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model asked over HTTP to read a file through a link planted in the data folder reads nothing outside it. */
class DataFolderLinksTest extends HttpAgentTestBase {

  @TempDir
  Path elsewhere;

  @Test
  void should_not_read_a_recording_through_a_link_out_of_the_data_folder() throws Exception {
    Path secret = elsewhere.resolve("bedroom-recording.wav");
    Files.write(secret, Wav.write(AudioFormat.MICROPHONE, Buffer.buffer(new byte[32000 * 3])).getBytes());
    Files.createDirectories(dataDir);
    Files.createSymbolicLink(dataDir.resolve("doorbell.wav"), secret);
    start(agentSection(true));
    ollama.addRule(OllamaMatch.userContains("doorbell").thenReply(OllamaReply.toolCall("audio_info",
        new JsonObject().put("path", "doorbell.wav"))));
    ollama.addRule(OllamaMatch.toolResult("audio_info").thenReply(OllamaReply.text("I could not read it.")));

    JsonObject answer = post("/api/conversation/process",
        new JsonObject().put("text", "how long is the doorbell recording")).bodyAsJsonObject();

    assertThat(answer.getJsonObject("response").getJsonObject("speech").getJsonObject("plain").getString("speech"))
        .isEqualTo("I could not read it.");
    ollama.takeRequest();
    RecordedRequest resumed = ollama.takeRequest();
    JsonArray messages = resumed.messages();
    String toolResult = messages.getJsonObject(messages.size() - 1).getString("content");
    assertThat(toolResult).contains("the path must name a file inside the data folder: doorbell.wav")
        .doesNotContain("duration_seconds").doesNotContain("sample_rate");
  }
}
