package io.harpou.bridge.vertx.rules;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code notifications} section: the household's rules, and how Harpou tells Home Assistant.
 *
 * <pre>{@code
 * {"rules": [{"id": "leak", "when": {"device_class": "moisture", "state": "on"}, "say": "Water leak: {name}."}],
 *  "home_assistant_service": "notify.mobile_app_annes_phone", "language": "en", "max_added_rules": 100}
 * }</pre>
 *
 * <p>The Home Assistant service is a {@code notify} service or {@code persistent_notification.create} (the default),
 * and only the configuration names it: no rule, spoken or sent to the API, chooses what Harpou calls.
 */
public final class NotificationOptions {

  /** Home Assistant's notification panel, which every installation has. */
  public static final String DEFAULT_SERVICE = "persistent_notification.create";
  /** Rules that speech, the console and the API may add, at most. */
  public static final int DEFAULT_MAX_ADDED_RULES = 100;
  private static final Pattern SERVICE = Pattern.compile("notify\\.[a-z0-9_]{1,64}|persistent_notification\\.create");

  private final List<Rule> rules;
  private final String service;
  private final String language;
  private final int maxAddedRules;

  /**
   * Reads the section.
   *
   * @throws IllegalArgumentException naming the rule or key that is wrong
   */
  public NotificationOptions(JsonObject json) {
    service = json.getString("home_assistant_service", DEFAULT_SERVICE);
    if (!SERVICE.matcher(service).matches()) {
      throw new IllegalArgumentException("notifications.home_assistant_service is a notify service (notify.NAME) or"
          + " persistent_notification.create");
    }
    language = json.getString("language", "en");
    maxAddedRules = json.getInteger("max_added_rules", DEFAULT_MAX_ADDED_RULES);
    if (maxAddedRules < 0 || maxAddedRules > 10_000) {
      throw new IllegalArgumentException("notifications.max_added_rules is from 0 to 10000");
    }
    List<Rule> read = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    JsonArray list = json.getJsonArray("rules", new JsonArray());
    for (int i = 0; i < list.size(); i++) {
      if (!(list.getValue(i) instanceof JsonObject rule)) {
        throw new IllegalArgumentException("notifications.rules[" + i + "] must be an object");
      }
      try {
        Rule parsed = Rule.fromJson(rule, "configuration");
        if (!ids.add(parsed.id())) {
          throw new IllegalArgumentException("two rules have the id " + parsed.id());
        }
        read.add(parsed);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("notifications.rules[" + i + "]: " + e.getMessage(), e);
      }
    }
    rules = List.copyOf(read);
  }

  /** Options with no rule, Home Assistant's notification panel, in English. */
  public NotificationOptions() {
    this(new JsonObject());
  }

  /** The section in its JSON form, read back to the same options. */
  public JsonObject toJson() {
    JsonArray list = new JsonArray();
    rules.forEach(rule -> list.add(rule.toJson()));
    return new JsonObject().put("rules", list).put("home_assistant_service", service).put("language", language)
        .put("max_added_rules", maxAddedRules);
  }

  /** The rules of the configuration. */
  public List<Rule> rules() {
    return rules;
  }

  /** The Home Assistant service that receives each notification ({@code domain.service}). */
  public String service() {
    return service;
  }

  /** The language of announcements. */
  public String language() {
    return language;
  }

  /** How many rules speech, the console and the API may add. */
  public int maxAddedRules() {
    return maxAddedRules;
  }
}
