package io.harpou.samples.haclient;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.testkit.ha.VirtualHomeAssistant;
import io.harpou.testkit.ha.VirtualHomeOptions;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HomeAssistantExampleTest {

  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void should_turn_the_light_on_in_the_virtual_home_with_the_client_alone() {
    VirtualHomeAssistant home = VirtualHomeAssistant.create(vertx, new VirtualHomeOptions()).start().await();
    String light = home.entityIds().stream().filter(id -> id.startsWith("light.")).findFirst().orElseThrow();

    String state = HomeAssistantExample.turnOn(vertx, home.url(), home.accessToken(), light).await();

    assertThat(state).isEqualTo("on");
    assertThat(home.state(light).getString("state")).isEqualTo("on");
  }

  @Test
  void should_ship_without_onnx_runtime_langchain4j_sqlite_or_pdfbox() throws Exception {
    List<String> dependencies = Files.readAllLines(Path.of("target/runtime-dependencies.txt")).stream()
        .map(String::strip).filter(line -> line.matches("[\\w.-]+:[\\w.-]+:.*")).toList();

    assertThat(dependencies).anyMatch(d -> d.startsWith("io.harpou:bridge-ha:"))
        .anyMatch(d -> d.startsWith("io.vertx:vertx-core:"))
        .noneMatch(d -> d.startsWith("com.microsoft.onnxruntime:"))
        .noneMatch(d -> d.startsWith("dev.langchain4j:"))
        .noneMatch(d -> d.startsWith("org.xerial:sqlite-jdbc:"))
        .noneMatch(d -> d.startsWith("org.apache.pdfbox:"));
  }

  @Test
  void should_show_in_the_readme_exactly_the_tagged_code_of_the_sample() throws Exception {
    String source = Files.readString(Path.of("src/main/java/io/harpou/samples/haclient/HomeAssistantExample.java"));
    String snippet = source.substring(source.indexOf("// tag::ha-client[]\n") + "// tag::ha-client[]\n".length(),
        source.indexOf("  // end::ha-client[]"));

    assertThat(Files.readString(Path.of("../../README.md"))).contains("```java\n" + snippet + "```");
  }
}
