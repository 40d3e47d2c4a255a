package io.harpou.bridge.vertx.agent.impl;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import io.harpou.bridge.api.agent.Action;
import io.harpou.bridge.api.agent.Reply;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.event.PlanUpdated;
import io.harpou.bridge.api.task.TaskRequest;
import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.bridge.vertx.models.ModelTurn;
import io.harpou.bridge.vertx.task.DurableTaskService;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A request that needs several steps, done as a visible plan: the model proposes the steps, the plan is published as
 * a {@link PlanUpdated} event whenever it changes, and each step runs as an ordinary turn of the agent loop. A failed
 * step is reported and the rest re-planned once; a second failure, or a step that needs the user's "yes", stops the
 * plan. A request that asks for it to run in the background is answered with the plan at once and runs as a background
 * task: listed with the other tasks, its progress reported after each step, stopped before its next step when the task
 * is cancelled, and its outcome delivered (announced in the room that asked) as every task's is. Each state of the
 * plan is stored as it is published, so the plan stays readable over the API after a restart.
 */
final class PlanRunner {

  /**
   * Where plans are kept and run in the background.
   *
   * @param store keeps each state of every plan
   * @param tasks runs plans asked for in the background as tasks
   */
  record Services(PlanStore store, DurableTaskService tasks) {
  }


  /** The most steps a plan may have. */
  static final int MAX_STEPS = 6;
  private static final int TITLE_LIMIT = 120;
  private static final Logger LOG = LoggerFactory.getLogger(PlanRunner.class);
  private static final String PLANNER = "You break a household's request into steps that the assistant will carry"
      + " out one at a time with its tools. Reply with only a JSON object {\"steps\": [\"...\", ...]}: 2 to "
      + MAX_STEPS + " short imperative steps, in order, each one thing the tools can do. If the request needs only one"
      + " step, reply {\"steps\": []}.";

  private final TurnEvents events;
  private final ModelTurn turn;
  private final Utterance utterance;
  private final String turnId;
  private final Function<String, Future<Reply>> stepTurn;
  private final Services services;
  private final String planId = UUID.randomUUID().toString();
  private final List<PlanUpdated.Step> steps = new ArrayList<>();
  private final List<Action> actions = new ArrayList<>();
  private final List<String> tasks = new ArrayList<>();
  private boolean replanned;
  private String taskId;

  /**
   * A plan for {@code utterance}.
   *
   * @param stepTurn runs one step's instruction as a turn of the agent loop
   * @param services keep the plan and run it in the background when asked
   */
  PlanRunner(TurnEvents events, ModelTurn turn, Utterance utterance, String turnId,
             Function<String, Future<Reply>> stepTurn, Services services) {
    this.events = events;
    this.turn = turn;
    this.utterance = utterance;
    this.turnId = turnId;
    this.stepTurn = stepTurn;
    this.services = services;
  }

  /** Whether the request asks to be run in the background. */
  static boolean inBackground(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    return lower.contains("in the background") || lower.contains("en arrière-plan")
        || lower.contains("en arriere-plan");
  }

  /**
   * Proposes the plan and runs it; empty when the model proposes fewer than two steps, and the request is then an
   * ordinary turn.
   */
  Future<Optional<Reply>> run() {
    return propose("Request: " + utterance.text()).compose(proposed -> {
      if (proposed.size() < 2) {
        return Future.succeededFuture(Optional.empty());
      }
      proposed.forEach(text -> steps.add(new PlanUpdated.Step(text, "pending", null)));
      publish("proposed");
      return inBackground(utterance.text()) ? background() : execute(0).map(Optional::of);
    });
  }

  /** Adopts the plan as a task, answers with the plan at once, and runs it; the task delivers its outcome. */
  private Future<Optional<Reply>> background() {
    Promise<ToolResult> outcome = Promise.promise();
    String title = say("Plan: ", "Plan : ") + utterance.text();
    title = title.length() > TITLE_LIMIT ? title.substring(0, TITLE_LIMIT) + "..." : title;
    return services.tasks().adopt(TaskRequest.adopted(title, utterance), outcome.future()).map(task -> {
      taskId = task.id();
      execute(0).onComplete(ar -> outcome.complete(ar.succeeded() && ar.result().type() != Reply.Type.ERROR
          ? ToolResult.ok(new JsonObject().put("message", ar.result().speech()))
          : ToolResult.error(ar.succeeded() ? ar.result().speech() : say("The plan failed.", "Le plan a échoué."))));
      return Optional.of(new Reply(say("Here's the plan: ", "Voici le plan : ") + numbered()
          + say(" I'll tell you here when it's done.", " Je vous dirai ici quand ce sera fait."),
          Reply.Type.QUERY_ANSWER, List.of(), List.of(task.id()), false, utterance.conversationId()));
    });
  }

  /** The steps the model proposes for {@code request}, at most {@link #MAX_STEPS}; empty when it proposes none. */
  private Future<List<String>> propose(String request) {
    List<ChatMessage> messages = List.of(SystemMessage.from(PLANNER), UserMessage.from(request));
    return turn.chat(messages, 1, List.of(), (text, reasoning) -> { })
        .map(response -> parse(response.aiMessage().text()))
        .recover(e -> {
          LOG.warn("Turn {}: no plan could be proposed: {}", turnId, e.getMessage());
          return Future.succeededFuture(List.of());
        });
  }

  /** The steps of the JSON object in {@code text} (the model may wrap it in prose or a code fence). */
  static List<String> parse(String text) {
    if (text == null || text.indexOf('{') < 0 || text.lastIndexOf('}') < text.indexOf('{')) {
      return List.of();
    }
    try {
      JsonArray array = new JsonObject(text.substring(text.indexOf('{'), text.lastIndexOf('}') + 1))
          .getJsonArray("steps", new JsonArray());
      return array.stream().filter(String.class::isInstance).map(s -> ((String) s).strip())
          .filter(s -> !s.isEmpty()).limit(MAX_STEPS).toList();
    } catch (RuntimeException e) {
      return List.of();
    }
  }

  private Future<Reply> execute(int index) {
    if (index >= steps.size()) {
      publish("done");
      return Future.succeededFuture(finished(say("Done: ", "C'est fait : ") + results() + failures()));
    }
    return taskEnded().compose(ended -> ended ? cancelled(index) : step(index));
  }

  /** Whether the task the plan runs as has ended without it (cancelled, or past the task time limit). */
  private Future<Boolean> taskEnded() {
    return taskId == null ? Future.succeededFuture(false) : services.tasks().get(taskId)
        .map(task -> task.map(info -> info.status().isFinal()).orElse(false));
  }

  private Future<Reply> cancelled(int index) {
    skipFrom(index);
    publish("stopped");
    return Future.succeededFuture(new Reply(say("The plan's task ended, so I stopped before step " + (index + 1) + ".",
        "La tâche du plan a pris fin : je me suis arrêté avant l'étape " + (index + 1) + "."), Reply.Type.ERROR,
        actions, tasks, false, utterance.conversationId()));
  }

  private Future<Reply> step(int index) {
    set(index, "running", null);
    publish("running");
    return stepTurn.apply(instruction(index)).compose(reply -> {
      actions.addAll(reply.actions());
      tasks.addAll(reply.tasks());
      if (reply.continueConversation()) {
        set(index, "failed", reply.speech());
        skipFrom(index + 1);
        publish("stopped");
        return Future.succeededFuture(new Reply(reply.speech(), reply.type(), actions, tasks, true,
            utterance.conversationId()));
      }
      boolean failed = reply.type() == Reply.Type.ERROR || reply.actions().stream().anyMatch(a -> !a.success());
      set(index, failed ? "failed" : "done", reply.speech());
      if (taskId != null) {
        services.tasks().progress(taskId, (index + 1.0) / steps.size(), steps.get(index).text());
      }
      if (!failed) {
        return execute(index + 1);
      }
      return replanned ? stop(index) : replan(index, reply.speech());
    });
  }

  /** Asks the model once for what remains after step {@code index} failed; no steps left stops the plan. */
  private Future<Reply> replan(int index, String failure) {
    replanned = true;
    return propose("Request: " + utterance.text() + "\nDone so far:\n" + done(index) + "Step " + (index + 1)
        + " failed: " + failure + "\nPlan what remains, or reply {\"steps\": []} to stop.").compose(remaining -> {
          if (remaining.isEmpty()) {
            return stop(index);
          }
          while (steps.size() > index + 1) {
            steps.remove(steps.size() - 1);
          }
          remaining.stream().limit(MAX_STEPS).forEach(text -> steps.add(new PlanUpdated.Step(text, "pending", null)));
          publish("replanned");
          return execute(index + 1);
        });
  }

  private Future<Reply> stop(int index) {
    skipFrom(index + 1);
    publish("stopped");
    PlanUpdated.Step failed = steps.get(index);
    return Future.succeededFuture(new Reply(say("I stopped the plan at step " + (index + 1) + " (" + failed.text()
        + "): " + failed.result(), "J'ai arrêté le plan à l'étape " + (index + 1) + " (" + failed.text() + ") : "
        + failed.result()), Reply.Type.ERROR, actions, tasks, false, utterance.conversationId()));
  }

  private String instruction(int index) {
    return "You are carrying out a plan for this request: " + utterance.text() + "\nDone so far:\n" + done(index)
        + "Now do only step " + (index + 1) + ": " + steps.get(index).text() + "\nUse the tools, then say in one"
        + " short sentence what you did.";
  }

  private String done(int index) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < index; i++) {
      out.append(i + 1).append(". ").append(steps.get(i).text()).append(": ").append(steps.get(i).result())
          .append('\n');
    }
    return out.length() == 0 ? "(nothing yet)\n" : out.toString();
  }

  private String numbered() {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < steps.size(); i++) {
      out.append(i + 1).append(". ").append(steps.get(i).text()).append(i + 1 < steps.size() ? "; " : ".");
    }
    return out.toString();
  }

  private String results() {
    StringBuilder out = new StringBuilder();
    steps.stream().filter(s -> "done".equals(s.status())).forEach(s -> out.append(out.length() == 0 ? "" : " ")
        .append(s.result()));
    return out.toString();
  }

  /** What the steps that failed and were re-planned around answered. */
  private String failures() {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < steps.size(); i++) {
      if ("failed".equals(steps.get(i).status())) {
        out.append(say(" Step " + (i + 1) + " (" + steps.get(i).text() + ") failed: ", " L'étape " + (i + 1) + " ("
            + steps.get(i).text() + ") a échoué : ")).append(steps.get(i).result());
      }
    }
    return out.toString();
  }

  private Reply finished(String speech) {
    boolean acted = actions.stream().anyMatch(Action::success);
    return new Reply(speech, acted || !tasks.isEmpty() ? Reply.Type.ACTION_DONE : Reply.Type.QUERY_ANSWER, actions,
        tasks, false, utterance.conversationId());
  }

  private void set(int index, String status, String result) {
    steps.set(index, new PlanUpdated.Step(steps.get(index).text(), status, result));
  }

  private void skipFrom(int index) {
    for (int i = index; i < steps.size(); i++) {
      set(i, "skipped", null);
    }
  }

  private void publish(String status) {
    PlanUpdated plan = new PlanUpdated(Instant.now(), planId, turnId, utterance.conversationId(), utterance.user(),
        utterance.text(), status, steps);
    events.publish(plan);
    services.store().save(plan, utterance.user()).onFailure(e -> LOG.warn("Plan {} could not be stored: {}", planId,
        e.getMessage()));
  }

  private String say(String english, String french) {
    return utterance.language().startsWith("fr") ? french : english;
  }
}
