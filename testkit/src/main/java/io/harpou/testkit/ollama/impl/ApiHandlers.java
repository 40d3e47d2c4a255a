package io.harpou.testkit.ollama.impl;

import io.harpou.testkit.ollama.OllamaReply;
import io.harpou.testkit.ollama.ScriptedOllamaOptions;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The handlers of the Ollama endpoints, answering with Ollama's shapes and its {@code {"error": ...}} bodies. */
final class ApiHandlers {

  private static final Logger LOG = LoggerFactory.getLogger(ApiHandlers.class);
  private static final int MAX_DIMENSION = 8192;

  private final Vertx vertx;
  private final ScriptedOllamaOptions options;
  private final ModelCatalog catalog;
  private final ScriptBook book;
  private final ChatResponder responder;

  ApiHandlers(Vertx vertx, ScriptedOllamaOptions options, ModelCatalog catalog, ScriptBook book) {
    this.vertx = vertx;
    this.options = options;
    this.catalog = catalog;
    this.book = book;
    this.responder = new ChatResponder(vertx, options.getStreamChunkDelayMillis());
  }

  static void running(RoutingContext ctx) {
    ctx.response().putHeader("Content-Type", "text/plain; charset=utf-8").end("Ollama is running");
  }

  static void notFound(RoutingContext ctx) {
    ctx.response().setStatusCode(404).putHeader("Content-Type", "text/plain").end("404 page not found");
  }

  static void failure(RoutingContext ctx) {
    int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
    if (ctx.failure() != null) {
      LOG.warn("Scripted Ollama failed on {}", ctx.request().path(), ctx.failure());
    }
    String message = status == 413 ? "request body too large" : "scripted Ollama failed: " + status;
    error(ctx.response(), status, message);
  }

  static void error(HttpServerResponse response, int status, String message) {
    if (!response.ended() && !response.closed()) {
      response.setStatusCode(status)
          .putHeader("Content-Type", "application/json; charset=utf-8")
          .end(new JsonObject().put("error", message).encode());
    }
  }

  /** The body as a JSON object, or {@code null} when it is not one. */
  static JsonObject parse(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return new JsonObject(raw);
    } catch (DecodeException | ClassCastException e) {
      return null;
    }
  }

  void version(RoutingContext ctx) {
    json(ctx, new JsonObject().put("version", options.getVersion()));
  }

  void tags(RoutingContext ctx) {
    json(ctx, catalog.tags());
  }

  void ps(RoutingContext ctx) {
    json(ctx, catalog.running());
  }

  void show(RoutingContext ctx) {
    JsonObject body = bodyOrError(ctx);
    if (body == null) {
      return;
    }
    String name = body.getString("model", body.getString("name"));
    if (name == null || name.isBlank()) {
      error(ctx.response(), 400, "model is required");
    } else if (!catalog.knows(name)) {
      error(ctx.response(), 404, "model '" + name + "' not found");
    } else {
      json(ctx, catalog.show(name));
    }
  }

  void chat(RoutingContext ctx) {
    JsonObject body = bodyOrError(ctx);
    if (body == null || !modelOk(ctx, body)) {
      return;
    }
    if (!(body.getValue("messages", new JsonArray()) instanceof JsonArray messages)) {
      error(ctx.response(), 400, "messages must be an array");
      return;
    }
    String badImages = ChatImages.ollamaProblem(messages);
    if (badImages != null) {
      error(ctx.response(), 400, badImages);
      return;
    }
    OllamaReply reply = book.next(Conversation.of(messages));
    Runnable answer = () -> {
      if (reply.isError()) {
        error(ctx.response(), reply.errorStatus(), reply.errorMessage());
      } else if (!ctx.response().closed()) {
        responder.respond(ctx.response(), body.getString("model"), body, reply);
      }
    };
    if (reply.delay().isZero()) {
      answer.run();
    } else {
      vertx.setTimer(reply.delay().toMillis(), id -> answer.run());
    }
  }

  void embed(RoutingContext ctx) {
    JsonObject body = bodyOrError(ctx);
    if (body == null || !modelOk(ctx, body)) {
      return;
    }
    List<String> inputs = new ArrayList<>();
    Object input = body.getValue("input");
    if (input instanceof String text) {
      inputs.add(text);
    } else if (input instanceof JsonArray array) {
      for (Object item : array) {
        if (!(item instanceof String text)) {
          error(ctx.response(), 400, "invalid input type: every input must be a string");
          return;
        }
        inputs.add(text);
      }
    } else if (input != null) {
      error(ctx.response(), 400, "invalid input type");
      return;
    }
    Integer dimension = dimension(ctx, body);
    if (dimension == null) {
      return;
    }
    JsonArray embeddings = new JsonArray();
    int tokens = 0;
    for (String text : inputs) {
      embeddings.add(vector(text, dimension));
      tokens += Math.max(1, Tokens.words(text));
    }
    json(ctx, new JsonObject()
        .put("model", body.getString("model"))
        .put("embeddings", embeddings)
        .put("total_duration", 1_000_000L + tokens * 100_000L)
        .put("load_duration", 1_000_000L)
        .put("prompt_eval_count", tokens));
  }

  void legacyEmbeddings(RoutingContext ctx) {
    JsonObject body = bodyOrError(ctx);
    if (body == null || !modelOk(ctx, body)) {
      return;
    }
    String prompt = body.getString("prompt", "");
    json(ctx, new JsonObject().put("embedding", vector(prompt, options.getEmbeddingDimension())));
  }

  private Integer dimension(RoutingContext ctx, JsonObject body) {
    Object requested = body.getValue("dimensions");
    if (requested == null) {
      return options.getEmbeddingDimension();
    }
    if (requested instanceof Number number && number.intValue() >= 1 && number.intValue() <= MAX_DIMENSION) {
      return number.intValue();
    }
    error(ctx.response(), 400, "dimensions must be an integer from 1 to " + MAX_DIMENSION);
    return null;
  }

  private static JsonArray vector(String text, int dimension) {
    JsonArray vector = new JsonArray();
    for (float value : HashedEmbeddings.embed(text, dimension)) {
      vector.add(value);
    }
    return vector;
  }

  private JsonObject bodyOrError(RoutingContext ctx) {
    String raw = ctx.body() == null || ctx.body().buffer() == null ? "" : ctx.body().asString();
    JsonObject body = parse(raw);
    if (body == null) {
      error(ctx.response(), 400, raw.isBlank() ? "missing request body" : "invalid JSON request body");
    }
    return body;
  }

  private boolean modelOk(RoutingContext ctx, JsonObject body) {
    if (!(body.getValue("model") instanceof String model) || model.isBlank()) {
      error(ctx.response(), 400, "model is required");
      return false;
    }
    if (options.isRejectUnknownModels() && !catalog.knows(model)) {
      error(ctx.response(), 404, "model \"" + model + "\" not found, try pulling it first");
      return false;
    }
    return true;
  }

  private static void json(RoutingContext ctx, JsonObject json) {
    ctx.response().putHeader("Content-Type", "application/json; charset=utf-8").end(json.encode());
  }
}
