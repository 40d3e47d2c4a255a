package io.harpou.bridge.vertx.task.impl;

import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.task.TaskInfo;
import io.harpou.bridge.api.task.TaskRequest;
import io.harpou.bridge.api.task.TaskService;
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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.BiFunction;

/** The {@code set_timer}, {@code list_tasks} and {@code cancel_task} tools, acting on the context's task service. */
public final class TaskTools {

  /** The longest timer accepted, in seconds (31 days). */
  static final long MAX_SECONDS = 31L * 24 * 3600;

  private TaskTools() {
  }

  /** The three tools. */
  public static List<Tool> all() {
    return List.of(
        tool(new ToolSpec("set_timer", "Sets a timer or a reminder. Give either seconds from now, or a local clock"
            + " time 'at' (HH:mm); add a message for a reminder.", new JsonObject().put("type", "object")
            .put("properties", new JsonObject()
                .put("seconds", new JsonObject().put("type", "integer").put("minimum", 1).put("maximum", MAX_SECONDS)
                    .put("description", "how long from now"))
                .put("at", new JsonObject().put("type", "string").put("description", "local time, HH:mm"))
                .put("message", new JsonObject().put("type", "string").put("description", "what to remind about"))),
            Risk.ACT, false), TaskTools::setTimer),
        tool(ToolSpec.of("list_tasks", "Lists background tasks, timers and reminders with their status.", Risk.READ),
            TaskTools::listTasks),
        tool(new ToolSpec("cancel_task", "Cancels a timer, reminder or background task by its id.",
            new JsonObject().put("type", "object").put("properties", new JsonObject()
                .put("id", new JsonObject().put("type", "string"))).put("required", new JsonArray().add("id")),
            Risk.ACT, false), TaskTools::cancelTask));
  }

  static Future<ToolResult> setTimer(ToolCall call, ToolContext context) {
    TaskService tasks = context.tasks().orElse(null);
    if (tasks == null) {
      return Tool.done(ToolResult.error("Timers are not available: the task service is not running."));
    }
    JsonObject args = call.arguments();
    Utterance origin = context.utterance();
    boolean french = origin.language().startsWith("fr");
    Instant due;
    String when;
    if (args.getValue("seconds") != null) {
      long seconds = args.getLong("seconds");
      due = Instant.now().plusSeconds(seconds);
      when = say(Duration.ofSeconds(seconds), french);
    } else if (args.getString("at") != null) {
      LocalTime at;
      try {
        at = LocalTime.parse(args.getString("at"));
      } catch (DateTimeParseException e) {
        throw new ToolArgumentsException("'at' must be a local time such as 07:30");
      }
      ZonedDateTime next = ZonedDateTime.now(ZoneId.systemDefault()).with(at).withSecond(0).withNano(0);
      if (!next.isAfter(ZonedDateTime.now())) {
        next = next.plusDays(1);
      }
      due = next.toInstant();
      when = at.toString();
    } else {
      throw new ToolArgumentsException("set_timer needs 'seconds' or 'at'");
    }
    String message = args.getString("message");
    String title = message == null ? (french ? "Minuteur " : "Timer ") + when
        : (french ? "Rappel : " : "Reminder: ") + message;
    String spoken = message != null ? (french ? "Rappel : " : "Reminder: ") + message
        : french ? "Le minuteur de " + when + " est terminé." : "Your " + when + " timer is done.";
    return tasks.submit(TaskRequest.timer(title, origin, due, spoken)).map(task -> ToolResult.ok(new JsonObject()
        .put("task_id", task.id()).put("title", task.title()).put("due_at", due.toString()).put("when", when)));
  }

  static Future<ToolResult> listTasks(ToolCall call, ToolContext context) {
    return context.tasks().map(tasks -> tasks.list().map(list -> {
      JsonArray out = new JsonArray();
      list.stream().limit(20).map(TaskInfo::toJson).forEach(json -> {
        json.remove("origin");
        out.add(json);
      });
      return ToolResult.ok(new JsonObject().put("tasks", out));
    })).orElseGet(() -> Tool.done(ToolResult.error("The task service is not running.")));
  }

  static Future<ToolResult> cancelTask(ToolCall call, ToolContext context) {
    String id = call.arguments().getString("id");
    return context.tasks().map(tasks -> tasks.cancel(id).map(cancelled -> cancelled
        ? ToolResult.ok("Cancelled task " + id + ".")
        : ToolResult.error("No open task with id " + id + ".")))
        .orElseGet(() -> Tool.done(ToolResult.error("The task service is not running.")));
  }

  /** Says a duration the way people do: "1 hour 30 minutes", "45 secondes". */
  static String say(Duration d, boolean french) {
    StringBuilder out = new StringBuilder();
    append(out, d.toHours(), french ? "heure" : "hour");
    append(out, d.toMinutesPart(), "minute");
    append(out, d.toSecondsPart(), french ? "seconde" : "second");
    return out.toString();
  }

  private static void append(StringBuilder out, long amount, String unit) {
    if (amount > 0) {
      out.append(out.isEmpty() ? "" : " ").append(amount).append(' ').append(unit).append(amount > 1 ? "s" : "");
    }
  }

  private static Tool tool(ToolSpec spec, BiFunction<ToolCall, ToolContext, Future<ToolResult>> body) {
    return new Tool() {
      @Override
      public ToolSpec spec() {
        return spec;
      }

      @Override
      public Future<ToolResult> call(ToolCall call, ToolContext context) {
        try {
          return body.apply(call, context);
        } catch (ToolArgumentsException e) {
          return Future.failedFuture(e);
        }
      }
    };
  }
}
