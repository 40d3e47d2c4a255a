package io.harpou.bridge.vertx.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.testkit.Await;
import io.harpou.testkit.ollama.OllamaMatch;
import io.harpou.testkit.ollama.OllamaReply;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An answer served again from the response cache says so wherever a user reads it: Home Assistant's conversation
 * reply, the OpenAI-compatible completion (a header and an extension field, also on the last streamed chunk) and the
 * turn's reply event the console follows. An answer the model gave is never marked.
 */
class CachedReplyHttpTest extends HttpAgentTestBase {

  private static final String QUESTION = "What is the capital of Peru?";

  private void startWithCache() {
    start(agentSection(true).put("cache", new JsonObject().put("enabled", true)));
    ollama.addRule(OllamaMatch.userContains("Peru").thenReply(OllamaReply.text("Lima.")));
  }

  private long chatRequests() {
    return ollama.requests().stream().filter(r -> r.path().equals("/api/chat")).count();
  }

  private JsonObject process(String conversation) {
    HttpResponse<Buffer> response = post("/api/conversation/process", new JsonObject().put("text", QUESTION)
        .put("language", "en").put("conversation_id", conversation));
    assertThat(response.statusCode()).isEqualTo(200);
    return response.bodyAsJsonObject();
  }

  private JsonObject completion(boolean stream) {
    return new JsonObject().put("model", "harpou").put("stream", stream).put("messages", new JsonArray()
        .add(new JsonObject().put("role", "user").put("content", QUESTION)));
  }

  @Test
  void should_mark_a_conversation_answer_served_from_the_cache_and_not_the_first_one() {
    startWithCache();

    JsonObject first = process("c1");
    JsonObject again = process("c2");

    assertThat(first.getJsonObject("response").getJsonObject("speech").getJsonObject("plain").getString("speech"))
        .isEqualTo("Lima.");
    assertThat(first.containsKey("cached")).isFalse();
    assertThat(again.getJsonObject("response").getJsonObject("speech").getJsonObject("plain").getString("speech"))
        .isEqualTo("Lima.");
    assertThat(again.getJsonObject("cached")).isEqualTo(new JsonObject().put("model", "ollama").put("match", "exact")
        .put("similarity", 1.0));
    assertThat(chatRequests()).isEqualTo(1);
    Await.until("both reply events", () -> events("reply").size() == 2);
    List<JsonObject> replies = events("reply");
    assertThat(replies).extracting(e -> e.getString("conversation_id") + " "
        + e.getJsonObject("reply").containsKey("cached")).containsExactly("c1 false", "c2 true");
  }

  @Test
  void should_not_serve_an_answer_kept_under_the_old_persona_once_the_console_saves_a_new_one() {
    startWithCache();
    process("c1");
    String url = bridge.consoleUrl().orElseThrow();
    String token = url.substring(url.indexOf("#token=") + "#token=".length());
    ollama.enqueue(OllamaReply.text("Lima, my liege."));

    HttpResponse<Buffer> saved = WebClient.create(vertx).put(bridge.httpPort(), "127.0.0.1", "/api/settings")
        .putHeader("Authorization", "Bearer " + token)
        .sendJsonObject(new JsonObject().put("persona", "You are a court herald; address everyone as my liege."))
        .await();
    JsonObject again = process("c2");

    assertThat(saved.statusCode()).isEqualTo(200);
    assertThat(again.getJsonObject("response").getJsonObject("speech").getJsonObject("plain").getString("speech"))
        .isEqualTo("Lima, my liege.");
    assertThat(again.containsKey("cached")).isFalse();
    assertThat(chatRequests()).isEqualTo(2);
    assertThat(process("c3").getJsonObject("cached")).as("the new persona's answer is kept").isNotNull();
  }

  @Test
  void should_mark_an_openai_completion_served_from_the_cache_with_a_header_and_a_field() {
    startWithCache();

    HttpResponse<Buffer> first = post("/v1/chat/completions", completion(false));
    HttpResponse<Buffer> again = post("/v1/chat/completions", completion(false));

    assertThat(first.getHeader("x-harpou-cache")).isNull();
    assertThat(first.bodyAsJsonObject().containsKey("harpou_cached")).isFalse();
    assertThat(again.getHeader("x-harpou-cache")).isEqualTo("hit");
    assertThat(again.bodyAsJsonObject().getJsonArray("choices").getJsonObject(0).getJsonObject("message")
        .getString("content")).isEqualTo("Lima.");
    assertThat(again.bodyAsJsonObject().getJsonObject("harpou_cached").getString("model")).isEqualTo("ollama");
    assertThat(chatRequests()).isEqualTo(1);
  }

  @Test
  void should_mark_the_last_chunk_of_a_streamed_completion_served_from_the_cache() {
    startWithCache();
    process("s1");

    String body = post("/v1/chat/completions", completion(true)).bodyAsString();

    List<JsonObject> chunks = Arrays.stream(body.split("\n\n")).map(String::strip)
        .filter(line -> line.startsWith("data: {")).map(line -> new JsonObject(line.substring(6))).toList();
    assertThat(chunks).extracting(c -> c.getJsonArray("choices").getJsonObject(0).getJsonObject("delta")
        .getString("content", "")).contains("Lima.");
    JsonObject last = chunks.get(chunks.size() - 1);
    assertThat(last.getJsonArray("choices").getJsonObject(0).getString("finish_reason")).isEqualTo("stop");
    assertThat(last.getJsonObject("harpou_cached").getString("match")).isEqualTo("exact");
    assertThat(chatRequests()).isEqualTo(1);
  }
}
