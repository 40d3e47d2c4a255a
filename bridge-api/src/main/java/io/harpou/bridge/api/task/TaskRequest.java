package io.harpou.bridge.api.task;

import io.harpou.bridge.api.Json;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.tool.ToolCall;
import java.time.Instant;

/**
 * A request for background work: run a tool call now, or announce a message at a given time (a timer, a reminder),
 * or both; or work its caller already runs (a plan), which the task service only follows and reports.
 *
 * @param title what people see in the task list ("Backing up the photos", "Timer 5 minutes")
 * @param origin the utterance that asked, whose channel and room receive the result
 * @param call the tool call to run, or null for a pure timer or work the caller runs
 * @param dueAt when to run or announce, or null for now
 * @param message what to announce when a timer fires, or null
 */
public record TaskRequest(String title, Utterance origin, ToolCall call, Instant dueAt, String message) {

  /** Requires a title, an origin, and a call, or a time with a message, or neither (work the caller runs). */
  public TaskRequest {
    Json.requireText(title, "task title");
    if (origin == null) {
      throw new IllegalArgumentException("a task needs the utterance that asked for it");
    }
    if (call == null && (dueAt == null) != (message == null)) {
      throw new IllegalArgumentException("a task runs a tool call, or announces a message at a time");
    }
  }

  /** Work its caller runs itself (a plan), adopted as a task so people can follow, cancel and hear of it. */
  public static TaskRequest adopted(String title, Utterance origin) {
    return new TaskRequest(title, origin, null, null, null);
  }

  /** Whether this is work its caller runs: nothing for the task service to run or announce by itself. */
  public boolean callerRuns() {
    return call == null && dueAt == null;
  }

  /** A tool call to run in the background now. */
  public static TaskRequest run(String title, Utterance origin, ToolCall call) {
    return new TaskRequest(title, origin, call, null, null);
  }

  /** A timer or reminder: announce {@code message} at {@code dueAt}. */
  public static TaskRequest timer(String title, Utterance origin, Instant dueAt, String message) {
    return new TaskRequest(title, origin, null, dueAt, message);
  }
}
