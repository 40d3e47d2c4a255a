package io.harpou.samples.wyomingserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.wyoming.WyomingClient;
import io.harpou.wyoming.WyomingClientOptions;
import io.harpou.wyoming.WyomingConnection;
import io.harpou.wyoming.WyomingServer;
import io.harpou.wyoming.message.Asr.Transcript;
import io.harpou.wyoming.message.Handle.Handled;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WyomingServerExampleTest {

  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void should_answer_a_transcript_over_a_real_socket_with_the_wyoming_library_alone() {
    WyomingServer server = WyomingServerExample.serve(vertx, 0).await();
    WyomingConnection connection = WyomingClient.create(vertx, new WyomingClientOptions())
        .connect("127.0.0.1", server.actualPort()).await();
    Promise<String> answer = Promise.promise();
    connection.handler(event -> answer.tryComplete(Handled.fromEvent(event).text()));

    connection.write(new Transcript("turn on the kitchen light", "en", null));

    assertThat(answer.future().await()).isEqualTo("You said: turn on the kitchen light");
  }

  @Test
  void should_ship_with_vertx_and_nothing_of_the_runtime() throws Exception {
    List<String> dependencies = Files.readAllLines(Path.of("target/runtime-dependencies.txt")).stream()
        .map(String::strip).filter(line -> line.matches("[\\w.-]+:[\\w.-]+:.*")).toList();

    assertThat(dependencies).anyMatch(d -> d.startsWith("io.harpou:wyoming:"))
        .anyMatch(d -> d.startsWith("io.vertx:vertx-core:"))
        .noneMatch(d -> d.startsWith("io.harpou:bridge"))
        .noneMatch(d -> d.startsWith("dev.langchain4j:"))
        .noneMatch(d -> d.startsWith("org.xerial:sqlite-jdbc:"));
  }

  @Test
  void should_show_in_the_readme_exactly_the_tagged_code_of_the_sample() throws Exception {
    String source = Files.readString(
        Path.of("src/main/java/io/harpou/samples/wyomingserver/WyomingServerExample.java"));
    String snippet = source.substring(source.indexOf("// tag::wyoming-server[]\n")
        + "// tag::wyoming-server[]\n".length(), source.indexOf("  // end::wyoming-server[]"));

    assertThat(Files.readString(Path.of("../../README.md"))).contains("```java\n" + snippet + "```");
  }
}
