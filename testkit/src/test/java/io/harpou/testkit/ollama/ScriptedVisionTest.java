package io.harpou.testkit.ollama;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Images reach the scripted model as LangChain4j's real clients send them: Ollama's images, OpenAI's image parts. */
@ExtendWith(VertxExtension.class)
class ScriptedVisionTest {

  private static final byte[] PHOTO = new byte[3000];

  static {
    new Random(7).nextBytes(PHOTO);
  }

  private ScriptedOllama ollama;

  @BeforeEach
  void start(Vertx vertx) {
    ollama = ScriptedOllama.create(vertx, new ScriptedOllamaOptions()).start().await();
    ollama.addRule(OllamaMatch.userContains("package").thenReply(OllamaReply.text("A box by the door.")));
  }

  @AfterEach
  void stop() {
    ollama.close().await();
  }

  private static UserMessage question() {
    return UserMessage.from(TextContent.from("Is there a package?"),
        ImageContent.from(Base64.getEncoder().encodeToString(PHOTO), "image/png"));
  }

  private static HttpResponse<String> post(String url, JsonObject body) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
        .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.encode())).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void should_receive_the_image_in_ollamas_images_field() {
    ChatModel model = OllamaChatModel.builder().baseUrl(ollama.baseUrl()).modelName("qwen2.5vl").build();

    String answer = model.chat(question()).aiMessage().text();

    assertThat(answer).isEqualTo("A box by the door.");
    RecordedRequest request = ollama.requests().stream().filter(r -> r.path().equals("/api/chat")).findFirst()
        .orElseThrow();
    assertThat(request.images()).hasSize(1);
    assertThat(request.images().get(0)).isEqualTo(PHOTO);
  }

  @Test
  void should_receive_the_image_as_an_openai_image_content_part() {
    ChatModel model = OpenAiChatModel.builder().baseUrl(ollama.openAiBaseUrl()).apiKey("none")
        .modelName("qwen2.5vl").build();

    assertThat(model.chat(question()).aiMessage().text()).isEqualTo("A box by the door.");
    RecordedRequest request = ollama.requests().stream().filter(r -> r.path().endsWith("/chat/completions"))
        .findFirst().orElseThrow();
    assertThat(request.images()).containsExactly(PHOTO);
  }

  @Test
  void should_refuse_an_image_that_is_not_base64_as_ollama_does() throws Exception {
    JsonObject body = new JsonObject().put("model", "qwen2.5vl").put("stream", false).put("messages",
        new JsonArray().add(new JsonObject().put("role", "user").put("content", "Is there a package?")
            .put("images", new JsonArray().add("not base64 at all!"))));

    HttpResponse<String> response = post(ollama.baseUrl() + "/api/chat", body);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(new JsonObject(response.body()).getString("error")).contains("base64");
  }

  @Test
  void should_refuse_an_openai_image_part_without_a_data_url() throws Exception {
    JsonObject body = new JsonObject().put("model", "qwen2.5vl").put("messages", new JsonArray().add(
        new JsonObject().put("role", "user").put("content", new JsonArray()
            .add(new JsonObject().put("type", "image_url").put("image_url",
                new JsonObject().put("url", "file:///etc/passwd"))))));

    HttpResponse<String> response = post(ollama.openAiBaseUrl() + "/chat/completions", body);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(new JsonObject(response.body()).getJsonObject("error").getString("message")).contains("image_url");
  }
}
