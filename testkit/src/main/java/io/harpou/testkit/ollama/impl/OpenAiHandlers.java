package io.harpou.testkit.ollama.impl;

import io.harpou.testkit.ollama.OllamaReply;
import io.harpou.testkit.ollama.OllamaToolCall;
import io.harpou.testkit.ollama.ScriptedOllamaOptions;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The OpenAI-compatible endpoints Ollama also serves ({@code POST /v1/chat/completions}, {@code GET /v1/models}),
 * answered from the same script book: one {@code chat.completion} object, or server-sent {@code chat.completion.chunk}
 * events ending with {@code data: [DONE]} when the request streams. Errors use OpenAI's {@code {"error": {...}}} body.
 */
final class OpenAiHandlers {

  private static final AtomicLong IDS = new AtomicLong();

  private final Vertx vertx;
  private final ScriptedOllamaOptions options;
  private final ScriptBook book;

  OpenAiHandlers(Vertx vertx, ScriptedOllamaOptions options, ScriptBook book) {
    this.vertx = vertx;
    this.options = options;
    this.book = book;
  }

  void models(RoutingContext ctx) {
    JsonArray data = new JsonArray();
    long created = System.currentTimeMillis() / 1000;
    options.getModels().forEach(name -> data.add(new JsonObject().put("id", name).put("object", "model")
        .put("created", created).put("owned_by", "library")));
    ctx.response().putHeader("Content-Type", "application/json").end(new JsonObject().put("object", "list")
        .put("data", data).encode());
  }

  /**
   * Azure OpenAI's shape of the same endpoint: the deployment in the path, {@code api-version} in the query and the
   * key in the {@code api-key} header, each refused as Azure refuses it when missing or wrong. The deployment stands
   * for the model when the body names none.
   */
  void azureChat(RoutingContext ctx) {
    String version = ctx.request().getParam("api-version");
    if (version == null || version.isBlank()) {
      error(ctx.response(), 404, "Resource not found");
      return;
    }
    if (!options.getAzureApiKey().equals(ctx.request().getHeader("api-key"))) {
      error(ctx.response(), 401, "Access denied due to invalid subscription key or wrong API endpoint. Make sure"
          + " to provide a valid key for an active subscription and use a correct regional API endpoint for your"
          + " resource.");
      return;
    }
    JsonObject body = ApiHandlers.parse(rawBody(ctx));
    if (body != null && !(body.getValue("model") instanceof String)) {
      body.put("model", ctx.pathParam("deployment"));
    }
    chat(ctx, body);
  }

  void chat(RoutingContext ctx) {
    chat(ctx, ApiHandlers.parse(rawBody(ctx)));
  }

  private static String rawBody(RoutingContext ctx) {
    return ctx.body() == null || ctx.body().buffer() == null ? "" : ctx.body().asString();
  }

  private void chat(RoutingContext ctx, JsonObject body) {
    if (body == null) {
      error(ctx.response(), 400, "invalid request body");
      return;
    }
    if (!(body.getValue("model") instanceof String model) || model.isBlank()) {
      error(ctx.response(), 400, "model is required");
      return;
    }
    if (!(body.getValue("messages") instanceof JsonArray messages) || messages.isEmpty()) {
      error(ctx.response(), 400, "messages must be a non-empty array");
      return;
    }
    String badImages = ChatImages.openAiProblem(messages);
    if (badImages != null) {
      error(ctx.response(), 400, badImages);
      return;
    }
    OllamaReply reply = book.next(Conversation.of(messages));
    Runnable answer = () -> {
      if (reply.isError()) {
        error(ctx.response(), reply.errorStatus(), reply.errorMessage());
      } else if (!ctx.response().closed()) {
        respond(ctx.response(), model, body, reply);
      }
    };
    if (reply.delay().isZero()) {
      answer.run();
    } else {
      vertx.setTimer(reply.delay().toMillis(), id -> answer.run());
    }
  }

  private void respond(HttpServerResponse response, String model, JsonObject request, OllamaReply reply) {
    String id = "chatcmpl-" + IDS.incrementAndGet();
    long created = System.currentTimeMillis() / 1000;
    String finish = reply.toolCalls().isEmpty() ? "stop" : "tool_calls";
    int promptTokens = Tokens.prompt(request);
    JsonArray calls = calls(reply.toolCalls());
    int completionTokens = Tokens.reply(reply.text(), reply.thinking(), calls.encode());
    JsonObject usage = new JsonObject().put("prompt_tokens", promptTokens)
        .put("completion_tokens", completionTokens).put("total_tokens", promptTokens + completionTokens);
    if (!request.getBoolean("stream", false)) {
      JsonObject message = new JsonObject().put("role", "assistant")
          .put("content", reply.text().isEmpty() && !reply.toolCalls().isEmpty() ? null : reply.text());
      if (reply.thinking() != null) {
        message.put("reasoning_content", reply.thinking());
      }
      if (!reply.toolCalls().isEmpty()) {
        message.put("tool_calls", calls);
      }
      JsonObject choice = new JsonObject().put("index", 0).put("message", message).put("finish_reason", finish);
      response.putHeader("Content-Type", "application/json").end(envelope(id, "chat.completion", created, model)
          .put("choices", new JsonArray().add(choice)).put("usage", usage).encode());
      return;
    }
    List<String> events = new ArrayList<>();
    events.add(chunk(id, created, model, new JsonObject().put("role", "assistant").put("content", ""), null));
    if (reply.thinking() != null) {
      Tokens.chunks(reply.thinking()).forEach(piece -> events.add(chunk(id, created, model,
          new JsonObject().put("reasoning_content", piece), null)));
    }
    Tokens.chunks(reply.text()).forEach(piece -> events.add(chunk(id, created, model,
        new JsonObject().put("content", piece), null)));
    for (int i = 0; i < calls.size(); i++) {
      JsonObject call = calls.getJsonObject(i);
      String arguments = call.getJsonObject("function").getString("arguments");
      // The name comes first with empty arguments, then the arguments in two pieces, as OpenAI streams them.
      JsonObject opening = call.copy().put("index", i);
      opening.getJsonObject("function").put("arguments", "");
      events.add(chunk(id, created, model, new JsonObject().put("tool_calls", new JsonArray().add(opening)), null));
      int half = arguments.length() / 2;
      for (String piece : List.of(arguments.substring(0, half), arguments.substring(half))) {
        events.add(chunk(id, created, model, new JsonObject().put("tool_calls", new JsonArray().add(new JsonObject()
            .put("index", i).put("function", new JsonObject().put("arguments", piece)))), null));
      }
    }
    events.add(chunk(id, created, model, new JsonObject(), finish));
    JsonObject streamOptions = request.getJsonObject("stream_options", new JsonObject());
    if (streamOptions.getBoolean("include_usage", false)) {
      events.add(envelope(id, "chat.completion.chunk", created, model).put("choices", new JsonArray())
          .put("usage", usage).encode());
    }
    events.add("[DONE]");
    response.setChunked(true).putHeader("Content-Type", "text/event-stream").putHeader("Cache-Control", "no-cache");
    write(response, events, 0);
  }

  private void write(HttpServerResponse response, List<String> events, int index) {
    if (response.closed()) {
      return;
    }
    long delay = options.getStreamChunkDelayMillis();
    if (delay == 0) {
      Buffer all = Buffer.buffer();
      events.forEach(event -> all.appendString("data: ").appendString(event).appendString("\n\n"));
      response.end(all);
      return;
    }
    response.write("data: " + events.get(index) + "\n\n");
    if (index + 1 == events.size()) {
      response.end();
    } else {
      vertx.setTimer(delay, id -> write(response, events, index + 1));
    }
  }

  private static String chunk(String id, long created, String model, JsonObject delta, String finish) {
    JsonObject choice = new JsonObject().put("index", 0).put("delta", delta).put("finish_reason", finish);
    return envelope(id, "chat.completion.chunk", created, model).put("choices", new JsonArray().add(choice))
        .encode();
  }

  private static JsonObject envelope(String id, String object, long created, String model) {
    return new JsonObject().put("id", id).put("object", object).put("created", created).put("model", model)
        .put("system_fingerprint", "fp_scripted");
  }

  /** OpenAI sends arguments as a JSON string; a malformed call sends its raw text there. */
  private static JsonArray calls(List<OllamaToolCall> calls) {
    JsonArray array = new JsonArray();
    for (OllamaToolCall call : calls) {
      String arguments = call.isMalformed() ? call.rawArguments() : call.arguments().encode();
      array.add(new JsonObject().put("id", "call_" + IDS.incrementAndGet()).put("type", "function")
          .put("function", new JsonObject().put("name", call.name()).put("arguments", arguments)));
    }
    return array;
  }

  static void error(HttpServerResponse response, int status, String message) {
    if (!response.ended() && !response.closed()) {
      response.setStatusCode(status).putHeader("Content-Type", "application/json")
          .end(new JsonObject().put("error", new JsonObject().put("message", message)
              .put("type", status < 500 ? "invalid_request_error" : "api_error").putNull("param").putNull("code"))
              .encode());
    }
  }
}
