package io.harpou.tools.home.impl;

import io.harpou.tools.home.HomeEntity;
import java.util.Set;

/**
 * A kind of device a word names: a domain, narrowed to some device classes ("windows" are covers of class window),
 * or any of the sweepable domains ("everything").
 *
 * @param domain the domain, or {@code *} for every domain an area-wide sweep may touch
 * @param deviceClasses the device classes it is limited to; empty for any
 */
record Kind(String domain, Set<String> deviceClasses) {

  /** Domains "everything" reaches: never locks, alarms, cameras, covers, valves, robots, scripts or scenes. */
  static final Set<String> SWEPT = Set.of("light", "switch", "fan", "media_player", "input_boolean", "humidifier");

  /** Reads {@code domain} or {@code domain:class1,class2}. */
  static Kind parse(String spec) {
    int colon = spec.indexOf(':');
    if (colon < 0) {
      return new Kind(spec, Set.of());
    }
    return new Kind(spec.substring(0, colon), Set.copyOf(java.util.List.of(spec.substring(colon + 1).split(","))));
  }

  /** True when {@code e} is of this kind. */
  boolean matches(HomeEntity e) {
    if ("*".equals(domain)) {
      return SWEPT.contains(e.domain());
    }
    return domain.equals(e.domain()) && (deviceClasses.isEmpty() || deviceClasses.contains(e.deviceClass()));
  }

  /** True when this kind can include entities of one of {@code domains} (empty means any). */
  boolean within(Set<String> domains) {
    return domains.isEmpty() || ("*".equals(domain) ? domains.stream().anyMatch(SWEPT::contains)
        : domains.contains(domain));
  }
}
