package io.harpou.bridge.vertx.ha.impl;

import io.harpou.bridge.api.BridgeAddresses;
import io.harpou.bridge.api.home.Area;
import io.harpou.bridge.api.home.Device;
import io.harpou.bridge.api.home.EntityEntry;
import io.harpou.bridge.api.home.EntityState;
import io.harpou.bridge.api.home.Floor;
import io.harpou.bridge.api.home.HomeGateway;
import io.harpou.bridge.api.home.Registration;
import io.harpou.bridge.api.home.StateChange;
import io.harpou.bridge.vertx.ha.EntityStateCache;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The home as Harpou mirrors it: the state cache and the joined registries, read without asking Home Assistant, and
 * the fan-out of each state change to handlers and the event bus.
 */
abstract class MirroredHome implements HomeGateway {

  private static final Logger LOG = LoggerFactory.getLogger(MirroredHome.class);

  protected final Vertx vertx;
  protected final EntityStateCache cache = EntityStateCache.create();
  protected final HomeModel model = new HomeModel();
  private final List<Handler<StateChange>> changeHandlers = new CopyOnWriteArrayList<>();

  MirroredHome(Vertx vertx) {
    this.vertx = vertx;
  }

  /** Passes a change to every handler, then publishes it on {@link BridgeAddresses#HOME_STATE_CHANGED}. */
  protected void emit(StateChange change) {
    for (Handler<StateChange> handler : changeHandlers) {
      try {
        handler.handle(change);
      } catch (RuntimeException e) {
        LOG.warn("A state change handler failed: {}", e.toString());
      }
    }
    vertx.eventBus().publish(BridgeAddresses.HOME_STATE_CHANGED, change.toJson());
  }

  @Override
  public Registration onStateChange(Handler<StateChange> handler) {
    changeHandlers.add(handler);
    return () -> changeHandlers.remove(handler);
  }

  @Override
  public Collection<EntityState> states() {
    return cache.states();
  }

  @Override
  public Optional<EntityState> state(String entityId) {
    return cache.get(entityId);
  }

  @Override
  public List<Floor> floors() {
    return model.floors();
  }

  @Override
  public List<Area> areas() {
    return model.areas();
  }

  @Override
  public List<Device> devices() {
    return model.devices();
  }

  @Override
  public List<EntityEntry> entities() {
    return model.entities();
  }

  @Override
  public Optional<Area> areaOf(String entityId) {
    return model.areaOf(entityId);
  }
}
