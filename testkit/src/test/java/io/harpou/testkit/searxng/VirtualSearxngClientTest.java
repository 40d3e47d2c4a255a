package io.harpou.testkit.searxng;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The virtual SearXNG judged by a SearXNG client from npm ({@code searxng}, run with Node). */
class VirtualSearxngClientTest {

  private static final Path JS_DIR = Path.of("src/test/searxng");

  private final Vertx vertx = Vertx.vertx();
  private VirtualSearxng searxng;

  @BeforeEach
  void start() {
    assumeTrue(Files.isDirectory(JS_DIR.resolve("node_modules/searxng")), "npm packages of src/test/searxng are"
        + " not installed (./harpou test runs npm ci), so the client cannot be run");
    searxng = VirtualSearxng.create(vertx).start().await();
  }

  @AfterEach
  void stop() {
    if (searxng != null) {
      searxng.close().await();
    }
    vertx.close().await();
  }

  @Test
  void should_give_the_npm_client_the_results_of_a_query() throws Exception {
    searxng.add("tide", "Tide times for Brest", "https://tides.example/brest", "High tide at 14:02.")
        .add("tide", "Tides explained", "https://science.example/tides", "The moon pulls the sea.");

    JsonObject out = search("tide times brest");

    assertThat(out.getBoolean("ok")).as(out.encode()).isTrue();
    JsonObject results = out.getJsonObject("results");
    assertThat(results.getString("query")).isEqualTo("tide times brest");
    assertThat(results.getInteger("number_of_results")).isEqualTo(2);
    assertThat(results.getJsonArray("results").getJsonObject(0).getString("url"))
        .isEqualTo("https://tides.example/brest");
    assertThat(results.getJsonArray("results").getJsonObject(1).getString("content"))
        .isEqualTo("The moon pulls the sea.");
    assertThat(searxng.queries()).containsExactly("tide times brest");
  }

  @Test
  void should_answer_nothing_found_as_the_client_expects_an_empty_search() throws Exception {
    JsonObject out = search("nothing matches this");

    assertThat(out.getBoolean("ok")).as(out.encode()).isTrue();
    assertThat(out.getJsonObject("results").getJsonArray("results")).isEmpty();
  }

  @Test
  void should_refuse_json_when_the_instance_has_not_enabled_it() throws Exception {
    searxng.jsonEnabled(false);

    JsonObject out = search("tide");

    assertThat(out.getBoolean("ok")).isFalse();
    assertThat(out.getString("error")).contains("403");
  }

  private JsonObject search(String query) throws Exception {
    Process process = new ProcessBuilder("node", "search.mjs", searxng.baseUrl(), query).directory(JS_DIR.toFile())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("node search.mjs did not finish within 60 s");
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    String last = output.substring(output.lastIndexOf('\n') + 1);
    return new JsonObject(last);
  }
}
