package io.harpou.tools.home.impl;

import io.harpou.bridge.api.home.Area;
import io.harpou.bridge.api.home.Floor;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the place in a spoken target: an area ("in the kitchen"), a floor ("on the first floor"), a relative floor
 * ("upstairs", "downstairs": see {@link #relative}), the whole house ("the lights in the house"), or the speaker's
 * room ("in here"). Areas win over floors when a name is both.
 */
final class Places {

  private Places() {
  }

  /** The place in {@code key} (key words of a phrase), or null when it names none. */
  static Place find(HomeIndex index, Vocabulary vocabulary, List<String> key, Area room) {
    for (int i = 0; i < key.size(); i++) {
      if (vocabulary.here(key.get(i))) {
        List<String> rest = without(key, i, i + 1);
        return room == null ? new Place(null, null, "here", List.of(), rest)
            : new Place(room, null, null, List.of(room), rest);
      }
    }
    int[] area = span(key, index.longestAreaKey, index.areaFirstWords, index.areasByKey.keySet());
    if (area != null) {
      Area a = index.areasByKey.get(String.join(" ", key.subList(area[0], area[1])));
      return new Place(a, index.floorOf(a.areaId()), null, List.of(a), without(key, area[0], area[1]));
    }
    int[] floor = span(key, index.longestFloorKey, index.floorFirstWords, index.floorsByKey.keySet());
    if (floor != null) {
      Floor f = index.floorsByKey.get(String.join(" ", key.subList(floor[0], floor[1])));
      return new Place(null, f, null, index.areasOn(f.floorId()), without(key, floor[0], floor[1]));
    }
    for (int len = Math.min(3, key.size()); len >= 1; len--) {
      for (int from = 0; from + len <= key.size(); from++) {
        String direction = vocabulary.relativeFloor(String.join(" ", key.subList(from, from + len)));
        if (direction == null) {
          continue;
        }
        List<String> rest = without(key, from, from + len);
        // "The lights in the house": the whole house, but only when what is left is a kind of device.
        if ("all".equals(direction) && vocabulary.kinds(String.join(" ", rest)) == null) {
          continue;
        }
        List<Area> areas = "all".equals(direction) ? new ArrayList<>(index.areasById.values())
            : relative(index, direction, room);
        return new Place(null, null, direction, areas, rest);
      }
    }
    return null;
  }

  /**
   * "Upstairs": every floor above the speaker's (above the ground floor when the speaker's room is unknown).
   * "Downstairs": the floor just below the speaker's (the ground floor when unknown), not the basement too.
   */
  static List<Area> relative(HomeIndex index, String direction, Area room) {
    Floor here = room == null ? null : index.floorOf(room.areaId());
    Integer base = here == null ? null : here.level();
    Integer below = null;
    if (!"up".equals(direction) && base != null) {
      for (Floor f : index.floorsById.values()) {
        if (f.level() != null && f.level() < base && (below == null || f.level() > below)) {
          below = f.level();
        }
      }
    }
    List<Area> out = new ArrayList<>();
    for (Floor f : index.floorsById.values()) {
      if (f.level() == null) {
        continue;
      }
      boolean wanted = "up".equals(direction) ? f.level() > (base == null ? 0 : base)
          : base == null ? f.level() == 0 : below != null && f.level().intValue() == below;
      if (wanted) {
        out.addAll(index.areasOn(f.floorId()));
      }
    }
    return out;
  }

  /** The longest run of words that is one of {@code keys}, as [from, to), or null. */
  private static int[] span(List<String> key, int longest, java.util.Set<String> firstWords,
                            java.util.Set<String> keys) {
    int max = Math.min(longest, key.size());
    for (int len = max; len >= 1; len--) {
      for (int from = 0; from + len <= key.size(); from++) {
        if (firstWords.contains(key.get(from)) && keys.contains(String.join(" ", key.subList(from, from + len)))) {
          return new int[] {from, from + len};
        }
      }
    }
    return null;
  }

  private static List<String> without(List<String> key, int from, int to) {
    List<String> rest = new ArrayList<>(key.subList(0, from));
    rest.addAll(key.subList(to, key.size()));
    return rest;
  }
}
