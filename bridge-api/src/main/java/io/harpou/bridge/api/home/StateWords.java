package io.harpou.bridge.api.home;

import java.util.Map;

/**
 * An entity state as people say it ("unlocked", "armed away"; in French "déverrouillé", "armé (absent)"), for answers
 * built from Home Assistant's raw state values.
 */
public final class StateWords {

  private static final Map<String, String> FRENCH = Map.ofEntries(Map.entry("on", "allumé"),
      Map.entry("off", "éteint"), Map.entry("locked", "verrouillé"), Map.entry("unlocked", "déverrouillé"),
      Map.entry("locking", "en verrouillage"), Map.entry("unlocking", "en déverrouillage"),
      Map.entry("open", "ouvert"), Map.entry("closed", "fermé"), Map.entry("playing", "en lecture"),
      Map.entry("paused", "en pause"), Map.entry("idle", "inactif"), Map.entry("opening", "en ouverture"),
      Map.entry("closing", "en fermeture"), Map.entry("jammed", "bloqué"), Map.entry("unavailable", "indisponible"),
      Map.entry("unknown", "inconnu"), Map.entry("heat", "chauffage"), Map.entry("cool", "climatisation"),
      Map.entry("disarmed", "désarmé"), Map.entry("armed_away", "armé (absent)"),
      Map.entry("armed_home", "armé (présent)"), Map.entry("armed_night", "armé (nuit)"),
      Map.entry("triggered", "déclenché"));

  private StateWords() {
  }

  /** {@code state} in French when {@code french}, else in English words (underscores become spaces). */
  public static String spoken(String state, boolean french) {
    return french ? FRENCH.getOrDefault(state, state.replace('_', ' ')) : state.replace('_', ' ');
  }
}
