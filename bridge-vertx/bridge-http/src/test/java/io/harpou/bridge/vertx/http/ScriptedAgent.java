package io.harpou.bridge.vertx.http;

import io.harpou.bridge.api.BridgeAddresses;
import io.harpou.bridge.api.agent.Agent;
import io.harpou.bridge.api.agent.ChatHistory;
import io.harpou.bridge.api.agent.Reply;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.event.ReplySent;
import io.harpou.bridge.api.event.Thinking;
import io.harpou.bridge.api.event.TurnStarted;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A tiny agent for tests: records each utterance, streams optional fragments as events, then replies. */
final class ScriptedAgent implements Agent {

  final List<Utterance> heard = new CopyOnWriteArrayList<>();
  final List<ChatHistory> histories = new CopyOnWriteArrayList<>();
  private final Vertx vertx;
  private volatile Function<Utterance, Reply> replies;
  private volatile List<String> fragments = List.of();

  ScriptedAgent(Vertx vertx, Function<Utterance, Reply> replies) {
    this.vertx = vertx;
    this.replies = replies;
  }

  ScriptedAgent streaming(List<String> parts) {
    this.fragments = List.copyOf(parts);
    return this;
  }

  @Override
  public Future<Reply> ask(Utterance utterance, ChatHistory history) {
    heard.add(utterance);
    histories.add(history);
    String turn = UUID.randomUUID().toString();
    vertx.eventBus().publish(BridgeAddresses.EVENTS, new TurnStarted(Instant.now(), turn, utterance).toJson());
    for (String part : fragments) {
      vertx.eventBus().publish(BridgeAddresses.EVENTS,
          new Thinking(Instant.now(), turn, utterance.conversationId(), part, false).toJson());
    }
    Reply reply = replies.apply(utterance);
    // Let the streamed fragments reach their listeners before the reply ends the turn.
    return vertx.timer(20).map(t -> {
      vertx.eventBus().publish(BridgeAddresses.EVENTS, new ReplySent(Instant.now(), turn, reply).toJson());
      return reply;
    });
  }
}
