package io.harpou.testkit.ollama.impl;

import io.harpou.testkit.ollama.OllamaReply;
import io.harpou.testkit.ollama.OllamaToolCall;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Writes a scripted reply as Ollama's {@code /api/chat} answer: one JSON object, or NDJSON chunks when streaming. */
final class ChatResponder {

  private static final AtomicLong CALL_IDS = new AtomicLong();

  private final Vertx vertx;
  private final long chunkDelayMillis;

  ChatResponder(Vertx vertx, long chunkDelayMillis) {
    this.vertx = vertx;
    this.chunkDelayMillis = chunkDelayMillis;
  }

  void respond(HttpServerResponse response, String model, JsonObject request, OllamaReply reply) {
    boolean stream = request.getBoolean("stream", true);
    // Like Ollama, a request that turns thinking off gets none.
    String thinking = Boolean.FALSE.equals(request.getValue("think")) ? null : reply.thinking();
    int promptTokens = Tokens.prompt(request);
    JsonArray toolCalls = toolCallsJson(reply.toolCalls());
    int evalTokens = Tokens.reply(reply.text(), thinking, toolCalls.encode());
    if (!stream) {
      JsonObject message = assistant(reply.text());
      if (thinking != null) {
        message.put("thinking", thinking);
      }
      if (!reply.toolCalls().isEmpty()) {
        message.put("tool_calls", toolCalls);
      }
      JsonObject whole = stamped(finalChunk(model, message, promptTokens, evalTokens));
      response.putHeader("Content-Type", "application/json; charset=utf-8").end(whole.encode());
      return;
    }
    List<JsonObject> lines = new ArrayList<>();
    if (thinking != null) {
      for (String piece : Tokens.chunks(thinking)) {
        lines.add(chunk(model, assistant("").put("thinking", piece)));
      }
    }
    for (String piece : Tokens.chunks(reply.text())) {
      lines.add(chunk(model, assistant(piece)));
    }
    if (!reply.toolCalls().isEmpty()) {
      lines.add(chunk(model, assistant("").put("tool_calls", toolCalls)));
    }
    lines.add(finalChunk(model, assistant(""), promptTokens, evalTokens));
    response.setChunked(true).putHeader("Content-Type", "application/x-ndjson");
    writeFrom(response, lines, 0);
  }

  private void writeFrom(HttpServerResponse response, List<JsonObject> lines, int index) {
    if (response.closed()) {
      return;
    }
    if (chunkDelayMillis == 0) {
      // The client reads line by line, so one write of every line streams the same and spares a flush per line.
      Buffer all = Buffer.buffer();
      lines.forEach(line -> all.appendString(stamped(line).encode()).appendString("\n"));
      response.end(all);
      return;
    }
    response.write(stamped(lines.get(index)).encode() + "\n");
    if (index + 1 == lines.size()) {
      response.end();
    } else {
      vertx.setTimer(chunkDelayMillis, id -> writeFrom(response, lines, index + 1));
    }
  }

  /** Sets {@code created_at} to the moment the line is sent, keeping the key's place. */
  private static JsonObject stamped(JsonObject line) {
    return line.put("created_at", Instant.now().toString());
  }

  private static JsonObject chunk(String model, JsonObject message) {
    return new JsonObject()
        .put("model", model)
        .put("created_at", "")
        .put("message", message)
        .put("done", false);
  }

  private static JsonObject finalChunk(String model, JsonObject message, int promptTokens, int evalTokens) {
    // Durations in nanoseconds, made up but consistent: 1 ms per prompt token, 10 ms per generated token.
    long promptNanos = promptTokens * 1_000_000L;
    long evalNanos = evalTokens * 10_000_000L;
    long loadNanos = 1_000_000L;
    return new JsonObject()
        .put("model", model)
        .put("created_at", "")
        .put("message", message)
        .put("done_reason", "stop")
        .put("done", true)
        .put("total_duration", loadNanos + promptNanos + evalNanos)
        .put("load_duration", loadNanos)
        .put("prompt_eval_count", promptTokens)
        .put("prompt_eval_duration", promptNanos)
        .put("eval_count", evalTokens)
        .put("eval_duration", evalNanos);
  }

  private static JsonObject assistant(String content) {
    return new JsonObject().put("role", "assistant").put("content", content);
  }

  private static JsonArray toolCallsJson(List<OllamaToolCall> calls) {
    JsonArray array = new JsonArray();
    for (int i = 0; i < calls.size(); i++) {
      OllamaToolCall call = calls.get(i);
      JsonObject function = new JsonObject()
          .put("index", i)
          .put("name", call.name())
          .put("arguments", call.isMalformed() ? call.rawArguments() : call.arguments().copy());
      array.add(new JsonObject().put("id", "call_" + CALL_IDS.incrementAndGet()).put("function", function));
    }
    return array;
  }
}
