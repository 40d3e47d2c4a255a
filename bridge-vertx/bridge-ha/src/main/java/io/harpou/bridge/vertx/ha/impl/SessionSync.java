package io.harpou.bridge.vertx.ha.impl;

import io.harpou.bridge.api.BridgeAddresses;
import io.harpou.bridge.api.home.HomeAssistantException;
import io.harpou.bridge.api.home.StateChange;
import io.harpou.bridge.vertx.ha.EntityStateCache;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a fresh connection does before it counts as connected: enable coalescing, subscribe to the compressed state
 * stream (its first event replaces the cache), read the four registries and subscribe to their update events. All
 * commands are sent at once and answered in any order; the registries are re-read after each burst of updates.
 */
final class SessionSync {

  private static final Logger LOG = LoggerFactory.getLogger(SessionSync.class);

  /** Registry update events come in bursts (a device and its entities); one re-read per burst is enough. */
  private static final long REFRESH_DEBOUNCE_MS = 100;

  private final Vertx vertx;
  private final long timeoutMs;
  private final EntityStateCache cache;
  private final HomeModel model;
  private final Consumer<StateChange> emit;
  private final Set<String> refreshing = new HashSet<>();

  SessionSync(Vertx vertx, long timeoutMs, EntityStateCache cache, HomeModel model, Consumer<StateChange> emit) {
    this.vertx = vertx;
    this.timeoutMs = timeoutMs;
    this.cache = cache;
    this.model = model;
    this.emit = emit;
  }

  /**
   * Brings the cache and the registries in line with Home Assistant over {@code c}.
   *
   * @param reportDifferences pass the differences found by the first state event to the change consumer (on a
   *     resync), rather than loading silently (on the very first sync)
   */
  Future<Void> run(HaConnection c, boolean reportDifferences) {
    Promise<Void> initialStates = Promise.promise();
    List<Future<?>> steps = new ArrayList<>();
    steps.add(c.call(new JsonObject().put("type", "supported_features")
        .put("features", new JsonObject().put("coalesce_messages", 1)), timeoutMs));
    steps.add(c.subscribe(new JsonObject().put("type", "subscribe_entities"), timeoutMs, event -> {
      if (!initialStates.future().isComplete()) {
        cache.replaceAll(event, reportDifferences ? emit : change -> { });
        initialStates.tryComplete();
      } else {
        cache.apply(event, emit);
      }
    }));
    steps.add(initialStates.future());
    for (String registry : HomeModel.REGISTRIES) {
      steps.add(load(c, registry));
      steps.add(c.subscribe(new JsonObject().put("type", "subscribe_events")
          .put("event_type", registry + "_registry_updated"), timeoutMs, e -> scheduleRefresh(c, registry)));
    }
    long timer = vertx.setTimer(timeoutMs, t -> initialStates.tryFail(new HomeAssistantException(
        HomeAssistantException.TIMEOUT, "no initial states within " + timeoutMs + " ms")));
    c.closed().onFailure(initialStates::tryFail);
    return Future.all(steps).<Void>mapEmpty().onComplete(done -> vertx.cancelTimer(timer));
  }

  private Future<Void> load(HaConnection c, String registry) {
    return c.call(new JsonObject().put("type", "config/" + registry + "_registry/list"), timeoutMs).map(list -> {
      model.update(registry, list instanceof JsonArray array ? array : new JsonArray());
      return null;
    });
  }

  private void scheduleRefresh(HaConnection c, String registry) {
    if (refreshing.add(registry)) {
      vertx.setTimer(REFRESH_DEBOUNCE_MS, t -> {
        refreshing.remove(registry);
        if (c.isOpen()) {
          load(c, registry)
              .onSuccess(v -> vertx.eventBus().publish(BridgeAddresses.HOME_REGISTRY_CHANGED,
                  new JsonObject().put("registry", registry)))
              .onFailure(e -> LOG.warn("Could not re-read the {} registry: {}", registry, e.getMessage()));
        }
      });
    }
  }
}
