package io.harpou.bridge.vertx.http.impl;

import io.harpou.bridge.api.agent.Action;
import io.harpou.bridge.api.agent.ActionTarget;
import io.harpou.bridge.api.agent.Agent;
import io.harpou.bridge.api.agent.Channel;
import io.harpou.bridge.api.agent.Reply;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.vertx.http.HttpApiServices;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /api/conversation/process} in Home Assistant's request and response shape, so clients of HA's
 * conversation API work against Harpou unchanged. The request may say where it comes from ({@code device_id},
 * {@code satellite_id}, {@code area}: see {@link RequestPlace}), so "turn on the lights in here" or "pause" work from
 * any door.
 */
public final class ConversationHandler {

  static final int MAX_TEXT = 4000;

  private final HttpApiServices bridge;

  /** A handler asking the bridge's agent. */
  public ConversationHandler(HttpApiServices bridge) {
    this.bridge = bridge;
  }

  /** Adds the route. */
  public void mount(Router router) {
    router.post("/api/conversation/process").handler(this::process);
  }

  private void process(RoutingContext ctx) {
    JsonObject body = Requests.jsonBody(ctx);
    String text = Requests.requiredText(body, "text", MAX_TEXT);
    String language = Requests.optionalString(body, "language");
    String conversationId = Requests.optionalId(body, "conversation_id");
    String agentId = profileOf(Requests.optionalString(body, "agent_id"));
    RequestPlace place = RequestPlace.of(body, bridge);
    Agent agent = bridge.agent().orElseThrow(() -> ApiError.unavailable("the agent"));
    Utterance utterance = new Utterance(text, language, conversationId, Channel.HTTP, place.room(),
        place.satellite(), ctx.get(AccessGuard.KEY_NAME)).withAgent(agentId);
    agent.ask(utterance).onComplete(result -> {
      if (result.succeeded()) {
        Requests.json(ctx, toHomeAssistant(result.result(), utterance));
      } else {
        ctx.fail(result.cause());
      }
    });
  }

  /**
   * The agent profile {@code agentId} names, as Home Assistant names agents ({@code kitchen} or
   * {@code conversation.kitchen}); null for the hub's own agent (no id, or Home Assistant's or Harpou's own).
   */
  private String profileOf(String agentId) {
    if (agentId == null || agentId.isBlank()) {
      return null;
    }
    String id = agentId.startsWith("conversation.") ? agentId.substring("conversation.".length()) : agentId;
    if (bridge.profiles().byId(id).isPresent()) {
      return id;
    }
    if (bridge.profiles().all().isEmpty() || id.equals("harpou") || id.equals("home_assistant")) {
      return null;
    }
    throw ApiError.notFound("no agent profile '" + (id.length() > 64 ? id.substring(0, 64) : id) + "'; known: "
        + String.join(", ", bridge.profiles().all().stream().map(p -> p.id()).toList()));
  }

  /** Home Assistant's {@code ConversationResult} JSON for a reply. */
  static JsonObject toHomeAssistant(Reply reply, Utterance utterance) {
    JsonArray success = new JsonArray();
    JsonArray failed = new JsonArray();
    for (Action action : reply.actions()) {
      for (ActionTarget target : action.targets()) {
        (action.success() ? success : failed).add(target.toJson());
      }
    }
    String type = reply.type().jsonName();
    JsonObject data;
    if (reply.type() == Reply.Type.ERROR) {
      data = new JsonObject().put("code", reply.actions().isEmpty() ? "no_intent_match" : "failed_to_handle");
    } else {
      if (reply.type() == Reply.Type.ACTION_DONE && !success.isEmpty() && !failed.isEmpty()) {
        type = "partial_action_done";
      }
      data = new JsonObject().put("targets", new JsonArray()).put("success", success).put("failed", failed);
    }
    JsonObject response = new JsonObject()
        .put("speech", new JsonObject().put("plain",
            new JsonObject().put("speech", reply.speech()).putNull("extra_data")))
        .put("card", new JsonObject())
        .put("language", utterance.language())
        .put("response_type", type)
        .put("data", data);
    // The utterance's id is the caller's (HA keeps caller-chosen ids) or the one generated for a new conversation.
    JsonObject result = new JsonObject().put("response", response).put("conversation_id", utterance.conversationId())
        .put("continue_conversation", reply.continueConversation());
    // Harpou's own addition, which Home Assistant's clients ignore: the answer was served again, not asked anew.
    return reply.cached() == null ? result : result.put("cached", reply.cached().toJson());
  }
}
