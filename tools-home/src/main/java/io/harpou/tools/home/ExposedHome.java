package io.harpou.tools.home;

import io.harpou.bridge.api.home.Area;
import io.harpou.bridge.api.home.EntityState;
import io.harpou.bridge.api.home.HomeGateway;
import io.harpou.tools.home.impl.ExposedHomeImpl;
import java.util.List;
import java.util.Optional;

/**
 * The home as Harpou may see it: the gateway's entities filtered by an {@link ExposurePolicy}, with names, aliases and
 * areas joined. Tools, the local intent matcher and the agent's prompt all read the home through this view, so a
 * hidden entity does not exist for any of them. Reads come from the gateway's cache and are cheap; the name index is
 * rebuilt when entities appear, disappear or are renamed.
 */
public interface ExposedHome {

  /** A view over {@code gateway} applying {@code policy}. */
  static ExposedHome create(HomeGateway gateway, ExposurePolicy policy) {
    return new ExposedHomeImpl(gateway, policy);
  }

  /**
   * The underlying gateway, for reads. Tools act through the gateway of their own context, which the policy may
   * guard, never through this one.
   */
  HomeGateway gateway();

  /** Every visible entity. */
  List<HomeEntity> entities();

  /** A visible entity, or empty when it is unknown or hidden. */
  Optional<HomeEntity> entity(String entityId);

  /** The current state of a visible entity, or empty when it is unknown or hidden. */
  Optional<EntityState> state(String entityId);

  /** The areas that hold at least one visible entity. */
  List<Area> areas();

  /** An area by id, name or alias (case, accents and articles ignored), or empty. */
  Optional<Area> area(String idOrName);
}
