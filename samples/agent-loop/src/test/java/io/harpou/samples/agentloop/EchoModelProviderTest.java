package io.harpou.samples.agentloop;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.vertx.agent.AgentOptions;
import io.harpou.bridge.vertx.agent.AgentRuntime;
import io.harpou.bridge.vertx.agent.AgentServices;
import io.harpou.bridge.vertx.db.Database;
import io.harpou.bridge.vertx.tools.ToolRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EchoModelProviderTest {

  private final Vertx vertx = Vertx.vertx();

  @TempDir
  Path dataDir;

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void should_answer_through_the_provider_the_configuration_names() {
    AgentOptions options = new AgentOptions(new JsonObject()
        .put("provider", new JsonObject().put("id", "echo").put("prefix", "You asked: ")));
    Database database = Database.open(vertx, dataDir.resolve("agent.db")).await();
    AgentRuntime runtime = AgentRuntime.start(vertx, options,
        AgentServices.of(ToolRegistry.load(new JsonObject()), database, dataDir)).await();

    try {
      assertThat(runtime.modelDescription()).contains("echo");
      assertThat(runtime.agent().ask("is the garage closed?").await().speech())
          .isEqualTo("You asked: is the garage closed?");
    } finally {
      runtime.close().await();
      database.close().await();
    }
  }

  @Test
  void should_show_in_the_readme_exactly_the_tagged_code_of_the_provider() throws Exception {
    String source = Files.readString(Path.of("src/main/java/io/harpou/samples/agentloop/EchoModelProvider.java"));
    String snippet = source.substring(source.indexOf("// tag::model-provider[]\n")
        + "// tag::model-provider[]\n".length(), source.indexOf("// end::model-provider[]"));

    assertThat(Files.readString(Path.of("../../README.md"))).contains("```java\n" + snippet + "```");
  }
}
