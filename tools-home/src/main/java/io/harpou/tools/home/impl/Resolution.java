package io.harpou.tools.home.impl;

import io.harpou.bridge.api.home.Area;
import io.harpou.tools.home.HomeEntity;
import java.util.List;

/**
 * What a spoken target came to: the entities meant, several candidates to ask about, an area with no device named,
 * or nothing.
 *
 * @param kind the outcome
 * @param entities the entities meant (FOUND) or the candidates (AMBIGUOUS) or suggestions (NOT_FOUND)
 * @param area the area heard, when one was
 * @param domains the domains the phrase named, or the domains asked for, for wording questions
 */
public record Resolution(Kind kind, List<HomeEntity> entities, Area area, List<String> domains) {

  /** The outcomes. */
  public enum Kind {
    /** The entities are known. */
    FOUND,
    /** Several entities fit and nothing tells them apart. */
    AMBIGUOUS,
    /** Only an area was named. */
    AREA_ONLY,
    /** Nothing fits. */
    NOT_FOUND
  }

  /** Copies the lists. */
  public Resolution {
    entities = entities == null ? List.of() : List.copyOf(entities);
    domains = domains == null ? List.of() : List.copyOf(domains);
  }

  static Resolution found(List<HomeEntity> entities, Area area) {
    return new Resolution(Kind.FOUND, entities, area, null);
  }

  static Resolution ambiguous(List<HomeEntity> candidates, Area area, List<String> domains) {
    return new Resolution(Kind.AMBIGUOUS, candidates, area, domains);
  }

  static Resolution notFound(List<HomeEntity> suggestions) {
    return new Resolution(Kind.NOT_FOUND, suggestions, null, null);
  }

  /** True when the entities are known. */
  public boolean found() {
    return kind == Kind.FOUND;
  }
}
