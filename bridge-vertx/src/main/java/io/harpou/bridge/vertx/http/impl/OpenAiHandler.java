package io.harpou.bridge.vertx.http.impl;

import io.harpou.bridge.api.BridgeAddresses;
import io.harpou.bridge.api.agent.Agent;
import io.harpou.bridge.api.agent.Channel;
import io.harpou.bridge.api.agent.Reply;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.vertx.BridgeContext;
import io.vertx.core.AsyncResult;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * OpenAI-compatible {@code POST /v1/chat/completions} (plain and streamed) and {@code GET /v1/models}, so chat front
 * ends can use the agent as a model. The last user message becomes the utterance; the conversation id comes from the
 * {@code X-Harpou-Conversation-Id} header, else the {@code user} field, else a hash of the chat's opening messages
 * (system prompt and first user message), which stays the same as the client resends a growing history.
 */
public final class OpenAiHandler {

  /** The header that names the conversation explicitly. */
  public static final String CONVERSATION_HEADER = "x-harpou-conversation-id";

  private final BridgeContext bridge;
  private final String model;

  /** A handler asking the bridge's agent and presenting it as {@code model}. */
  public OpenAiHandler(BridgeContext bridge, String model) {
    this.bridge = bridge;
    this.model = model;
  }

  /** Adds the routes. */
  public void mount(Router router) {
    router.get("/v1/models").handler(this::models);
    router.post("/v1/chat/completions").handler(this::complete);
  }

  private void models(RoutingContext ctx) {
    JsonObject entry = new JsonObject().put("id", model).put("object", "model").put("created", 0)
        .put("owned_by", "harpou");
    Requests.json(ctx, new JsonObject().put("object", "list").put("data", new JsonArray().add(entry)));
  }

  private void complete(RoutingContext ctx) {
    JsonObject body = Requests.jsonBody(ctx);
    Object rawMessages = body.getValue("messages");
    if (!(rawMessages instanceof JsonArray messages) || messages.isEmpty()) {
      throw ApiError.invalid("'messages' must be a non-empty array");
    }
    String text = lastUserText(messages);
    Object stream = body.getValue("stream");
    if (stream != null && !(stream instanceof Boolean)) {
      throw ApiError.invalid("'stream' must be true or false");
    }
    String conversationId = conversationId(ctx, body, messages);
    Agent agent = bridge.agent().orElseThrow(() -> ApiError.unavailable("the agent"));
    Utterance utterance = new Utterance(text, null, conversationId, Channel.OPENAI, null, null,
        ctx.get(AccessGuard.KEY_NAME));
    String id = "chatcmpl-" + UUID.randomUUID().toString().replace("-", "");
    long created = System.currentTimeMillis() / 1000;
    if (Boolean.TRUE.equals(stream)) {
      new Stream(ctx, id, created, utterance).start(agent);
    } else {
      agent.ask(utterance).onComplete(result -> answer(ctx, id, created, result));
    }
  }

  private void answer(RoutingContext ctx, String id, long created, AsyncResult<Reply> result) {
    if (result.failed()) {
      ctx.fail(result.cause());
      return;
    }
    JsonObject message = new JsonObject().put("role", "assistant").put("content", result.result().speech());
    JsonObject choice = new JsonObject().put("index", 0).put("message", message).put("finish_reason", "stop");
    Requests.json(ctx, envelope(id, created, "chat.completion").put("choices", new JsonArray().add(choice)));
  }

  private JsonObject envelope(String id, long created, String object) {
    return new JsonObject().put("id", id).put("object", object).put("created", created).put("model", model);
  }

  static String lastUserText(JsonArray messages) {
    for (int i = messages.size() - 1; i >= 0; i--) {
      if (messages.getValue(i) instanceof JsonObject message && "user".equals(message.getValue("role"))) {
        String text = contentText(message.getValue("content"));
        if (text.isBlank()) {
          throw ApiError.invalid("the last user message has no text");
        }
        if (text.length() > ConversationHandler.MAX_TEXT) {
          throw ApiError.invalid("the last user message is longer than " + ConversationHandler.MAX_TEXT
              + " characters");
        }
        return text;
      }
    }
    throw ApiError.invalid("'messages' has no user message");
  }

  /** Text of a message content: a string, or the text parts of an array of parts. */
  static String contentText(Object content) {
    if (content instanceof String text) {
      return text;
    }
    if (content instanceof JsonArray parts) {
      StringBuilder text = new StringBuilder();
      for (Object part : parts) {
        if (part instanceof JsonObject p && "text".equals(p.getValue("type")) && p.getValue("text") instanceof String s) {
          text.append(text.length() == 0 ? "" : "\n").append(s);
        }
      }
      return text.toString();
    }
    return "";
  }

  static String conversationId(RoutingContext ctx, JsonObject body, JsonArray messages) {
    String header = ctx.request().getHeader(CONVERSATION_HEADER);
    if (header != null && !header.isBlank()) {
      return Requests.id(header.trim(), "the X-Harpou-Conversation-Id header");
    }
    String user = Requests.optionalId(body, "user");
    if (user != null) {
      return "openai-" + user;
    }
    StringBuilder opening = new StringBuilder();
    for (Object value : messages) {
      if (value instanceof JsonObject message) {
        opening.append(message.getValue("role")).append('\u0000')
            .append(contentText(message.getValue("content"))).append('\u0000');
        if ("user".equals(message.getValue("role"))) {
          break;
        }
      }
    }
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(opening.toString().getBytes(StandardCharsets.UTF_8));
      return "openai-" + HexFormat.of().formatHex(hash, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One streamed answer: the turn's text fragments as chunks while it runs, then the rest of the reply. */
  private final class Stream {
    private final RoutingContext ctx;
    private final String id;
    private final long created;
    private final Utterance utterance;
    private final StringBuilder sent = new StringBuilder();
    private MessageConsumer<JsonObject> events;

    Stream(RoutingContext ctx, String id, long created, Utterance utterance) {
      this.ctx = ctx;
      this.id = id;
      this.created = created;
      this.utterance = utterance;
    }

    void start(Agent agent) {
      HttpServerResponse response = ctx.response().setChunked(true)
          .putHeader("content-type", "text/event-stream").putHeader("cache-control", "no-cache");
      chunk(new JsonObject().put("role", "assistant").put("content", ""), null);
      events = bridge.vertx().eventBus().localConsumer(BridgeAddresses.EVENTS, message -> {
        JsonObject event = message.body();
        if ("thinking".equals(event.getString("kind"))
            && utterance.conversationId().equals(event.getString("conversation_id"))) {
          String text = event.getString("text", "");
          if (event.getBoolean("reasoning", false)) {
            chunk(new JsonObject().put("reasoning_content", text), null);
          } else {
            sent.append(text);
            chunk(new JsonObject().put("content", text), null);
          }
        }
      });
      response.closeHandler(v -> events.unregister());
      agent.ask(utterance).onComplete(result -> {
        events.unregister();
        if (response.closed()) {
          return;
        }
        String speech = result.succeeded() ? result.result().speech() : "Sorry, something went wrong.";
        String streamed = sent.toString();
        if (streamed.isEmpty() || !speech.startsWith(streamed)) {
          if (streamed.isEmpty()) {
            chunk(new JsonObject().put("content", speech), null);
          }
        } else if (speech.length() > streamed.length()) {
          chunk(new JsonObject().put("content", speech.substring(streamed.length())), null);
        }
        chunk(new JsonObject(), "stop");
        response.end("data: [DONE]\n\n");
      });
    }

    private void chunk(JsonObject delta, String finishReason) {
      HttpServerResponse response = ctx.response();
      if (response.closed() || response.ended()) {
        return;
      }
      JsonObject choice = new JsonObject().put("index", 0).put("delta", delta).put("finish_reason", finishReason);
      JsonObject chunk = envelope(id, created, "chat.completion.chunk").put("choices", new JsonArray().add(choice));
      response.write("data: " + chunk.encode() + "\n\n");
    }
  }
}
