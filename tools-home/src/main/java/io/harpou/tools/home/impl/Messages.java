package io.harpou.tools.home.impl;

import io.harpou.tools.home.HomeEntity;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Short, factual sentences in English and French. */
public final class Messages {

  private static final Map<String, String[]> TEXT = new HashMap<>();
  private static final Map<String, String[]> WHICH = new HashMap<>();

  static {
    put("turned_on", "Turned on %s.", "J'ai allumé %s.");
    put("turned_off", "Turned off %s.", "J'ai éteint %s.");
    put("toggled", "Toggled %s.", "J'ai basculé %s.");
    put("opened", "Opened %s.", "J'ai ouvert %s.");
    put("closed", "Closed %s.", "J'ai fermé %s.");
    put("stopped", "Stopped %s.", "J'ai arrêté %s.");
    put("position", "Set %s to %s%%.", "J'ai réglé %s à %s %%.");
    put("brightness", "Set %s to %s%% brightness.", "J'ai réglé la luminosité de %s à %s %%.");
    put("brighter", "Made %s brighter.", "J'ai augmenté la luminosité de %s.");
    put("dimmer", "Dimmed %s.", "J'ai baissé la luminosité de %s.");
    put("color", "Set %s to %s.", "J'ai mis %s en %s.");
    put("color_temp", "Set %s to %s K.", "J'ai réglé %s à %s K.");
    put("climate_temp", "Set %s to %s°.", "J'ai réglé %s sur %s degrés.");
    put("climate_mode", "Set %s to %s mode.", "J'ai mis %s en mode %s.");
    put("climate_both", "Set %s to %s° in %s mode.", "J'ai réglé %s sur %s degrés en mode %s.");
    put("play", "Playing on %s.", "Lecture sur %s.");
    put("pause", "Paused %s.", "J'ai mis %s en pause.");
    put("stop", "Stopped %s.", "J'ai arrêté %s.");
    put("next", "Next track on %s.", "Piste suivante sur %s.");
    put("previous", "Previous track on %s.", "Piste précédente sur %s.");
    put("volume", "Set the volume of %s to %s%%.", "J'ai réglé le volume de %s à %s %%.");
    put("volume_up", "Turned up %s.", "J'ai monté le volume de %s.");
    put("volume_down", "Turned down %s.", "J'ai baissé le volume de %s.");
    put("mute", "Muted %s.", "J'ai coupé le son de %s.");
    put("unmute", "Unmuted %s.", "J'ai remis le son de %s.");
    put("source", "Switched %s to %s.", "J'ai mis %s sur %s.");
    put("playing_media", "Playing %s on %s.", "Je joue %s sur %s.");
    put("no_media_found", "%s found nothing for \"%s\".", "%s n'a rien trouvé pour « %s ».");
    put("cannot_search_media", "%s cannot search for music; it is neither a Music Assistant player nor one that "
        + "searches its media.", "%s ne sait pas chercher de musique : ce n'est ni un lecteur Music Assistant ni un "
        + "lecteur qui cherche dans ses médias.");
    put("locked", "Locked %s.", "J'ai verrouillé %s.");
    put("unlocked", "Unlocked %s.", "J'ai déverrouillé %s.");
    put("scene", "Activated %s.", "J'ai activé %s.");
    put("script", "Started %s.", "J'ai lancé %s.");
    put("snapshot", "Here is %s.", "Voici %s.");
    put("added", "Added %s to %s.", "J'ai ajouté %s à %s.");
    put("announced", "Announced in %s.", "Annonce faite dans %s.");
    put("list_items", "%s: %s.", "%s : %s.");
    put("list_empty", "%s is empty.", "%s est vide.");
    put("service_done", "Called %s on %s.", "J'ai appelé %s sur %s.");
    put("not_connected", "Home Assistant is not connected.", "Home Assistant n'est pas connecté.");
    put("unknown", "I don't know %s.", "Je ne connais pas %s.");
    put("did_you_mean", " Did you mean %s?", " Vouliez-vous dire %s ?");
    put("protected", "%s is protected: use the %s tool, which asks for confirmation.",
        "%s est protégé : utilisez l'outil %s, qui demande une confirmation.");
    put("not_protected", "%s is not protected: use the %s tool.", "%s n'est pas protégé : utilisez l'outil %s.");
    put("wrong_domain", "%s cannot do that (it is a %s).", "%s ne peut pas faire cela (c'est un %s).");
    put("no_target", "Say which device: give an entity_id, a name or an area.",
        "Précisez l'appareil : un entity_id, un nom ou une pièce.");
    put("nothing_in_area", "There is no such device in %s.", "Il n'y a pas d'appareil de ce type dans %s.");
    put("no_voice", "Voice is not running, so nothing can be announced.",
        "La voix n'est pas active, aucune annonce n'est possible.");
    put("ha_error", "Home Assistant refused: %s", "Home Assistant a refusé : %s");
    put("ha_unreachable", "I can't reach Home Assistant%s, so nothing was done.",
        "Je n'arrive pas à joindre Home Assistant%s, rien n'a été fait.");
    put("ha_token_rejected", "Home Assistant%s rejected my access token, so nothing was done; check HARPOU_HA_TOKEN.",
        "Home Assistant%s a refusé mon jeton d'accès, rien n'a été fait ; vérifiez HARPOU_HA_TOKEN.");
    put("ha_no_answer", "Home Assistant did not answer: %s", "Home Assistant n'a pas répondu : %s");
    put("at_url", " at %s", " à l'adresse %s");
    put("unconfirmed", "I couldn't confirm that Home Assistant did it; %s.",
        "Je n'ai pas pu confirmer que Home Assistant l'a fait ; %s.");
    put("unconfirmed_unchecked", "I couldn't confirm that Home Assistant did it, and couldn't check afterwards.",
        "Je n'ai pas pu confirmer que Home Assistant l'a fait, ni vérifier ensuite.");
    put("now_state", "%s is now %s", "%s est maintenant sur « %s »");
    put("item_listed", "%s is on %s", "%s est bien sur %s");
    put("item_missing", "%s is not on %s", "%s n'est pas sur %s");
    put("which_room", "In which room?", "Dans quelle pièce ?");
    put("confirm", "%s", "%s");
    put("cancelled", "OK, I'll leave it.", "D'accord, je ne fais rien.");
    WHICH.put("light", new String[] {"Which light", "Quelle lumière"});
    WHICH.put("switch", new String[] {"Which switch", "Quel interrupteur"});
    WHICH.put("fan", new String[] {"Which fan", "Quel ventilateur"});
    WHICH.put("cover", new String[] {"Which cover", "Quel volet"});
    WHICH.put("climate", new String[] {"Which thermostat", "Quel thermostat"});
    WHICH.put("media_player", new String[] {"Which player", "Quel appareil"});
    WHICH.put("lock", new String[] {"Which lock", "Quelle serrure"});
    WHICH.put("sensor", new String[] {"Which sensor", "Quel capteur"});
    WHICH.put("scene", new String[] {"Which scene", "Quelle scène"});
    WHICH.put("todo", new String[] {"Which list", "Quelle liste"});
    WHICH.put("camera", new String[] {"Which camera", "Quelle caméra"});
  }

  private Messages() {
  }

  private static void put(String key, String en, String fr) {
    TEXT.put(key, new String[] {en, fr});
  }

  private static int lang(String language) {
    return language != null && language.toLowerCase(Locale.ROOT).startsWith("fr") ? 1 : 0;
  }

  /** The sentence {@code key} in {@code language}, formatted with {@code args}. */
  public static String say(String language, String key, Object... args) {
    String text = part(language, key, args);
    return lang(language) == 1 ? French.polish(text) : text;
  }

  /** The words {@code key} in {@code language}, formatted with {@code args}, to go inside a sentence. */
  static String part(String language, String key, Object... args) {
    String[] forms = TEXT.get(key);
    if (forms == null) {
      throw new IllegalArgumentException("no message " + key);
    }
    String text = String.format(Locale.ROOT, forms[lang(language)], args);
    return lang(language) == 1 ? French.contract(text) : text;
  }

  /** The name to say for {@code e}: in French with its article ("la lumière de la cuisine"). */
  public static String spoken(String language, HomeEntity e) {
    String name = e.displayName(language);
    return lang(language) == 1 ? French.withArticle(name) : name;
  }

  /** Names joined as a listener expects: "a, b and c" / "a, b et c". */
  public static String names(String language, List<HomeEntity> entities) {
    List<String> names = entities.stream().map(e -> spoken(language, e)).distinct().toList();
    return join(language, names, lang(language) == 1 ? "et" : "and");
  }

  /** Alternatives joined: "a, b or c" / "a, b ou c". */
  public static String alternatives(String language, List<String> items) {
    return join(language, items, lang(language) == 1 ? "ou" : "or");
  }

  private static String join(String language, List<String> items, String last) {
    if (items.isEmpty()) {
      return "";
    }
    if (items.size() == 1) {
      return items.get(0);
    }
    return String.join(", ", items.subList(0, items.size() - 1)) + " " + last + " " + items.get(items.size() - 1);
  }

  /** A short question naming the candidates: "Which light: Kitchen light or Office light?". */
  public static String which(String language, List<HomeEntity> candidates, List<String> domains) {
    String domain = domains.size() == 1 ? domains.get(0)
        : candidates.stream().map(HomeEntity::domain).distinct().count() == 1 ? candidates.get(0).domain() : "";
    String[] lead = WHICH.getOrDefault(domain, new String[] {"Which one", "Lequel"});
    List<String> names = candidates.stream().limit(5).map(e -> label(language, e, candidates)).distinct().toList();
    if (candidates.size() > 5) {
      return lang(language) == 1 ? lead[1] + " ? " + say(language, "which_room")
          : lead[0] + "? " + say(language, "which_room");
    }
    if (lang(language) == 1) {
      names = names.stream().map(French::withArticle).toList();
    }
    String sep = lang(language) == 1 ? " : " : ": ";
    String end = lang(language) == 1 ? " ?" : "?";
    return lead[lang(language)] + sep + alternatives(language, names) + end;
  }

  /** The name, with the area added when another candidate has the same name. */
  private static String label(String language, HomeEntity e, List<HomeEntity> all) {
    String name = e.displayName(language);
    long same = all.stream().filter(o -> o.displayName(language).equalsIgnoreCase(name)).count();
    if (same > 1 && e.areaName() != null) {
      return name + (lang(language) == 1 ? " (" + e.areaName() + ")" : " in the " + e.areaName());
    }
    return name;
  }
}
