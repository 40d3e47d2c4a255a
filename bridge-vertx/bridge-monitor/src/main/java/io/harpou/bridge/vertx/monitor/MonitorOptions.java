package io.harpou.bridge.vertx.monitor;

import io.harpou.bridge.api.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The {@code monitors} section: whether monitors run, how alerts reach people, and the repair sessions' limits.
 * Each monitor's own threshold and interval sit with the tools that provide it (for the host's,
 * {@code tools.system.monitors}).
 *
 * <pre>{@code
 * {"enabled": true, "notify_home": true, "notify_service": "mobile_app_phone", "answer_from_home": false,
 *  "rooms": ["office"],
 *  "quiet_hours": {"from": "22:00", "to": "07:00"}, "language": "en",
 *  "home_link": {"after_ms": 120000}, "components": {"after_ms": 300000},
 *  "repair": {"enabled": true, "cooldown_ms": 3600000, "max_actions": 3, "max_sessions": 2}}
 * }</pre>
 */
public final class MonitorOptions {

  /** How long the Home Assistant link must be down before it alerts. */
  public static final long DEFAULT_HOME_LINK_AFTER_MS = 120_000;
  /** How long a Harpou component must be degraded or failed before it alerts. */
  public static final long DEFAULT_COMPONENTS_AFTER_MS = 300_000;
  /** How long after a repair session of a problem ends before another may open for it. */
  public static final long DEFAULT_COOLDOWN_MS = 3_600_000;
  /** Actions one repair session may take. */
  public static final int DEFAULT_MAX_ACTIONS = 3;
  /** Repair sessions running at once. */
  public static final int DEFAULT_MAX_SESSIONS = 2;

  private final boolean enabled;
  private final boolean notifyHome;
  private final String notifyService;
  private final boolean answerFromHome;
  private final List<String> rooms;
  private final LocalTime quietFrom;
  private final LocalTime quietTo;
  private final String language;
  private final long homeLinkAfterMs;
  private final long componentsAfterMs;
  private final boolean repairEnabled;
  private final long cooldownMs;
  private final int maxActions;
  private final int maxSessions;

  /**
   * Reads the section; unknown keys are ignored.
   *
   * @throws IllegalArgumentException when a time of the quiet hours is not HH:MM or a limit is out of range
   */
  public MonitorOptions(JsonObject json) {
    this.enabled = json.getBoolean("enabled", true);
    this.notifyHome = json.getBoolean("notify_home", true);
    this.notifyService = json.getString("notify_service");
    this.answerFromHome = json.getBoolean("answer_from_home", false);
    this.rooms = Json.strings(json, "rooms");
    JsonObject quiet = json.getJsonObject("quiet_hours");
    this.quietFrom = quiet == null ? null : time(quiet.getString("from"));
    this.quietTo = quiet == null ? null : time(quiet.getString("to"));
    this.language = json.getString("language", "en");
    this.homeLinkAfterMs = json.getJsonObject("home_link", new JsonObject()).getLong("after_ms",
        DEFAULT_HOME_LINK_AFTER_MS);
    this.componentsAfterMs = json.getJsonObject("components", new JsonObject()).getLong("after_ms",
        DEFAULT_COMPONENTS_AFTER_MS);
    JsonObject repair = json.getJsonObject("repair", new JsonObject());
    this.repairEnabled = repair.getBoolean("enabled", true);
    this.cooldownMs = repair.getLong("cooldown_ms", DEFAULT_COOLDOWN_MS);
    this.maxActions = repair.getInteger("max_actions", DEFAULT_MAX_ACTIONS);
    this.maxSessions = repair.getInteger("max_sessions", DEFAULT_MAX_SESSIONS);
    if (cooldownMs < 0 || maxActions < 0 || maxSessions < 0 || homeLinkAfterMs < 0 || componentsAfterMs < 0) {
      throw new IllegalArgumentException("monitors: times and limits must not be negative");
    }
  }

  /** The section in its JSON form; {@code notify_service} and {@code quiet_hours} only when set. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("enabled", enabled).put("notify_home", notifyHome)
        .put("answer_from_home", answerFromHome).put("rooms", new JsonArray(rooms)).put("language", language)
        .put("home_link", new JsonObject().put("after_ms", homeLinkAfterMs))
        .put("components", new JsonObject().put("after_ms", componentsAfterMs))
        .put("repair", new JsonObject().put("enabled", repairEnabled).put("cooldown_ms", cooldownMs)
            .put("max_actions", maxActions).put("max_sessions", maxSessions));
    if (notifyService != null) {
      json.put("notify_service", notifyService);
    }
    if (quietFrom != null) {
      json.put("quiet_hours", new JsonObject().put("from", quietFrom.toString()).put("to", quietTo.toString()));
    }
    return json;
  }

  private static LocalTime time(String text) {
    try {
      return LocalTime.parse(String.valueOf(text));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("monitors.quiet_hours times are HH:MM, not '" + text + "'");
    }
  }

  /** Whether monitors run at all. */
  public boolean enabled() {
    return enabled;
  }

  /** Whether alerts become Home Assistant persistent notifications. */
  public boolean notifyHome() {
    return notifyHome;
  }

  /** A {@code notify} service (such as {@code mobile_app_phone}) that also receives alerts, or null. */
  public String notifyService() {
    return notifyService;
  }

  /**
   * Whether a repair's question sent to {@link #notifyService()} carries Yes and No buttons, whose tap (Home
   * Assistant's {@code mobile_app_notification_action} event) answers it. Off by default: anyone who can fire events
   * on Home Assistant's bus (its administrators, its automations) can then answer.
   */
  public boolean answerFromHome() {
    return answerFromHome && notifyService != null;
  }

  /** Rooms whose satellites announce alerts, outside quiet hours. */
  public List<String> rooms() {
    return rooms;
  }

  /** True when {@code now} falls in the quiet hours (which may span midnight). */
  public boolean quiet(LocalTime now) {
    if (quietFrom == null || quietTo == null) {
      return false;
    }
    return quietFrom.isBefore(quietTo) ? !now.isBefore(quietFrom) && now.isBefore(quietTo)
        : !now.isBefore(quietFrom) || now.isBefore(quietTo);
  }

  /** The language of alerts and repair sessions. */
  public String language() {
    return language;
  }

  /** How long the Home Assistant link must be down before it alerts. */
  public long homeLinkAfterMs() {
    return homeLinkAfterMs;
  }

  /** How long a component must be degraded or failed before it alerts. */
  public long componentsAfterMs() {
    return componentsAfterMs;
  }

  /** Whether alerts open repair sessions. */
  public boolean repairEnabled() {
    return repairEnabled;
  }

  /** How long after a session of a problem ends before another may open for it. */
  public long cooldownMs() {
    return cooldownMs;
  }

  /** Repair sessions that may run at once. */
  public int maxSessions() {
    return maxSessions;
  }

  /** Actions one session may take (tool calls that act, and confirmed questions). */
  public int maxActions() {
    return maxActions;
  }
}
