package io.harpou.samples.agentloop;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.testkit.ollama.OllamaReply;
import io.harpou.testkit.ollama.RecordedRequest;
import io.harpou.testkit.ollama.ScriptedOllama;
import io.harpou.testkit.ollama.ScriptedOllamaOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentLoopExampleTest {

  private final Vertx vertx = Vertx.vertx();

  @TempDir
  Path dataDir;

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void should_call_a_tool_and_answer_with_the_agent_loop_alone() {
    ScriptedOllama ollama = ScriptedOllama.create(vertx, new ScriptedOllamaOptions()).start().await();
    ollama.enqueue(OllamaReply.toolCall("get_time", new JsonObject()));
    ollama.enqueue(OllamaReply.text("It is time for tea."));

    String answer = AgentLoopExample.ask(vertx, dataDir, ollama.baseUrl(), "what time is it?").await();

    assertThat(answer).isEqualTo("It is time for tea.");
    List<RecordedRequest> requests = ollama.requests();
    assertThat(requests).hasSize(2);
    // The model's second step saw what the get_time tool returned.
    assertThat(requests.get(1).body().encode()).contains("\"role\":\"tool\"").contains("iso");
    assertThat(dataDir.resolve("agent.db")).exists();
  }

  @Test
  void should_ship_without_onnx_runtime_pdfbox_or_the_voice_and_http_modules() throws Exception {
    List<String> dependencies = Files.readAllLines(Path.of("target/runtime-dependencies.txt")).stream()
        .map(String::strip).filter(line -> line.matches("[\\w.-]+:[\\w.-]+:.*")).toList();

    assertThat(dependencies).anyMatch(d -> d.startsWith("io.harpou:bridge-agent:"))
        .noneMatch(d -> d.startsWith("com.microsoft.onnxruntime:"))
        .noneMatch(d -> d.startsWith("org.apache.pdfbox:"))
        .noneMatch(d -> d.startsWith("io.harpou:bridge-memory:"))
        .noneMatch(d -> d.startsWith("io.harpou:bridge-voice:"))
        .noneMatch(d -> d.startsWith("io.harpou:bridge-http:"))
        .noneMatch(d -> d.startsWith("io.harpou:wyoming:"));
  }

  @Test
  void should_show_in_the_readme_exactly_the_tagged_code_of_the_sample() throws Exception {
    String source = Files.readString(Path.of("src/main/java/io/harpou/samples/agentloop/AgentLoopExample.java"));
    String snippet = source.substring(source.indexOf("// tag::agent-loop[]\n") + "// tag::agent-loop[]\n".length(),
        source.indexOf("  // end::agent-loop[]"));

    assertThat(Files.readString(Path.of("../../README.md"))).contains("```java\n" + snippet + "```");
  }
}
