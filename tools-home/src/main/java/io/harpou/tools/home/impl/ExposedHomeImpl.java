package io.harpou.tools.home.impl;

import io.harpou.bridge.api.home.Area;
import io.harpou.bridge.api.home.EntityState;
import io.harpou.bridge.api.home.HomeGateway;
import io.harpou.tools.home.ExposedHome;
import io.harpou.tools.home.ExposurePolicy;
import io.harpou.tools.home.HomeEntity;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The exposed view; the index is rebuilt lazily after an entity appears, disappears or is renamed. */
public final class ExposedHomeImpl implements ExposedHome {

  /** Registries may change without a state change (a new alias); the index is refreshed at least this often. */
  private static final long MAX_AGE_NANOS = 30_000_000_000L;

  private final HomeGateway gateway;
  private final ExposurePolicy policy;
  private volatile HomeIndex index;
  private volatile boolean dirty = true;
  private volatile long builtAt;

  /** A view over {@code gateway}; subscribes to state changes to notice new, removed and renamed entities. */
  public ExposedHomeImpl(HomeGateway gateway, ExposurePolicy policy) {
    this.gateway = Objects.requireNonNull(gateway, "gateway");
    this.policy = Objects.requireNonNull(policy, "policy");
    gateway.onStateChange(change -> {
      EntityState before = change.oldState();
      EntityState after = change.newState();
      if (before == null || after == null || !before.friendlyName().equals(after.friendlyName())) {
        dirty = true;
      }
    });
  }

  HomeIndex index() {
    HomeIndex current = index;
    long now = System.nanoTime();
    if (current == null || dirty || now - builtAt > MAX_AGE_NANOS) {
      synchronized (this) {
        if (index == null || dirty || now - builtAt > MAX_AGE_NANOS) {
          dirty = false;
          index = HomeIndex.build(gateway, policy);
          builtAt = now;
        }
        current = index;
      }
    }
    return current;
  }

  /** Forces the next read to rebuild the index (after a registry change). */
  public void invalidate() {
    dirty = true;
  }

  @Override
  public HomeGateway gateway() {
    return gateway;
  }

  @Override
  public List<HomeEntity> entities() {
    return index().entities;
  }

  @Override
  public Optional<HomeEntity> entity(String entityId) {
    return Optional.ofNullable(entityId == null ? null : index().byId.get(entityId));
  }

  @Override
  public Optional<EntityState> state(String entityId) {
    return entity(entityId).flatMap(e -> gateway.state(e.entityId()));
  }

  @Override
  public List<Area> areas() {
    return List.copyOf(index().areasById.values());
  }

  @Override
  public Optional<Area> area(String idOrName) {
    return Optional.ofNullable(index().area(idOrName));
  }
}
