package io.harpou.tools.home.impl;

import io.harpou.bridge.api.BridgeException;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.home.Area;
import io.harpou.bridge.api.timer.Timer;
import io.harpou.bridge.api.timer.TimerLength;
import io.harpou.bridge.api.timer.TimerService;
import io.harpou.bridge.api.tool.Risk;
import io.harpou.bridge.api.tool.Tool;
import io.harpou.bridge.api.tool.ToolArgumentsException;
import io.harpou.bridge.api.tool.ToolCall;
import io.harpou.bridge.api.tool.ToolContext;
import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.bridge.api.tool.ToolSpec;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The voice timer tools: {@code start_timer}, {@code change_timer} (cancel, cancel_all, add, remove, pause, resume)
 * and {@code timer_status}. Only {@code start_timer} creates a timer; the others look timers up with
 * {@link TimerFinder} and ask which one when several fit.
 */
final class TimerTools implements Tool {

  private final HomeAccess access;
  private final ToolSpec spec;

  private TimerTools(HomeAccess access, ToolSpec spec) {
    this.access = access;
    this.spec = spec;
  }

  /** The three tools. */
  static List<Tool> all(HomeAccess access) {
    JsonObject length = Schemas.object();
    for (String part : new String[] {"hours", "minutes", "seconds"}) {
      Schemas.with(length, part, Schemas.number("Length: " + part, 0, 86_400));
    }
    JsonObject start = length.copy();
    Schemas.with(start, "name", Schemas.string("A name for the timer, e.g. pasta"));
    Schemas.with(start, "command", Schemas.string("A sentence to run when it ends, e.g. 'turn off the oven'"));
    JsonObject which = Schemas.object();
    Schemas.with(which, "name", Schemas.string("The timer's name, or the room it was set in"));
    for (String part : new String[] {"start_hours", "start_minutes", "start_seconds"}) {
      Schemas.with(which, part, Schemas.number("The length it was started with: " + part, 0, 86_400));
    }
    JsonObject change = which.copy();
    length.getJsonObject("properties").forEach(p -> change.getJsonObject("properties").put(p.getKey(), p.getValue()));
    Schemas.required(Schemas.with(change, "action", Schemas.choice("What to do", "cancel", "cancel_all", "add",
        "remove", "pause", "resume")), "action");
    return List.of(
        new TimerTools(access, new ToolSpec("start_timer", "Starts a voice timer, optionally named, optionally "
            + "running a command when it ends.", start, Risk.ACT, false)),
        new TimerTools(access, new ToolSpec("change_timer", "Cancels, pauses, resumes, lengthens (add) or shortens "
            + "(remove) an existing timer, or cancels them all. Never starts one.", change, Risk.ACT, false)),
        new TimerTools(access, new ToolSpec("timer_status", "Says how much time is left on the timers.", which,
            Risk.READ, false)));
  }

  @Override
  public ToolSpec spec() {
    return spec;
  }

  @Override
  public Future<ToolResult> call(ToolCall call, ToolContext context) {
    String language = context.language();
    if (context.timers().isEmpty()) {
      return Tool.done(ToolResult.error(Messages.say(language, "no_timers_here")));
    }
    TimerService timers = context.timers().get();
    Function<String, Optional<Area>> areas = name -> context.home().flatMap(h -> access.home(h).area(name));
    try {
      return Tool.done(switch (spec.name()) {
        case "start_timer" -> start(timers, call.arguments(), context.utterance());
        case "timer_status" -> status(timers, call.arguments(), context.utterance(), areas);
        default -> change(timers, call.arguments(), context.utterance(), areas);
      });
    } catch (IllegalArgumentException | BridgeException e) {
      return Tool.done(ToolResult.error(e.getMessage()));
    }
  }

  private static ToolResult start(TimerService timers, JsonObject args, Utterance asker) {
    TimerLength length = length(args, "");
    if (length == null) {
      throw new ToolArgumentsException("give hours, minutes or seconds");
    }
    String name = args.getString("name");
    String command = args.getString("command");
    Timer timer = timers.start(length, name, command, asker);
    String lang = asker.language();
    String said = TimerWords.exact(length.totalSeconds(), lang);
    if (command != null) {
      return ToolResult.ok(Messages.say(lang, "timer_command", command, said));
    }
    return ToolResult.ok(timer.name() == null ? Messages.say(lang, "timer_started", said)
        : Messages.say(lang, "timer_started_named", timer.name(), said));
  }

  private static ToolResult status(TimerService timers, JsonObject args, Utterance asker,
                                   Function<String, Optional<Area>> areas) {
    String lang = asker.language();
    List<Timer> found = TimerFinder.matching(timers.list(), args, asker, areas);
    if (found.isEmpty()) {
      return ToolResult.ok(Messages.say(lang, args.containsKey("name") || TimerFinder.length(args) != null
          ? "timer_not_found" : "no_timers"));
    }
    StringBuilder out = new StringBuilder();
    for (Timer t : found) {
      String left = TimerWords.rounded(t.secondsLeft(), lang);
      String label = TimerWords.label(t, lang);
      out.append(out.isEmpty() ? "" : " ").append(Messages.say(lang, t.active() ? "timer_left" : "timer_paused_left",
          label, left));
    }
    return ToolResult.ok(out.toString());
  }

  private static ToolResult change(TimerService timers, JsonObject args, Utterance asker,
                                   Function<String, Optional<Area>> areas) {
    String lang = asker.language();
    String action = args.getString("action", "");
    List<Timer> found = TimerFinder.matching(timers.list(), args, asker, areas);
    if ("cancel_all".equals(action)) {
      found.forEach(t -> timers.cancel(t.id()));
      return ToolResult.ok(found.isEmpty() ? Messages.say(lang, "no_timers")
          : Messages.say(lang, "timers_cancelled", found.size()));
    }
    if (found.isEmpty()) {
      return ToolResult.error(Messages.say(lang, args.containsKey("name") || TimerFinder.length(args) != null
          ? "timer_not_found" : "no_timers"));
    }
    Optional<Timer> one = TimerFinder.single(found, asker, areas);
    if (one.isEmpty()) {
      JsonArray choices = new JsonArray();
      found.stream().map(Timer::name).filter(n -> n != null).distinct().forEach(choices::add);
      String labels = Messages.alternatives(lang, found.stream().map(t -> TimerWords.label(t, lang)).toList());
      return ToolResult.ok(new JsonObject().put("ask", Messages.say(lang, "which_timer", labels))
          .put("choices", choices));
    }
    Timer timer = one.get();
    String label = TimerWords.label(timer, lang);
    return switch (action) {
      case "cancel" -> {
        timers.cancel(timer.id());
        yield ToolResult.ok(Messages.say(lang, "timer_cancelled", label));
      }
      case "pause" -> {
        timers.pause(timer.id());
        yield ToolResult.ok(Messages.say(lang, "timer_paused", label));
      }
      case "resume" -> {
        timers.resume(timer.id());
        yield ToolResult.ok(Messages.say(lang, "timer_resumed", label));
      }
      case "add", "remove" -> {
        TimerLength amount = length(args, "");
        if (amount == null) {
          throw new ToolArgumentsException("give hours, minutes or seconds to " + action);
        }
        long seconds = amount.totalSeconds() * ("add".equals(action) ? 1 : -1);
        Timer changed = timers.add(timer.id(), seconds).orElse(timer);
        yield ToolResult.ok(Messages.say(lang, "add".equals(action) ? "timer_added" : "timer_removed",
            TimerWords.exact(amount.totalSeconds(), lang), label, TimerWords.rounded(changed.secondsLeft(), lang)));
      }
      default -> throw new ToolArgumentsException("action must be cancel, cancel_all, add, remove, pause or resume");
    };
  }

  private static TimerLength length(JsonObject args, String prefix) {
    Integer h = integer(args, prefix + "hours");
    Integer m = integer(args, prefix + "minutes");
    Integer s = integer(args, prefix + "seconds");
    return h == null && m == null && s == null ? null : new TimerLength(h, m, s);
  }

  private static Integer integer(JsonObject args, String key) {
    Object value = args.getValue(key);
    if (value == null) {
      return null;
    }
    if (!(value instanceof Number n) || n.doubleValue() < 0 || n.doubleValue() != Math.rint(n.doubleValue())) {
      throw new ToolArgumentsException(key + " must be a whole number of at least 0");
    }
    return n.intValue();
  }
}
