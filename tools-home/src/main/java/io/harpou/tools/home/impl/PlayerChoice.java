package io.harpou.tools.home.impl;

import io.harpou.tools.home.HomeEntity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Which media player a command without a player's name means: the one playing, the room's, or a question. */
final class PlayerChoice {

  private static final Set<String> MEDIA = Set.of("media_player");
  /** States of a player in use though not playing: a TV that is on. Idle and standby are not in use. */
  private static final Set<String> IN_USE = Set.of("on", "paused", "buffering", "playing");

  private PlayerChoice() {
  }

  /** True when {@code name} is only a kind of player ("the music", "the speaker") and names no entity. */
  static boolean generic(MatchContext c, String name) {
    Resolver.Spoken spoken = Resolver.spoken(name);
    Set<String> kinds = c.vocabulary.domains(spoken.keyText());
    return kinds != null && kinds.equals(MEDIA) && !c.index.byName.containsKey(spoken.keyText());
  }

  /**
   * With no player named: the one playing (paused, to resume) in the speaker's room, else the room's one player that
   * is on, else the one playing in the home; when none is, the room's only player, else a question among the room's
   * players (or the home's).
   */
  static Resolution byActivity(MatchContext c, boolean resume) {
    String wanted = resume ? "paused" : "playing";
    var area = c.index.area(c.room);
    List<HomeEntity> here = area == null ? List.of() : c.index.inArea(area.areaId(), MEDIA);
    List<HomeEntity> everywhere = c.index.ofDomain("media_player");
    List<HomeEntity> active = inState(c, here, wanted);
    if (active.isEmpty()) {
      // "Mute" by the bedroom TV that is on (or paused), though music plays in the kitchen: the room's own player.
      List<HomeEntity> on = here.stream().filter(p -> isOn(c, p)).toList();
      active = on.size() == 1 && !resume ? on : inState(c, everywhere, wanted);
    }
    if (active.size() == 1) {
      return Resolution.found(active, null);
    }
    if (active.size() > 1) {
      return Resolution.ambiguous(active, null, List.of("media_player"));
    }
    List<HomeEntity> pool = here.isEmpty() ? everywhere : here;
    if (pool.isEmpty()) {
      return null;
    }
    return pool.size() == 1 ? Resolution.found(pool, null)
        : Resolution.ambiguous(pool, null, List.of("media_player"));
  }

  /** Players that can find something to play: Music Assistant's, or those with media search. */
  static List<HomeEntity> searching(MatchContext c, List<HomeEntity> players) {
    List<HomeEntity> out = new ArrayList<>();
    for (HomeEntity p : players) {
      if (c.home.searchesMedia(p.entityId()) || c.home.isMusicAssistant(p.entityId())) {
        out.add(p);
      }
    }
    return out;
  }

  private static boolean isOn(MatchContext c, HomeEntity player) {
    return c.home.gateway().state(player.entityId())
        .map(st -> IN_USE.contains(st.state())).orElse(false);
  }

  private static List<HomeEntity> inState(MatchContext c, List<HomeEntity> players, String state) {
    List<HomeEntity> out = new ArrayList<>();
    for (HomeEntity e : players) {
      if (c.home.gateway().state(e.entityId()).map(st -> state.equals(st.state())).orElse(false)) {
        out.add(e);
      }
    }
    return out;
  }
}
