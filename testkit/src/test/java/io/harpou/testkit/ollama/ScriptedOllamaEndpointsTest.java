package io.harpou.testkit.ollama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaEmbeddingModel;
import dev.langchain4j.model.ollama.OllamaModel;
import dev.langchain4j.model.ollama.OllamaModelCard;
import dev.langchain4j.model.ollama.OllamaModels;
import dev.langchain4j.model.output.Response;
import dev.langchain4j.store.embedding.CosineSimilarity;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class ScriptedOllamaEndpointsTest {

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private ScriptedOllama ollama;

  @BeforeEach
  void start(Vertx vertx) {
    ScriptedOllamaOptions options = new ScriptedOllamaOptions()
        .setModels(List.of("llama3.2", "nomic-embed-text:latest"))
        .setEmbeddingDimension(256);
    ollama = ScriptedOllama.create(vertx, options).start().await();
  }

  @AfterEach
  void stop() {
    ollama.close().await();
  }

  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    HttpRequest.BodyPublisher publisher =
        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body);
    HttpRequest request = HttpRequest.newBuilder(URI.create(ollama.baseUrl() + path)).method(method, publisher).build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void should_embed_similar_sentences_closer_than_unrelated_ones() {
    OllamaEmbeddingModel model =
        OllamaEmbeddingModel.builder().baseUrl(ollama.baseUrl()).modelName("nomic-embed-text").build();

    Response<List<Embedding>> response = model.embedAll(List.of(
        TextSegment.from("Turn on the kitchen lights"),
        TextSegment.from("Switch the lights on in the kitchen"),
        TextSegment.from("What is the capital of France?")));
    List<Embedding> vectors = response.content();

    assertThat(vectors).hasSize(3);
    assertThat(vectors.get(0).dimension()).isEqualTo(256);
    double similar = CosineSimilarity.between(vectors.get(0), vectors.get(1));
    double unrelated = CosineSimilarity.between(vectors.get(0), vectors.get(2));
    assertThat(similar).isGreaterThan(unrelated + 0.3);
    assertThat(CosineSimilarity.between(vectors.get(0), model.embed("Turn on the kitchen lights").content()))
        .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(response.tokenUsage().inputTokenCount()).isEqualTo(18);
  }

  @Test
  void should_accept_a_single_string_input_and_requested_dimensions() throws Exception {
    HttpResponse<String> response = send("POST", "/api/embed",
        new JsonObject().put("model", "nomic-embed-text").put("input", "hello world").put("dimensions", 64).encode());

    JsonObject body = new JsonObject(response.body());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(body.getJsonArray("embeddings")).hasSize(1);
    assertThat(body.getJsonArray("embeddings").getJsonArray(0)).hasSize(64);
  }

  @Test
  void should_list_and_describe_the_configured_models() {
    OllamaModels models = OllamaModels.builder().baseUrl(ollama.baseUrl()).maxRetries(0).build();

    List<OllamaModel> listed = models.availableModels().content();
    OllamaModelCard card = models.modelCard("llama3.2").content();

    assertThat(listed).extracting(OllamaModel::getName).containsExactly("llama3.2:latest", "nomic-embed-text:latest");
    assertThat(listed.get(0).getModifiedAt()).isNotNull();
    assertThat(card.getDetails().getFamily()).isEqualTo("llama");
    assertThat(card.getCapabilities()).contains("tools", "thinking");
    assertThatThrownBy(() -> models.modelCard("mistral")).isInstanceOf(ModelNotFoundException.class);
  }

  @Test
  void should_report_its_version_and_that_it_is_running() throws Exception {
    assertThat(new JsonObject(send("GET", "/api/version", null).body()).getString("version"))
        .isEqualTo(ScriptedOllamaOptions.DEFAULT_VERSION);
    assertThat(send("GET", "/", null).body()).isEqualTo("Ollama is running");
    assertThat(send("GET", "/api/nothing", null).statusCode()).isEqualTo(404);
  }

  @Test
  void should_record_each_request_with_its_tools_options_and_model() {
    OllamaChatModel model = OllamaChatModel.builder()
        .baseUrl(ollama.baseUrl()).modelName("llama3.2").temperature(0.2).numCtx(8192).maxRetries(0).build();

    model.chat(dev.langchain4j.model.chat.request.ChatRequest.builder()
        .messages(dev.langchain4j.data.message.SystemMessage.from("You run a house."),
            dev.langchain4j.data.message.UserMessage.from("Lights please"))
        .toolSpecifications(ScriptedOllamaChatTest.LIGHT_TOOL)
        .build());
    RecordedRequest recorded = ollama.takeRequest();

    assertThat(ollama.requestCount()).isEqualTo(1);
    assertThat(recorded.method()).isEqualTo("POST");
    assertThat(recorded.path()).isEqualTo("/api/chat");
    assertThat(recorded.model()).isEqualTo("llama3.2");
    assertThat(recorded.stream()).isFalse();
    assertThat(recorded.options().getDouble("temperature")).isEqualTo(0.2);
    assertThat(recorded.options().getInteger("num_ctx")).isEqualTo(8192);
    assertThat(recorded.toolNames()).containsExactly("turn_on_light");
    assertThat(recorded.tools().getJsonObject(0).getJsonObject("function").getJsonObject("parameters")
        .getJsonArray("required")).containsExactly("room");
    assertThat(recorded.lastUserMessage()).isEqualTo("Lights please");
    assertThat(recorded.messages().getJsonObject(0).getString("role")).isEqualTo("system");
  }

  @Test
  void should_answer_bad_requests_with_an_ollama_error_and_keep_serving() throws Exception {
    HttpResponse<String> garbage = send("POST", "/api/chat", "{not json");
    HttpResponse<String> noModel = send("POST", "/api/chat", "{\"messages\": []}");
    HttpResponse<String> badMessages = send("POST", "/api/chat", "{\"model\": \"m\", \"messages\": 3}");
    HttpResponse<String> badInput = send("POST", "/api/embed", "{\"model\": \"m\", \"input\": [1, 2]}");

    assertThat(garbage.statusCode()).isEqualTo(400);
    assertThat(new JsonObject(garbage.body()).getString("error")).contains("invalid JSON");
    assertThat(noModel.statusCode()).isEqualTo(400);
    assertThat(new JsonObject(noModel.body()).getString("error")).isEqualTo("model is required");
    assertThat(badMessages.statusCode()).isEqualTo(400);
    assertThat(badInput.statusCode()).isEqualTo(400);
    assertThat(ollama.requests()).extracting(RecordedRequest::rawBody).contains("{not json");
    assertThat(OllamaChatModel.builder().baseUrl(ollama.baseUrl()).modelName("m").build().chat("still there?"))
        .isEqualTo("You said: still there?");
  }

  @Test
  void should_reject_unlisted_models_when_asked_to(Vertx vertx) {
    ScriptedOllama strict = ScriptedOllama.create(vertx,
        new ScriptedOllamaOptions().setRejectUnknownModels(true)).start().await();
    try {
      OllamaChatModel unknown =
          OllamaChatModel.builder().baseUrl(strict.baseUrl()).modelName("mistral").maxRetries(0).build();
      OllamaChatModel known =
          OllamaChatModel.builder().baseUrl(strict.baseUrl()).modelName("llama3.2").maxRetries(0).build();

      assertThatThrownBy(() -> unknown.chat("hi"))
          .isInstanceOf(ModelNotFoundException.class)
          .hasMessageContaining("try pulling it first");
      assertThat(known.chat("hi")).isEqualTo("You said: hi");
    } finally {
      strict.close().await();
    }
  }
}
