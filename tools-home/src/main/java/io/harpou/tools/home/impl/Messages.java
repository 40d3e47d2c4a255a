package io.harpou.tools.home.impl;

import io.harpou.tools.home.HomeEntity;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Short, factual sentences in English and French, from {@code messages/en.json} and {@code messages/fr.json}: each
 * message is a format string (its {@code %s} filled in order), and {@code which} holds how a question about several
 * devices of one domain starts ("Which light", "Quelle lumière").
 */
public final class Messages {

  private static final JsonObject[] TEXT = {load("en"), load("fr")};

  private Messages() {
  }

  private static JsonObject load(String language) {
    String resource = "/io/harpou/tools/home/messages/" + language + ".json";
    try (InputStream in = Messages.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + resource, e);
    }
  }

  static int lang(String language) {
    return language != null && language.toLowerCase(Locale.ROOT).startsWith("fr") ? 1 : 0;
  }

  static boolean french(String language) {
    return lang(language) == 1;
  }

  /** The sentence {@code key} in {@code language}, formatted with {@code args}. */
  public static String say(String language, String key, Object... args) {
    String text = part(language, key, args);
    if (french(language)) {
      return French.polish(text);
    }
    return text.isEmpty() || !Character.isLowerCase(text.charAt(0)) ? text
        : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  /** The words {@code key} in {@code language}, formatted with {@code args}, to go inside a sentence. */
  static String part(String language, String key, Object... args) {
    String form = TEXT[lang(language)].getJsonObject("messages").getString(key);
    if (form == null) {
      throw new IllegalArgumentException("no message " + key);
    }
    String text = String.format(Locale.ROOT, form, args);
    return french(language) ? French.contract(text) : text;
  }

  /** How a kind of device is said in a sentence ("lights", "lumières"), for a domain or {@code *}. */
  static String kind(String language, String domain) {
    JsonObject kinds = TEXT[lang(language)].getJsonObject("kinds");
    return kinds.getString(domain, kinds.getString("*"));
  }

  /** A weather condition as said ("rainy" → "rain", "pluie"). */
  static String weather(String language, String condition) {
    JsonObject conditions = TEXT[lang(language)].getJsonObject("conditions");
    return conditions.getString(condition, condition == null ? "" : condition.replace('-', ' '));
  }

  /** The name to say for {@code e}: in French with its article ("la lumière de la cuisine"). */
  public static String spoken(String language, HomeEntity e) {
    String name = e.displayName(language);
    return french(language) ? French.withArticle(name) : name;
  }

  /** Names joined as a listener expects: "a, b and c" / "a, b et c". */
  public static String names(String language, List<HomeEntity> entities) {
    List<String> names = entities.stream().map(e -> spoken(language, e)).distinct().toList();
    return join(names, french(language) ? "et" : "and");
  }

  /** Words joined: "a, b and c" / "a, b et c". */
  static String and(String language, List<String> items) {
    return join(items, french(language) ? "et" : "and");
  }

  /** Alternatives joined: "a, b or c" / "a, b ou c". */
  public static String alternatives(String language, List<String> items) {
    return join(items, french(language) ? "ou" : "or");
  }

  private static String join(List<String> items, String last) {
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
    JsonObject leads = TEXT[lang(language)].getJsonObject("which");
    String lead = leads.getString(domain, leads.getString("*"));
    boolean fr = french(language);
    if (candidates.size() > 5) {
      String area = candidates.get(0).areaName();
      boolean oneArea = area != null && candidates.stream().allMatch(e -> area.equals(e.areaName()));
      return lead + (fr ? " ? " : "? ") + (oneArea ? say(language, "many_in", candidates.size(), area)
          : say(language, "which_room"));
    }
    List<String> names = candidates.stream().map(e -> label(language, e, candidates)).distinct().toList();
    if (fr) {
      names = names.stream().map(French::withArticle).toList();
    }
    return lead + (fr ? " : " : ": ") + alternatives(language, names) + (fr ? " ?" : "?");
  }

  /** The name, with the area added when another candidate has the same name. */
  private static String label(String language, HomeEntity e, List<HomeEntity> all) {
    String name = e.displayName(language);
    long same = all.stream().filter(o -> o.displayName(language).equalsIgnoreCase(name)).count();
    if (same > 1 && e.areaName() != null) {
      return name + (french(language) ? " (" + e.areaName() + ")" : " in the " + e.areaName());
    }
    return name;
  }
}
