package io.harpou.tools.home.impl;

import io.harpou.bridge.api.home.Area;
import io.harpou.bridge.api.home.Floor;
import java.util.List;

/**
 * Where a phrase points: one area, the areas of a floor, the floors above or below ("upstairs"), or the speaker's
 * room ("in here").
 *
 * @param area the area when one was named (or "here"), else null
 * @param floor the floor when one was named, else null
 * @param relative {@code up} or {@code down} for "upstairs" and "downstairs", else null
 * @param areas every area the place covers
 * @param rest the words of the phrase that are not the place
 */
record Place(Area area, Floor floor, String relative, List<Area> areas, List<String> rest) {

  Place {
    areas = List.copyOf(areas);
    rest = List.copyOf(rest);
  }

  /** True when the place is a single area. */
  boolean isArea() {
    return area != null;
  }

  /** The ids of its areas. */
  List<String> areaIds() {
    return areas.stream().map(Area::areaId).toList();
  }
}
