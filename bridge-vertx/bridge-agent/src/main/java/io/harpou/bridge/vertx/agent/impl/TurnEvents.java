package io.harpou.bridge.vertx.agent.impl;

import io.harpou.bridge.api.BridgeAddresses;
import io.harpou.bridge.api.event.BridgeEvent;
import io.harpou.bridge.api.event.EventPublisher;
import io.vertx.core.Vertx;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Publishes a turn's events, and remembers which turn each conversation is in so tool events name it. */
public final class TurnEvents {

  private final EventPublisher publisher;
  private final Map<String, String> turnOfConversation = new ConcurrentHashMap<>();

  /** Creates a publisher on {@code vertx}'s event bus. */
  public TurnEvents(Vertx vertx) {
    this.publisher = new EventPublisher(vertx);
  }

  /** Publishes an event on {@link BridgeAddresses#EVENTS}. */
  public void publish(BridgeEvent event) {
    publisher.publish(event);
  }

  void begin(String conversationId, String turnId) {
    turnOfConversation.put(conversationId, turnId);
  }

  void end(String conversationId, String turnId) {
    turnOfConversation.remove(conversationId, turnId);
  }

  /** True while a turn of the conversation is under way. */
  boolean inTurn(String conversationId) {
    return turnOfConversation.containsKey(conversationId);
  }

  /** The current turn of a conversation, or a marker for calls outside any turn (background tasks). */
  String turnOf(String conversationId) {
    return turnOfConversation.getOrDefault(conversationId, "background");
  }
}
