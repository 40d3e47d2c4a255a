package io.harpou.tools.home.impl;

import io.harpou.tools.home.HomeEntity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Which media player a command without a player's name means: the one playing, the room's, or a question. */
final class PlayerChoice {

  private PlayerChoice() {
  }

  private static final Set<String> MEDIA = Set.of("media_player");

  /** True when {@code name} is only a kind of player ("the music", "the speaker") and names no entity. */
  static boolean generic(IntentHandlers h, String name) {
    Resolver.Spoken spoken = Resolver.spoken(name);
    Set<String> kinds = h.vocabulary.domains(spoken.keyText());
    return kinds != null && kinds.equals(MEDIA) && !h.index.byName.containsKey(spoken.keyText());
  }

  /**
   * With no player named: the one playing (paused, to resume) in the speaker's room, else in the home; when none is,
   * the room's only player, else a question among the room's players (or the home's).
   */
  static Resolution byActivity(IntentHandlers h, boolean resume) {
    String wanted = resume ? "paused" : "playing";
    var area = h.index.area(h.room);
    List<HomeEntity> here = area == null ? List.of() : h.index.inArea(area.areaId(), MEDIA);
    List<HomeEntity> everywhere = h.index.ofDomain("media_player");
    List<HomeEntity> active = inState(h, here, wanted);
    if (active.isEmpty()) {
      active = inState(h, everywhere, wanted);
    }
    if (active.size() == 1) {
      return Resolution.found(active, area);
    }
    if (active.size() > 1) {
      return Resolution.ambiguous(active, null, List.of("media_player"));
    }
    List<HomeEntity> pool = here.isEmpty() ? everywhere : here;
    if (pool.isEmpty()) {
      return null;
    }
    return pool.size() == 1 ? Resolution.found(pool, area) : Resolution.ambiguous(pool, area, List.of("media_player"));
  }

  private static List<HomeEntity> inState(IntentHandlers h, List<HomeEntity> players, String state) {
    List<HomeEntity> out = new ArrayList<>();
    for (HomeEntity e : players) {
      if (h.home.gateway().state(e.entityId()).map(st -> state.equals(st.state())).orElse(false)) {
        out.add(e);
      }
    }
    return out;
  }
}
