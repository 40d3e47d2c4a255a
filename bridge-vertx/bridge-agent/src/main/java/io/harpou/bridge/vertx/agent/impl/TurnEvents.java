package io.harpou.bridge.vertx.agent.impl;

import io.harpou.bridge.api.BridgeAddresses;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.event.BridgeEvent;
import io.harpou.bridge.api.event.EventPublisher;
import io.vertx.core.Vertx;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Publishes a turn's events, and remembers which turn each utterance belongs to so tool events name it. The very
 * utterance object of a turn is the key, not its conversation: two turns of one conversation may overlap, and a
 * background task acting for an earlier turn's utterance must not be counted in the turn under way.
 */
public final class TurnEvents {

  /** The turn id given to calls outside any turn (background tasks, timers). */
  static final String BACKGROUND = "background";

  private final EventPublisher publisher;
  private final Map<Utterance, String> turnOfUtterance = Collections.synchronizedMap(new IdentityHashMap<>());

  /** Creates a publisher on {@code vertx}'s event bus. */
  public TurnEvents(Vertx vertx) {
    this.publisher = new EventPublisher(vertx);
  }

  /** Publishes an event on {@link BridgeAddresses#EVENTS}. */
  public void publish(BridgeEvent event) {
    publisher.publish(event);
  }

  void begin(Utterance utterance, String turnId) {
    turnOfUtterance.put(utterance, turnId);
  }

  /** Counts {@code derived}, an utterance made for {@code current}'s turn (a confirmed request), in that turn. */
  void join(Utterance derived, Utterance current) {
    String turnId = turnOfUtterance.get(current);
    if (turnId != null) {
      turnOfUtterance.put(derived, turnId);
    }
  }

  void end(String turnId) {
    synchronized (turnOfUtterance) {
      turnOfUtterance.values().removeIf(turnId::equals);
    }
  }

  /** True while the turn of this utterance is under way. */
  boolean inTurn(Utterance utterance) {
    return turnOfUtterance.containsKey(utterance);
  }

  /** The turn of an utterance, or {@link #BACKGROUND} for calls outside any turn. */
  String turnOf(Utterance utterance) {
    return turnOfUtterance.getOrDefault(utterance, BACKGROUND);
  }
}
