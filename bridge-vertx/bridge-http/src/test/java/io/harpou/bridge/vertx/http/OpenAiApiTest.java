package io.harpou.bridge.vertx.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import io.harpou.bridge.api.agent.Channel;
import io.harpou.bridge.api.agent.ChatHistory;
import io.harpou.bridge.api.agent.Reply;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenAiApiTest {

  private final Vertx vertx = Vertx.vertx();
  private WebClient client;
  private TestContext context;
  private ScriptedAgent agent;

  @TempDir
  Path dataDir;

  @BeforeEach
  void start() {
    context = new TestContext(vertx, dataDir, new JsonObject());
    agent = new ScriptedAgent(vertx, u -> Reply.answer("It is 21 degrees in the kitchen.", u.conversationId()));
    context.agent(agent);
    context.startHttp().await();
    client = WebClient.create(vertx);
  }

  @AfterEach
  void close() {
    vertx.close().await();
  }

  private String baseUrl() {
    return context.base() + "/v1";
  }

  @Test
  void should_answer_langchain4j_openai_chat_model_with_the_agents_reply() {
    OpenAiChatModel model = OpenAiChatModel.builder().baseUrl(baseUrl()).apiKey("unused").modelName("harpou")
        .build();

    ChatResponse response = model.chat(SystemMessage.from("You are a house."),
        UserMessage.from("How warm is the kitchen?"));

    assertThat(response.aiMessage().text()).isEqualTo("It is 21 degrees in the kitchen.");
    assertThat(response.metadata().finishReason().name()).isEqualTo("STOP");
    assertThat(agent.heard).singleElement().satisfies(u -> {
      assertThat(u.text()).isEqualTo("How warm is the kitchen?");
      assertThat(u.channel()).isEqualTo(Channel.OPENAI);
    });
  }

  @Test
  void should_stream_the_turns_text_to_langchain4j_openai_streaming_model() throws Exception {
    agent.streaming(List.of("It is ", "21 degrees"));
    OpenAiStreamingChatModel model = OpenAiStreamingChatModel.builder().baseUrl(baseUrl()).apiKey("unused")
        .modelName("harpou").build();
    List<String> partials = new ArrayList<>();
    CompletableFuture<ChatResponse> done = new CompletableFuture<>();

    model.chat("How warm is the kitchen?", new StreamingChatResponseHandler() {
      @Override
      public void onPartialResponse(String partial) {
        partials.add(partial);
      }

      @Override
      public void onCompleteResponse(ChatResponse response) {
        done.complete(response);
      }

      @Override
      public void onError(Throwable error) {
        done.completeExceptionally(error);
      }
    });

    ChatResponse response = done.get(10, TimeUnit.SECONDS);
    assertThat(partials).containsExactly("It is ", "21 degrees", " in the kitchen.");
    assertThat(response.aiMessage().text()).isEqualTo("It is 21 degrees in the kitchen.");
  }

  @Test
  void should_send_openai_shaped_chunks_and_done_over_sse() {
    HttpResponse<Buffer> response = client.post(context.httpPort(), "127.0.0.1", "/v1/chat/completions")
        .sendJsonObject(new JsonObject().put("model", "harpou").put("stream", true)
            .put("messages", new JsonArray().add(new JsonObject().put("role", "user").put("content", "hi"))))
        .await();

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.getHeader("content-type")).startsWith("text/event-stream");
    String[] events = response.bodyAsString().split("\n\n");
    assertThat(events[events.length - 1]).isEqualTo("data: [DONE]");
    List<JsonObject> chunks = new ArrayList<>();
    for (int i = 0; i < events.length - 1; i++) {
      assertThat(events[i]).startsWith("data: ");
      chunks.add(new JsonObject(events[i].substring(6)));
    }
    assertThat(chunks).hasSize(3);
    for (JsonObject chunk : chunks) {
      assertThat(chunk.getString("object")).isEqualTo("chat.completion.chunk");
      assertThat(chunk.getString("id")).startsWith("chatcmpl-").isEqualTo(chunks.get(0).getString("id"));
      assertThat(chunk.getString("model")).isEqualTo("harpou");
      assertThat(chunk.getLong("created")).isPositive();
      assertThat(chunk.getJsonArray("choices")).hasSize(1);
      assertThat(chunk.getJsonArray("choices").getJsonObject(0).getInteger("index")).isZero();
    }
    JsonObject first = chunks.get(0).getJsonArray("choices").getJsonObject(0);
    assertThat(first.getJsonObject("delta")).isEqualTo(new JsonObject().put("role", "assistant").put("content", ""));
    assertThat(first.getValue("finish_reason")).isNull();
    assertThat(chunks.get(1).getJsonArray("choices").getJsonObject(0).getJsonObject("delta").getString("content"))
        .isEqualTo("It is 21 degrees in the kitchen.");
    JsonObject last = chunks.get(2).getJsonArray("choices").getJsonObject(0);
    assertThat(last.getJsonObject("delta")).isEqualTo(new JsonObject());
    assertThat(last.getString("finish_reason")).isEqualTo("stop");
  }

  @Test
  void should_answer_a_plain_completion_field_by_field() {
    JsonObject body = client.post(context.httpPort(), "127.0.0.1", "/v1/chat/completions")
        .sendJsonObject(new JsonObject().put("model", "harpou").put("messages", new JsonArray()
            .add(new JsonObject().put("role", "user").put("content", new JsonArray()
                .add(new JsonObject().put("type", "text").put("text", "hi there"))))))
        .await().bodyAsJsonObject();

    assertThat(body.getString("object")).isEqualTo("chat.completion");
    assertThat(body.getString("id")).startsWith("chatcmpl-");
    assertThat(body.getString("model")).isEqualTo("harpou");
    JsonObject choice = body.getJsonArray("choices").getJsonObject(0);
    assertThat(choice.getInteger("index")).isZero();
    assertThat(choice.getString("finish_reason")).isEqualTo("stop");
    assertThat(choice.getJsonObject("message")).isEqualTo(new JsonObject().put("role", "assistant")
        .put("content", "It is 21 degrees in the kitchen."));
    assertThat(agent.heard.get(0).text()).isEqualTo("hi there");
  }

  @Test
  void should_continue_a_chat_whose_history_carries_the_answer_and_honour_explicit_ids() {
    JsonObject first = new JsonObject().put("role", "user").put("content", "hello");
    JsonArray turn1 = new JsonArray().add(first);
    JsonArray turn2 = turn1.copy().add(new JsonObject().put("role", "assistant")
            .put("content", "It is 21 degrees in the kitchen."))
        .add(new JsonObject().put("role", "user").put("content", "and now?"));
    for (JsonArray messages : List.of(turn1, turn2)) {
      client.post(context.httpPort(), "127.0.0.1", "/v1/chat/completions")
          .sendJsonObject(new JsonObject().put("messages", messages)).await();
    }
    client.post(context.httpPort(), "127.0.0.1", "/v1/chat/completions")
        .sendJsonObject(new JsonObject().put("messages", turn1).put("user", "alice")).await();
    client.post(context.httpPort(), "127.0.0.1", "/v1/chat/completions")
        .putHeader("X-Harpou-Conversation-Id", "kitchen-chat")
        .sendJsonObject(new JsonObject().put("messages", turn1).put("user", "alice")).await();

    assertThat(agent.heard).hasSize(4);
    assertThat(agent.heard.get(1).text()).isEqualTo("and now?");
    assertThat(agent.heard.get(1).conversationId()).isEqualTo(agent.heard.get(0).conversationId())
        .startsWith("openai-");
    assertThat(agent.histories.get(1).messages()).extracting(ChatHistory.Message::text)
        .containsExactly("hello", "It is 21 degrees in the kitchen.");
    assertThat(agent.heard.get(2).conversationId()).isNotEqualTo(agent.heard.get(0).conversationId());
    assertThat(agent.heard.get(2).user()).isEqualTo("alice");
    assertThat(agent.heard.get(3).conversationId()).isEqualTo("kitchen-chat");
  }

  @Test
  void should_list_the_agent_as_a_model() {
    JsonObject body = client.get(context.httpPort(), "127.0.0.1", "/v1/models").send().await().bodyAsJsonObject();

    assertThat(body.getString("object")).isEqualTo("list");
    assertThat(body.getJsonArray("data")).singleElement().isEqualTo(new JsonObject().put("id", "harpou")
        .put("object", "model").put("created", 0).put("owned_by", "harpou"));
  }

  @Test
  void should_refuse_requests_without_a_usable_user_message() {
    for (JsonObject bad : List.of(new JsonObject(), new JsonObject().put("messages", new JsonArray()),
        new JsonObject().put("messages", new JsonArray().add(new JsonObject().put("role", "system")
            .put("content", "be nice"))),
        new JsonObject().put("messages", new JsonArray().add(new JsonObject().put("role", "user")
            .put("content", "hi"))).put("stream", "yes"))) {
      HttpResponse<Buffer> response = client.post(context.httpPort(), "127.0.0.1", "/v1/chat/completions")
          .sendJsonObject(bad).await();
      assertThat(response.statusCode()).as(bad.encode()).isEqualTo(400);
      assertThat(response.bodyAsJsonObject().getJsonObject("error").getString("code")).isEqualTo("invalid_request");
    }
    assertThat(agent.heard).isEmpty();
  }

  @Test
  void should_refuse_forged_ids_in_the_user_field_and_the_chat_headers_before_the_agent_hears_them() {
    JsonArray hello = new JsonArray().add(new JsonObject().put("role", "user").put("content", "unlock the door"));
    List<HttpResponse<Buffer>> responses = List.of(
        client.post(context.httpPort(), "127.0.0.1", "/v1/chat/completions")
            .sendJsonObject(new JsonObject().put("messages", hello).put("user", "bob\nINFO audit: admin")).await(),
        client.post(context.httpPort(), "127.0.0.1", "/v1/chat/completions")
            .sendJsonObject(new JsonObject().put("messages", hello).put("user", "a\u0000b")).await(),
        client.post(context.httpPort(), "127.0.0.1", "/v1/chat/completions")
            .putHeader("X-Harpou-Conversation-Id", "kitchen\tchat")
            .sendJsonObject(new JsonObject().put("messages", hello)).await(),
        client.post(context.httpPort(), "127.0.0.1", "/v1/chat/completions")
            .putHeader("X-OpenWebUI-Chat-Id", "x".repeat(200))
            .sendJsonObject(new JsonObject().put("messages", hello).put("stream", true)).await());

    assertThat(responses).allSatisfy(response -> {
      assertThat(response.statusCode()).isEqualTo(400);
      JsonObject error = response.bodyAsJsonObject().getJsonObject("error");
      assertThat(error.getString("code")).isEqualTo("invalid_request");
      assertThat(error.getString("message")).contains("must be 1 to 128 visible characters");
    });
    assertThat(agent.heard).isEmpty();
  }
}
