package io.harpou.tools.home.impl;

import io.harpou.bridge.api.home.Area;
import io.harpou.tools.home.HomeEntity;
import java.util.List;

/**
 * What a spoken target came to: the entities meant, several candidates to ask about, a place with no device named,
 * a place without such devices, a place or name nobody knows (with the nearest known one), or a device of another
 * kind than the action needs.
 *
 * @param status the outcome
 * @param entities the entities meant (FOUND), the candidates (AMBIGUOUS), or what the name names (WRONG_KIND)
 * @param place the place heard, when one was
 * @param domains the domains the phrase named, or the domains asked for, for wording questions
 * @param heard the words nobody knows (UNKNOWN_PLACE, UNKNOWN_NAME), or null
 * @param suggestion the nearest known place or name (UNKNOWN_PLACE, UNKNOWN_NAME), or null
 * @param generic true when the candidates are every device of a kind in a place ("the light" in a room of two)
 */
public record Resolution(Status status, List<HomeEntity> entities, Place place, List<String> domains, String heard,
                         String suggestion, boolean generic) {

  /** The outcomes. */
  public enum Status {
    /** The entities are known. */
    FOUND,
    /** Several entities fit and nothing tells them apart. */
    AMBIGUOUS,
    /** Only a place was named. */
    PLACE_ONLY,
    /** The place is known but holds no such device. */
    NONE_THERE,
    /** A kind of device was named with a place nobody knows ("the bathroom lights" in a house without one). */
    UNKNOWN_PLACE,
    /** A name nobody knows. */
    UNKNOWN_NAME,
    /** The name is a device the action does not apply to ("open the lamp"). */
    WRONG_KIND,
    /** "Everything" with no place: too wide to act on. */
    NEEDS_PLACE
  }

  /** A resolution that is not about every device of a kind. */
  public Resolution(Status status, List<HomeEntity> entities, Place place, List<String> domains, String heard,
                    String suggestion) {
    this(status, entities, place, domains, heard, suggestion, false);
  }

  /** Copies the lists. */
  public Resolution {
    entities = entities == null ? List.of() : List.copyOf(entities);
    domains = domains == null ? List.of() : List.copyOf(domains);
  }

  static Resolution found(List<HomeEntity> entities, Place place) {
    return new Resolution(Status.FOUND, entities, place, null, null, null);
  }

  static Resolution ambiguous(List<HomeEntity> candidates, Place place, List<String> domains) {
    return new Resolution(Status.AMBIGUOUS, candidates, place, domains, null, null);
  }

  /** Several devices of the kind named, in one place: a question, unless the action means them all. */
  static Resolution generic(List<HomeEntity> candidates, Place place, List<String> domains) {
    return new Resolution(Status.AMBIGUOUS, candidates, place, domains, null, null, true);
  }

  static Resolution of(Status status, Place place, List<String> domains) {
    return new Resolution(status, List.of(), place, domains, null, null);
  }

  static Resolution unknown(Status status, String heard, String suggestion, List<String> domains) {
    return new Resolution(status, List.of(), null, domains, heard, suggestion);
  }

  /** True when the entities are known. */
  public boolean found() {
    return status == Status.FOUND;
  }

  /** The single area heard, or null. */
  public Area area() {
    return place == null ? null : place.area();
  }
}
