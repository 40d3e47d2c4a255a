package io.harpou.bridge.vertx.http.impl;

import io.harpou.bridge.api.agent.Agent;
import io.harpou.bridge.api.agent.Channel;
import io.harpou.bridge.api.agent.Reply;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.vertx.http.HttpApiServices;
import io.vertx.core.AsyncResult;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;

/**
 * OpenAI-compatible {@code POST /v1/chat/completions} (plain and streamed) and {@code GET /v1/models}, so chat front
 * ends can use the agent as a model. The request's messages are the chat: the last user message is the utterance,
 * the ones before it its history and the system messages instructions added to the persona (see {@link OpenAiChat}).
 * The conversation id is the {@code X-Harpou-Conversation-Id} header when the client sends one, else the chat's own
 * (see {@link ChatIdentities}). The speaker is the API key's name, else the request's {@code user} field.
 */
public final class OpenAiHandler {

  /** The header that names the conversation explicitly. */
  public static final String CONVERSATION_HEADER = "x-harpou-conversation-id";
  /** The header set to {@code hit} on an answer served from the response cache. */
  public static final String CACHE_HEADER = "x-harpou-cache";
  /** The extension field of a completion (or its last streamed chunk) served from the response cache. */
  static final String CACHED_FIELD = "harpou_cached";
  /** The header Open WebUI sends with its chat's id when it forwards user information; it only keeps chats apart. */
  static final String OPEN_WEBUI_CHAT_HEADER = "x-openwebui-chat-id";

  private final HttpApiServices bridge;
  private final String model;
  private final ChatIdentities chats = new ChatIdentities();

  /** A handler asking the bridge's agent and presenting it as {@code model}. */
  public OpenAiHandler(HttpApiServices bridge, String model) {
    this.bridge = bridge;
    this.model = model;
  }

  /** Adds the routes. */
  public void mount(Router router) {
    router.get("/v1/models").handler(this::models);
    router.post("/v1/chat/completions").handler(this::complete);
  }

  private void models(RoutingContext ctx) {
    JsonArray data = new JsonArray().add(new JsonObject().put("id", model).put("object", "model").put("created", 0)
        .put("owned_by", "harpou"));
    // Each agent profile is a model of its own, so a chat front end picks an agent as it picks a model.
    bridge.profiles().all().forEach(p -> data.add(new JsonObject().put("id", p.modelId()).put("object", "model")
        .put("created", p.updatedAt() == null ? 0 : p.updatedAt().getEpochSecond()).put("owned_by", "harpou")
        .put("name", p.name())));
    Requests.json(ctx, new JsonObject().put("object", "list").put("data", data));
  }

  private void complete(RoutingContext ctx) {
    JsonObject body = Requests.jsonBody(ctx);
    Object rawMessages = body.getValue("messages");
    if (!(rawMessages instanceof JsonArray messages) || messages.isEmpty()) {
      throw ApiError.invalid("'messages' must be a non-empty array");
    }
    Object stream = body.getValue("stream");
    if (stream != null && !(stream instanceof Boolean)) {
      throw ApiError.invalid("'stream' must be true or false");
    }
    OpenAiChat chat = OpenAiChat.parse(messages);
    String user = user(ctx, body);
    String scope = scope(ctx, user);
    String conversationId = explicitConversation(ctx);
    if (conversationId == null) {
      conversationId = chats.conversationFor(scope, chat.earlier());
    }
    Agent agent = bridge.agent().orElseThrow(() -> ApiError.unavailable("the agent"));
    String profile = body.getValue("model") instanceof String asked
        ? bridge.profiles().byModelId(asked).map(p -> p.id()).orElse(null) : null;
    Utterance utterance = new Utterance(chat.text(), null, conversationId, Channel.OPENAI, null, null, user)
        .withAgent(profile);
    String id = "chatcmpl-" + UUID.randomUUID().toString().replace("-", "");
    long created = System.currentTimeMillis() / 1000;
    String conversation = conversationId;
    if (Boolean.TRUE.equals(stream)) {
      new OpenAiStream(ctx, envelope(id, created, "chat.completion.chunk"), utterance).start(agent, chat.history())
          .onSuccess(sent -> chats.answered(scope, chat.answeredWith(sent), conversation));
    } else {
      agent.ask(utterance, chat.history()).onComplete(result -> {
        answer(ctx, id, created, result);
        if (result.succeeded()) {
          chats.answered(scope, chat.answeredWith(result.result().speech()), conversation);
        }
      });
    }
  }

  private void answer(RoutingContext ctx, String id, long created, AsyncResult<Reply> result) {
    if (result.failed()) {
      ctx.fail(result.cause());
      return;
    }
    Reply reply = result.result();
    JsonObject message = new JsonObject().put("role", "assistant").put("content", reply.speech());
    JsonObject choice = new JsonObject().put("index", 0).put("message", message).put("finish_reason", "stop");
    JsonObject completion = envelope(id, created, "chat.completion").put("choices", new JsonArray().add(choice));
    if (reply.cached() != null) {
      ctx.response().putHeader(CACHE_HEADER, "hit");
      completion.put(CACHED_FIELD, reply.cached().toJson());
    }
    Requests.json(ctx, completion);
  }

  private JsonObject envelope(String id, long created, String object) {
    return new JsonObject().put("id", id).put("object", object).put("created", created).put("model", model);
  }

  /** The API key's name when the request carried one, else the client's {@code user} field (checked either way). */
  private static String user(RoutingContext ctx, JsonObject body) {
    String field = Requests.optionalId(body, "user");
    String key = ctx.get(AccessGuard.KEY_NAME);
    return key != null ? key : field;
  }

  private static String explicitConversation(RoutingContext ctx) {
    String header = ctx.request().getHeader(CONVERSATION_HEADER);
    return header == null || header.isBlank() ? null
        : Requests.id(header.trim(), "the X-Harpou-Conversation-Id header");
  }

  /** What keeps chats apart besides their exchange: who asks, and the client's chat id when it sends one. */
  private static String scope(RoutingContext ctx, String user) {
    String chat = ctx.request().getHeader(OPEN_WEBUI_CHAT_HEADER);
    String checked = chat == null || chat.isBlank() ? "" : Requests.id(chat.trim(), "the X-OpenWebUI-Chat-Id header");
    return (user == null ? "" : user) + '\u0000' + checked;
  }
}
