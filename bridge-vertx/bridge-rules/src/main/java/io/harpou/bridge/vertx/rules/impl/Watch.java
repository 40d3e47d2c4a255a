package io.harpou.bridge.vertx.rules.impl;

import io.harpou.bridge.api.home.EntityState;
import io.harpou.bridge.api.home.HomeGateway;
import io.harpou.bridge.api.home.StateChange;
import io.harpou.bridge.vertx.rules.Rule;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * One rule watched against the home, on the rules' event loop. Each entity the rule concerns speaks once each time
 * the condition comes to hold (for as long as the rule asks), not again until it has stopped holding, and never twice
 * within the cooldown. A condition that holds already when the home is first read counts from the entity's last
 * change, so a door open for an hour at start-up is told at once; a one-time rule speaks only of a change that
 * happens after it was made ("tell me when the washing machine is done" is not answered by a machine already off).
 * Only entities exposed to the assistant are watched, for {@code when} and {@code while} alike: a rule never tells what
 * the assistant may not see.
 */
final class Watch {

  private final Rule rule;
  private final Vertx vertx;
  private final HomeGateway home;
  private final Predicate<String> exposed;
  private final Delivery delivery;
  private final Clock clock;
  private final Consumer<Rule> spokeOnce;
  private final Map<String, Long> timers = new HashMap<>();
  private final Set<String> told = new HashSet<>();
  private Instant lastTold;
  private boolean stopped;

  Watch(Rule rule, Vertx vertx, HomeGateway home, Predicate<String> exposed, Delivery delivery, Clock clock,
        Consumer<Rule> spokeOnce) {
    this.rule = rule;
    this.vertx = vertx;
    this.home = home;
    this.exposed = exposed;
    this.delivery = delivery;
    this.clock = clock;
    this.spokeOnce = spokeOnce;
  }

  Rule rule() {
    return rule;
  }

  /** Reads the home as it is now. */
  void start() {
    for (EntityState state : home.states()) {
      if (watched(state)) {
        if (rule.once() && holds(state)) {
          told.add(state.entityId());
        } else {
          evaluate(state, state.lastChanged() == null ? Instant.now(clock) : state.lastChanged());
        }
      }
    }
  }

  /** Follows one change in the home. */
  void changed(StateChange change) {
    EntityState now = change.newState();
    if (now == null || !exposed.test(change.entityId())) {
      cancel(change.entityId());
      told.remove(change.entityId());
    } else if (rule.when().concerns(now)) {
      evaluate(now, Instant.now(clock));
    }
    if (rule.whileAlso() != null && concernsWhile(change)) {
      home.states().stream().filter(this::watched).forEach(s -> evaluate(s, Instant.now(clock)));
    }
  }

  /** Cancels every pending timer. */
  void stop() {
    stopped = true;
    timers.values().forEach(vertx::cancelTimer);
    timers.clear();
  }

  private boolean watched(EntityState state) {
    return rule.when().concerns(state) && exposed.test(state.entityId());
  }

  private boolean concernsWhile(StateChange change) {
    return change.newState() != null && rule.whileAlso().concerns(change.newState())
        || change.oldState() != null && rule.whileAlso().concerns(change.oldState());
  }

  private boolean holds(EntityState state) {
    return rule.when().holds(state) && (rule.whileAlso() == null || home.states().stream()
        .anyMatch(s -> rule.whileAlso().concerns(s) && exposed.test(s.entityId()) && rule.whileAlso().holds(s)));
  }

  private void evaluate(EntityState state, Instant since) {
    String entityId = state.entityId();
    if (!holds(state)) {
      cancel(entityId);
      told.remove(entityId);
      return;
    }
    if (told.contains(entityId) || timers.containsKey(entityId)) {
      return;
    }
    long delay = rule.when().hold().minus(Duration.between(since, Instant.now(clock))).toMillis();
    if (delay <= 0) {
      tell(entityId);
    } else {
      timers.put(entityId, vertx.setTimer(delay, t -> {
        timers.remove(entityId);
        tell(entityId);
      }));
    }
  }

  private void tell(String entityId) {
    EntityState state = home.state(entityId).orElse(null);
    if (stopped || state == null || !exposed.test(entityId) || !holds(state)) {
      return;
    }
    told.add(entityId);
    Instant now = Instant.now(clock);
    if (lastTold != null && Duration.between(lastTold, now).compareTo(rule.cooldown()) < 0) {
      return;
    }
    lastTold = now;
    delivery.deliver(rule, state);
    if (rule.once()) {
      spokeOnce.accept(rule);
    }
  }

  private void cancel(String entityId) {
    Long timer = timers.remove(entityId);
    if (timer != null) {
      vertx.cancelTimer(timer);
    }
  }
}
