package io.harpou.tools.home.impl;

import io.harpou.bridge.api.timer.TimerLength;
import io.harpou.bridge.api.tool.ToolCall;
import io.harpou.tools.home.IntentMatch;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The timer family: start (named, or carrying a command to run at the end), cancel one or all, add or remove time,
 * pause, resume, and how much is left; and reminders. Every sentence that refers to an existing timer maps to a
 * {@code change_timer} or {@code timer_status} call, which only ever looks timers up: none of them can start one.
 */
final class TimerIntents {

  /** Tools a delayed command may not call: questions, other timers, and protected actions (checked apart). */
  private static final Set<String> NOT_DELAYED = Set.of("start_timer", "change_timer", "timer_status",
      "set_timer", "get_state", "get_weather", "get_list_items", "broadcast");

  private TimerIntents() {
  }

  static void register(Map<String, IntentHandler> handlers) {
    handlers.put("timer_start", TimerIntents::start);
    handlers.put("timer_command", TimerIntents::delayed);
    for (String action : new String[] {"cancel", "pause", "resume"}) {
      handlers.put("timer_" + action, (c, e, s) -> change(e, s, action, null));
    }
    handlers.put("timer_cancel_all", (c, e, s) -> change(e, s, "cancel_all", null));
    handlers.put("timer_add", (c, e, s) -> s.duration() == null ? null : change(e, s, "add", s.duration()));
    handlers.put("timer_remove", (c, e, s) -> s.duration() == null ? null : change(e, s, "remove", s.duration()));
    handlers.put("timer_status", (c, e, s) -> IntentMatch.call(e.intent(), ToolCall.of("timer_status",
        which(s, new JsonObject())), List.of(), null));
    handlers.put("reminder", TimerIntents::reminder);
  }

  private static IntentMatch start(MatchContext c, IntentEntry e, Slots s) {
    TimerLength length = s.duration();
    if (length == null) {
      return null;
    }
    JsonObject args = lengthArgs(length, "");
    String name = name(s);
    if (name != null) {
      args.put("name", name);
    }
    return IntentMatch.call(e.intent(), ToolCall.of("start_timer", args), List.of(), null);
  }

  /**
   * "Turn off the oven in ten minutes": a timer whose end runs the command, once the command is one this matcher
   * would act on now. Locks, alarms and garage doors are refused: their confirmation could not be given later.
   */
  private static IntentMatch delayed(MatchContext c, IntentEntry e, Slots s) {
    TimerLength length = s.duration();
    String command = s.original("command");
    if (length == null || command == null) {
      return null;
    }
    IntentMatch now = c.matcher.outcome(command, c.language, c.room).match();
    if (now.call() == null) {
      return now.isQuestion() || now.isAnswer() ? now : null;
    }
    String tool = now.call().name();
    if (ProtectedTools.isProtectedTool(tool)) {
      return IntentMatch.say(e.intent(), c.say("timer_no_protected"), true);
    }
    if (NOT_DELAYED.contains(tool)) {
      return null;
    }
    JsonObject args = lengthArgs(length, "").put("command", command);
    return IntentMatch.call(e.intent(), ToolCall.of("start_timer", args), List.of(), null);
  }

  private static IntentMatch change(IntentEntry e, Slots s, String action, TimerLength amount) {
    JsonObject args = which(s, new JsonObject().put("action", action));
    if (amount != null) {
      lengthArgs(amount, "").forEach(entry -> args.put(entry.getKey(), entry.getValue()));
    }
    return IntentMatch.call(e.intent(), ToolCall.of("change_timer", args), List.of(), null);
  }

  /** The timer a sentence refers to: its name or area ("the pasta timer"), or its length ("the 10 minute timer"). */
  private static JsonObject which(Slots s, JsonObject args) {
    String name = name(s);
    String said = s.get("length");
    if (name != null && DurationWords.parse(name) != null && said == null) {
      // "The 10 minute timer" is a length, whichever slot caught it.
      said = Text.normalize(name);
      name = null;
    }
    if (name != null) {
      args.put("name", name);
    }
    TimerLength length = said == null ? null : DurationWords.parse(said);
    if (length != null) {
      lengthArgs(length, "start_").forEach(entry -> args.put(entry.getKey(), entry.getValue()));
    }
    return args;
  }

  private static String name(Slots s) {
    String name = s.original("timer");
    return name == null || name.isBlank() ? null : name.trim();
  }

  private static JsonObject lengthArgs(TimerLength length, String prefix) {
    JsonObject args = new JsonObject();
    if (length.hours() != null) {
      args.put(prefix + "hours", length.hours());
    }
    if (length.minutes() != null) {
      args.put(prefix + "minutes", length.minutes());
    }
    if (length.seconds() != null) {
      args.put(prefix + "seconds", length.seconds());
    }
    return args;
  }

  /** "Remind me in ten minutes to check the oven": a durable reminder through {@code set_timer}. */
  private static IntentMatch reminder(MatchContext c, IntentEntry e, Slots s) {
    String message = s.original("message");
    if (message == null || message.isBlank()) {
      return null;
    }
    JsonObject args = new JsonObject().put("message", message);
    TimerLength length = s.duration();
    if (length != null) {
      args.put("seconds", length.totalSeconds());
    } else {
      String at = ClockWords.parse(s.get("clock"));
      if (at == null) {
        return null;
      }
      args.put("at", at);
    }
    return IntentMatch.call(e.intent(), ToolCall.of("set_timer", args), List.of(), null);
  }
}
