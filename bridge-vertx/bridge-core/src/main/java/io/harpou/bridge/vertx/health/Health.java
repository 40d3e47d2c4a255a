package io.harpou.bridge.vertx.health;

import io.harpou.bridge.api.BridgeAddresses;
import io.harpou.bridge.api.event.BridgeEvent;
import io.harpou.bridge.api.event.ComponentStateChanged;
import io.harpou.bridge.api.event.EventPublisher;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The latest state of every component, kept from the {@link ComponentStateChanged} events on the bus, so a component
 * reports its state once (as an event) and {@code /health}, the console and metrics all see it.
 *
 * <p>A component whose state is one of {@link #FAILED_STATES} makes the hub {@code down} (unhealthy); one in
 * {@link #DEGRADED_STATES} makes it {@code degraded}: it answers, but cannot do all its work (Home Assistant
 * unreachable, the model failing). Any other state is healthy.
 */
public final class Health {

  /** States that mean a component is not doing its job. */
  public static final Set<String> FAILED_STATES = Set.of("failed", "auth_failed", "down");
  /** States that mean a component works only in part, or not yet, and is retrying on its own. */
  public static final Set<String> DEGRADED_STATES = Set.of("degraded", "connecting", "reconnecting");

  private final Vertx vertx;
  private final EventPublisher events;
  private final Map<String, ComponentStateChanged> components = new TreeMap<>();
  private final Map<String, Supplier<JsonObject>> sections = new TreeMap<>();
  private MessageConsumer<JsonObject> consumer;

  /** Creates an empty health record; call {@link #listen()} to follow the bus. */
  public Health(Vertx vertx) {
    this.vertx = vertx;
    this.events = new EventPublisher(vertx);
  }

  /** Follows component events on {@link BridgeAddresses#EVENTS}. */
  public Health listen() {
    consumer = vertx.eventBus().localConsumer(BridgeAddresses.EVENTS, message -> {
      JsonObject body = message.body();
      if (ComponentStateChanged.KIND.equals(body.getString("kind"))) {
        record((ComponentStateChanged) BridgeEvent.fromJson(body));
      }
    });
    return this;
  }

  /** Reports a component's state: records it and publishes it for everyone else. */
  public void report(String component, String state, String detail) {
    ComponentStateChanged event = new ComponentStateChanged(Instant.now(), component, state, detail);
    record(event);
    events.publish(event);
  }

  /**
   * Adds a live section to the {@code /health} body, read at each request: details a component's one-line state
   * cannot hold (each MCP server's tools, last error and next retry).
   */
  public synchronized void section(String name, Supplier<JsonObject> content) {
    sections.put(name, content);
  }

  /** True when no component is in a failed state. */
  public synchronized boolean healthy() {
    return components.values().stream().noneMatch(c -> FAILED_STATES.contains(c.state()));
  }

  /**
   * The {@code /health} body: the overall status ({@code up}, {@code degraded} or {@code down}), each component with
   * its state, detail and since when, unless up, {@code problems}: each failed or degraded component with why, and
   * the live {@link #section sections}.
   */
  public synchronized JsonObject toJson() {
    JsonObject list = new JsonObject();
    JsonObject problems = new JsonObject();
    components.forEach((name, event) -> {
      JsonObject entry = new JsonObject().put("state", event.state()).put("since", event.time().toString());
      if (event.detail() != null) {
        entry.put("detail", event.detail());
      }
      list.put(name, entry);
      if (FAILED_STATES.contains(event.state()) || DEGRADED_STATES.contains(event.state())) {
        problems.put(name, event.state() + (event.detail() == null ? "" : ": " + event.detail()));
      }
    });
    String status = !healthy() ? "down" : problems.isEmpty() ? "up" : "degraded";
    JsonObject body = new JsonObject().put("status", status);
    if (!problems.isEmpty()) {
      body.put("problems", problems);
    }
    body.put("components", list);
    sections.forEach((name, content) -> body.put(name, content.get()));
    return body;
  }

  /** Stops following the bus; the Future completes once unregistered. */
  public Future<Void> close() {
    return consumer == null ? Future.succeededFuture() : consumer.unregister();
  }

  private synchronized void record(ComponentStateChanged event) {
    components.put(event.component(), event);
  }
}
