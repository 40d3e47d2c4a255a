package io.harpou.bridge.vertx.models.impl;

import io.harpou.bridge.api.event.ComponentStateChanged;
import io.harpou.bridge.api.event.EventPublisher;
import io.harpou.bridge.vertx.models.ModelFailure;
import io.vertx.core.Vertx;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each model's health. A model that fails (cannot be reached, answers with an error, does not answer in time) is
 * passed over for a rest that doubles with each failure in a row, up to a limit, then tried again; one success makes
 * it healthy. Each model is a component of {@code /health} ({@code model.NAME}), and the {@code agent} component is
 * degraded while any model is resting, naming the last failure. A prompt too long for a model says nothing about the
 * model, so it is not counted.
 */
public final class ModelStates {

  private static final Logger LOG = LoggerFactory.getLogger(ModelStates.class);
  private static final String AGENT = "agent";

  private final EventPublisher events;
  private final long backoffMillis;
  private final long maxBackoffMillis;
  private final Map<String, State> states = new HashMap<>();

  private static final class State {
    final String description;
    int failures;
    long restUntil;

    State(String description) {
      this.description = description;
    }
  }

  /** States for {@code clients}, all healthy; call {@link #reportAll()} to publish them. */
  public ModelStates(Vertx vertx, List<ModelClient> clients, long backoffMillis, long maxBackoffMillis) {
    this.events = new EventPublisher(vertx);
    this.backoffMillis = backoffMillis;
    this.maxBackoffMillis = maxBackoffMillis;
    clients.forEach(c -> states.put(c.spec().name(), new State(c.description())));
  }

  /** Publishes every model as ready. */
  public synchronized void reportAll() {
    states.forEach((name, state) -> publish("model." + name, "ready", state.description));
  }

  /** Whether the model is healthy or its rest is over, at {@code nowMillis}. */
  public synchronized boolean available(String name, long nowMillis) {
    State state = states.get(name);
    return state != null && (state.failures == 0 || nowMillis >= state.restUntil);
  }

  /** When the model's rest ends, 0 when it is healthy. */
  public synchronized long restUntil(String name) {
    State state = states.get(name);
    return state == null || state.failures == 0 ? 0 : state.restUntil;
  }

  /** Records a failure: logs it, rests the model and reports it; a prompt overflow is not the model's failure. */
  public synchronized void failed(String name, ModelFailure failure, long nowMillis) {
    if (failure.kind() == ModelFailure.Kind.OVERFLOW || failure.kind() == ModelFailure.Kind.BUDGET) {
      return;
    }
    State state = states.get(name);
    state.failures++;
    long rest = Math.min(maxBackoffMillis, backoffMillis << Math.min(20, state.failures - 1));
    state.restUntil = nowMillis + rest;
    LOG.warn("The language model ({}) failed: {}", state.description, failure.detail());
    LOG.debug("Language model failure", failure.getCause());
    publish("model." + name, "degraded", failure.detail() + "; passed over for " + rest / 1000 + " s");
    publish(AGENT, "degraded", failure.getMessage());
  }

  /** Records a success: a model that was failing is healthy again. */
  public synchronized void succeeded(String name) {
    State state = states.get(name);
    if (state.failures == 0) {
      return;
    }
    state.failures = 0;
    state.restUntil = 0;
    LOG.info("The language model ({}) answers again", state.description);
    publish("model." + name, "ready", state.description);
    if (states.values().stream().allMatch(s -> s.failures == 0)) {
      publish(AGENT, "ready", state.description);
    }
  }

  private void publish(String component, String state, String detail) {
    events.publish(new ComponentStateChanged(Instant.now(), component, state, detail));
  }
}
