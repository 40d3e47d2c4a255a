package io.harpou.tools.home.impl;

import io.harpou.bridge.api.home.Area;
import io.harpou.bridge.api.home.ConnectionState;
import io.harpou.bridge.api.home.EntityState;
import io.harpou.bridge.api.home.HomeGateway;
import io.harpou.tools.home.ExposedHome;
import io.harpou.tools.home.Exposure;
import io.harpou.tools.home.ExposurePolicy;
import io.harpou.tools.home.HomeEntity;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exposed view; the index is rebuilt lazily after an entity appears, disappears or is renamed, or the household
 * hides other entities, and once the home is in sync when it was built before (Home Assistant unreachable or
 * rejecting the token at first: its first load reports no changes).
 */
public final class ExposedHomeImpl implements ExposedHome {

  private static final Logger LOG = LoggerFactory.getLogger(ExposedHomeImpl.class);

  /** Registries may change without a state change (a new alias); the index is refreshed at least this often. */
  private static final long MAX_AGE_NANOS = 30_000_000_000L;
  /** MediaPlayerEntityFeature.SEARCH_MEDIA. */
  private static final int SEARCH_MEDIA = 1 << 22;

  private final HomeGateway gateway;
  private final ExposurePolicy policy;
  private volatile Set<String> hidden = Set.of();
  private volatile HomeIndex index;
  private volatile boolean dirty = true;
  private volatile boolean builtInSync;
  private volatile long builtAt;
  private final AtomicBoolean refreshing = new AtomicBoolean();

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

  /**
   * The current index. After an entity appeared, disappeared or was renamed it is rebuilt before answering; when it is
   * merely old, the old one answers while a fresh one is built in the background, so a large house never stalls the
   * caller (often an event loop) on a periodic refresh.
   */
  HomeIndex index() {
    HomeIndex current = index;
    if (current == null || dirty || !builtInSync && inSync()) {
      synchronized (this) {
        if (index == null || dirty || !builtInSync && inSync()) {
          dirty = false;
          builtInSync = inSync();
          long now = System.nanoTime();
          index = HomeIndex.build(gateway, policyHiding(hidden));
          builtAt = now;
        }
        return index;
      }
    }
    if (System.nanoTime() - builtAt > MAX_AGE_NANOS && refreshing.compareAndSet(false, true)) {
      ForkJoinPool.commonPool().execute(this::refresh);
    }
    return current;
  }

  private void refresh() {
    try {
      long now = System.nanoTime();
      Set<String> hiding = hidden;
      HomeIndex fresh = HomeIndex.build(gateway, policyHiding(hiding));
      synchronized (this) {
        if (!dirty && hiding == hidden) {
          index = fresh;
          builtAt = now;
        }
      }
    } catch (RuntimeException e) {
      LOG.warn("refreshing the home index failed, keeping the previous one: {}", e.toString());
      builtAt = System.nanoTime();
    } finally {
      refreshing.set(false);
    }
  }

  /**
   * Leaves {@code ids} (the entities the household's settings hide) out of the view from now on; the index is rebuilt
   * before its next answer when they differ from those left out so far.
   */
  void hide(Set<String> ids) {
    if (!ids.equals(hidden)) {
      synchronized (this) {
        hidden = Set.copyOf(ids);
        dirty = true;
      }
    }
  }

  private ExposurePolicy policyHiding(Set<String> ids) {
    return ids.isEmpty() ? policy : (entityId, areaId, deviceClass, disabled) -> ids.contains(entityId)
        ? Exposure.HIDDEN : policy.classify(entityId, areaId, deviceClass, disabled);
  }

  private boolean inSync() {
    return gateway.connectionState() == ConnectionState.CONNECTED;
  }

  /** True when the entity is a Music Assistant player. */
  boolean isMusicAssistant(String entityId) {
    return index().musicAssistant.contains(entityId);
  }

  /** True when the player searches its media ({@code media_player.search_media}, the SEARCH_MEDIA feature). */
  boolean searchesMedia(String entityId) {
    return (gateway.state(entityId).map(s -> s.attributes().getInteger("supported_features", 0)).orElse(0)
        & SEARCH_MEDIA) != 0;
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
    HomeIndex current = index();
    return current.areasById.values().stream().filter(a -> current.hasEntities(a.areaId())).toList();
  }

  @Override
  public Optional<Area> area(String idOrName) {
    return Optional.ofNullable(index().area(idOrName));
  }
}
