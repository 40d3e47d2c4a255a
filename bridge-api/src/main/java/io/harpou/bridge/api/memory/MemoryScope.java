package io.harpou.bridge.api.memory;

import java.util.Locale;

/** Whom a memory is about. */
public enum MemoryScope {
  /** Everyone in the home ("the cat is called Mochi"). */
  HOUSEHOLD,
  /** One person ("I like the living room at 21 degrees"). */
  PERSON,
  /** One room ("the bedroom blinds stick"). */
  ROOM;

  /** The lower-case name used in JSON. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a name in any case. */
  public static MemoryScope fromJson(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }
}
