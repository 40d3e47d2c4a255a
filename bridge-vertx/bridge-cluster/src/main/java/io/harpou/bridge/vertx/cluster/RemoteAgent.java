package io.harpou.bridge.vertx.cluster;

import io.harpou.bridge.api.BridgeAddresses;
import io.harpou.bridge.api.agent.Agent;
import io.harpou.bridge.api.agent.ChatHistory;
import io.harpou.bridge.api.agent.Reply;
import io.harpou.bridge.api.agent.Utterance;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;

/**
 * The agent as a node without the {@code agent} role sees it: each turn is sent on {@link BridgeAddresses#AGENT_ASK}
 * to one of the agent nodes, with the history when the client holds it (an OpenAI-style chat front end). A turn is
 * sent once and never again: an agent node that dies mid-turn may have acted already, so the reply says the truth (no
 * answer came, whether it acted is unknown) rather than running the turn a second time on another node. A turn that
 * reached no agent node did not run, and says so.
 */
public final class RemoteAgent implements Agent {

  private final Vertx vertx;
  private final DeliveryOptions delivery;

  /** An agent reached over {@code vertx}'s clustered event bus, waiting {@code agent_timeout_ms} for a reply. */
  public RemoteAgent(Vertx vertx, ClusterOptions options) {
    this.vertx = vertx;
    this.delivery = new DeliveryOptions().setSendTimeout(options.getAgentTimeoutMs());
  }

  @Override
  public Future<Reply> ask(Utterance utterance, ChatHistory history) {
    JsonObject turn = utterance.toJson();
    if (history != null) {
      // The agent reads no more than its latest messages: the older ones need not cross the network.
      turn.put(BridgeAddresses.AGENT_ASK_HISTORY, history.latest(ChatHistory.MAX_MESSAGES).toJson());
    }
    return vertx.eventBus().<JsonObject>request(BridgeAddresses.AGENT_ASK, turn, delivery)
        .map(message -> Reply.fromJson(message.body()))
        .otherwise(failure -> Reply.error(explain(failure), utterance.conversationId()));
  }

  private static String explain(Throwable failure) {
    if (failure instanceof ReplyException reply) {
      if (reply.failureType() == ReplyFailure.NO_HANDLERS) {
        return "No agent is running in the cluster just now, so nothing was done. Try again in a moment.";
      }
      if (reply.failureType() == ReplyFailure.TIMEOUT) {
        return "The agent working on this stopped answering, so I cannot tell whether it was done. Check before"
            + " asking again.";
      }
    }
    return "The agent could not finish this: " + failure.getMessage();
  }
}
