package io.harpou.bridge.vertx.agent;

import io.harpou.bridge.api.BridgeAddresses;
import io.harpou.bridge.api.agent.Agent;
import io.harpou.bridge.api.agent.ChatHistory;
import io.harpou.bridge.api.agent.Utterance;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;

/**
 * Serves {@link Agent#ask} on {@link BridgeAddresses#AGENT_ASK}: an {@link Utterance} as JSON in, a
 * {@link io.harpou.bridge.api.agent.Reply} as JSON out, with the client's {@link ChatHistory} when the message carries
 * one (bounded as {@link ChatHistory#fromJson} says). A message that is not a valid utterance is answered with
 * failure code 400 and the reason.
 */
public class AgentVerticle extends VerticleBase {

  /** The failure code for a malformed utterance. */
  public static final int BAD_REQUEST = 400;

  private final Agent agent;
  private MessageConsumer<JsonObject> consumer;

  /** Serves {@code agent}. */
  public AgentVerticle(Agent agent) {
    this.agent = agent;
  }

  @Override
  public Future<?> start() {
    consumer = vertx.eventBus().consumer(BridgeAddresses.AGENT_ASK, message -> {
      Utterance utterance;
      ChatHistory history;
      try {
        utterance = Utterance.fromJson(message.body());
        JsonObject held = message.body().getJsonObject(BridgeAddresses.AGENT_ASK_HISTORY);
        history = held == null ? null : ChatHistory.fromJson(held);
      } catch (RuntimeException e) {
        message.fail(BAD_REQUEST, "not an utterance: " + e.getMessage());
        return;
      }
      agent.ask(utterance, history).onComplete(ar -> {
        if (ar.succeeded()) {
          message.reply(ar.result().toJson());
        } else {
          message.fail(500, ar.cause().getMessage());
        }
      });
    });
    return consumer.completion();
  }

  @Override
  public Future<?> stop() {
    return consumer == null ? Future.succeededFuture() : consumer.unregister();
  }
}
