package io.harpou.bridge.vertx.agent.impl;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.harpou.bridge.api.agent.Action;
import io.harpou.bridge.api.agent.PolicyException;
import io.harpou.bridge.api.agent.Reply;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.event.Thinking;
import io.harpou.bridge.api.event.TokenUsage;
import io.harpou.bridge.api.tool.Risk;
import io.harpou.bridge.api.tool.ToolArgumentsException;
import io.harpou.bridge.api.tool.ToolCall;
import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.bridge.vertx.agent.AgentOptions;
import io.harpou.bridge.vertx.agent.AgentServices;
import io.harpou.bridge.vertx.models.ModelFailure;
import io.harpou.bridge.vertx.models.ModelTurn;
import io.harpou.bridge.vertx.models.TurnCache;
import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One turn of the model loop: ask the model, run the tools it calls (concurrently, through the executor), feed the
 * results back, until it answers. It stops at the step limit, at the call limits (a step asking for too many calls
 * runs none of them), when the model repeats an identical call, or when one step asks for two protected actions (each
 * needs its own "yes", so neither is asked), and always ends with something to say.
 */
final class ToolLoop {

  private final AgentServices services;
  private final ModelTurn turn;
  private final int historyEnd;
  private final PolicyGate executor;
  private final PendingConfirmations pending;
  private final TurnEvents events;
  private final List<ToolSpecification> specs;
  private final int maxSteps;
  private final int maxCallsPerStep;
  private final int maxCallsPerTurn;
  private final String turnId;
  private final Utterance utterance;
  private final List<ChatMessage> messages;
  private final Set<String> seenCalls = new HashSet<>();
  private final List<Action> actions = new ArrayList<>();
  private final List<String> tasks = new ArrayList<>();
  private final Set<String> toolsCalled = new HashSet<>();
  private final Set<String> citedDocuments = new HashSet<>();
  private boolean answeredByModel;
  private String lastToolText;
  private boolean repaired;
  private int callsMade;

  ToolLoop(AgentServices services, ModelTurn turn, PolicyGate executor, PendingConfirmations pending,
           TurnEvents events, List<ToolSpecification> specs, AgentOptions options, String turnId,
           Utterance utterance, List<ChatMessage> messages) {
    this.services = services;
    this.turn = turn;
    // The turn's own messages start at its request, the last message given.
    this.historyEnd = messages.size() - 1;
    this.executor = executor;
    this.pending = pending;
    this.events = events;
    this.specs = specs;
    this.maxSteps = options.getMaxSteps();
    this.maxCallsPerStep = options.getMaxCallsPerStep();
    this.maxCallsPerTurn = options.getMaxCallsPerTurn();
    this.turnId = turnId;
    this.utterance = utterance;
    this.messages = new ArrayList<>(messages);
  }

  Future<Reply> run() {
    return step(0);
  }

  private Future<Reply> step(int index) {
    if (index >= maxSteps) {
      return Future.succeededFuture(answer(say("Sorry, that took too many steps, so I stopped.",
          "Désolé, cela demandait trop d'étapes, je me suis arrêté.") + progress()));
    }
    String conversation = utterance.conversationId();
    return turn.chat(messages, historyEnd, specs, (text, reasoning) -> events.publish(
            new Thinking(Instant.now(), turnId, conversation, text, reasoning)))
        .compose(response -> onResponse(index, response),
            e -> Future.succeededFuture(Reply.error(e instanceof ModelFailure failure
                ? failure.speech(utterance.language()) : say("Sorry, the language model failed.",
                "Désolé, le modèle de langage a échoué."), conversation)));
  }

  /**
   * Whether {@code reply}, the answer of this loop, may be served again: a plain answer from the model, after no
   * tool call or only searches of the documents, so that nothing that acted or read the home is ever repeated.
   */
  boolean cacheable(Reply reply) {
    return answeredByModel && reply.type() == Reply.Type.QUERY_ANSWER && reply.actions().isEmpty()
        && reply.tasks().isEmpty() && !reply.continueConversation() && !repaired
        && toolsCalled.stream().allMatch(TurnCache.DOCUMENT_TOOL::equals);
  }

  /** The documents the search tool returned passages of, which a cached answer cites. */
  Set<String> citedDocuments() {
    return Set.copyOf(citedDocuments);
  }

  private Future<Reply> onResponse(int index, ChatResponse response) {
    dev.langchain4j.model.output.TokenUsage usage = response.tokenUsage();
    if (usage != null) {
      events.publish(new TokenUsage(Instant.now(), turnId, utterance.conversationId(),
          usage.inputTokenCount() == null ? 0 : usage.inputTokenCount(),
          usage.outputTokenCount() == null ? 0 : usage.outputTokenCount()));
    }
    AiMessage ai = response.aiMessage();
    if (!ai.hasToolExecutionRequests()) {
      if (ai.text() != null && !ai.text().isBlank()) {
        answeredByModel = true;
        return Future.succeededFuture(answer(ai.text().trim()));
      }
      // An empty answer is what a streamed tool call with unreadable arguments leaves behind.
      return repair(index, "Your last reply was empty or its tool call could not be read. Call the tool again"
          + " with a valid JSON object as arguments, or answer in plain text.");
    }
    List<ToolExecutionRequest> requests = ai.toolExecutionRequests();
    if (requests.size() > maxCallsPerStep) {
      return Future.succeededFuture(answer(say("Sorry, that needed " + requests.size() + " actions at once and I"
          + " take at most " + maxCallsPerStep + " in one go, so I did none of them. Please ask for fewer at a time.",
          "Désolé, cela demandait " + requests.size() + " actions d'un coup et j'en fais au plus " + maxCallsPerStep
          + " à la fois, je n'en ai donc fait aucune. Demandez-en moins à la fois.")));
    }
    if (callsMade + requests.size() > maxCallsPerTurn) {
      return Future.succeededFuture(answer(say("Sorry, that took more than " + maxCallsPerTurn + " actions, so I"
          + " stopped.", "Désolé, cela demandait plus de " + maxCallsPerTurn + " actions, je me suis arrêté.")
          + progress()));
    }
    callsMade += requests.size();
    messages.add(ai);
    List<Future<ToolExecutionResultMessage>> results = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    List<JsonObject> parsed = new ArrayList<>();
    int newCalls = 0;
    for (ToolExecutionRequest request : requests) {
      JsonObject arguments = parse(request.arguments());
      parsed.add(arguments);
      if (arguments != null && seenCalls.add(request.name() + " " + canonical(arguments))) {
        newCalls++;
      }
    }
    if (newCalls == 0 && !parsed.contains(null)) {
      return Future.succeededFuture(answer(say("Sorry, I was going round in circles, so I stopped.",
          "Désolé, je tournais en rond, je me suis arrêté.") + progress()));
    }
    for (int i = 0; i < requests.size(); i++) {
      ToolExecutionRequest request = requests.get(i);
      if (parsed.get(i) == null) {
        problems.add(request.name() + ": arguments are not a JSON object");
        results.add(Future.succeededFuture(ToolExecutionResultMessage.from(request,
            "Error: the arguments are not valid JSON. Send a JSON object matching the tool's schema.")));
      } else {
        results.add(execute(request, new ToolCall(request.id(), request.name(), parsed.get(i)), problems));
      }
    }
    return Future.join(results).transform(ar -> {
      List<PolicyException> questions = results.stream().filter(Future::failed).map(Future::cause)
          .filter(PolicyException.class::isInstance).map(PolicyException.class::cast).toList();
      if (questions.size() > 1) {
        pending.withdraw(utterance.conversationId());
        return Future.succeededFuture(answer(say("Sorry, I can ask you to confirm only one protected action at a"
            + " time, so I did none of them. Please ask me for each one separately.", "Désolé, je ne peux vous faire"
            + " confirmer qu'une action protégée à la fois, je n'en ai donc fait aucune. Demandez-les-moi une par"
            + " une.")));
      }
      if (questions.size() == 1) {
        return Future.succeededFuture(new Reply(questions.get(0).getMessage(), Reply.Type.QUERY_ANSWER, actions,
            tasks, true, utterance.conversationId()));
      }
      results.forEach(f -> messages.add(f.result()));
      if (!problems.isEmpty()) {
        return repaired ? Future.succeededFuture(answer(say("Sorry, I couldn't work out how to do that.",
            "Désolé, je n'ai pas réussi à faire cela.")))
            : repairAfterResults(index);
      }
      if (allStartedTasks(results)) {
        return Future.succeededFuture(answer(String.join(" ", startedMessages(results))));
      }
      return step(index + 1);
    });
  }

  private Future<ToolExecutionResultMessage> execute(ToolExecutionRequest request, ToolCall call,
                                                     List<String> problems) {
    toolsCalled.add(call.name());
    return executor.execute(call, utterance).transform(ar -> {
      if (ar.succeeded()) {
        ToolResult result = ar.result();
        noteResult(call, result);
        return Future.succeededFuture(ToolExecutionResultMessage.from(request, result.content()));
      }
      Throwable e = ar.cause();
      if (e instanceof PolicyException policy && policy.confirmationRequired()) {
        return Future.failedFuture(policy);
      }
      if (e instanceof ToolArgumentsException) {
        problems.add(e.getMessage());
        return Future.succeededFuture(ToolExecutionResultMessage.from(request, "Error: " + e.getMessage()
            + " Fix the arguments and call the tool again."));
      }
      String text = e instanceof PolicyException ? "Refused by the policy: " + e.getMessage()
          : "Error: " + e.getMessage();
      return Future.succeededFuture(ToolExecutionResultMessage.from(request, text));
    });
  }

  private static JsonObject parse(String arguments) {
    if (arguments == null || arguments.isBlank()) {
      return new JsonObject();
    }
    try {
      return new JsonObject(arguments);
    } catch (DecodeException | ClassCastException e) {
      return null;
    }
  }

  private Future<Reply> repairAfterResults(int index) {
    repaired = true;
    return step(index + 1);
  }

  private Future<Reply> repair(int index, String instruction) {
    if (repaired || specs.isEmpty()) {
      return Future.succeededFuture(answer(say("Sorry, I don't have an answer to that.",
          "Désolé, je n'ai pas de réponse à cela.")));
    }
    repaired = true;
    messages.add(UserMessage.from(instruction));
    return step(index + 1);
  }

  private void noteResult(ToolCall call, ToolResult result) {
    lastToolText = result.content();
    if (result.json() != null && result.json().getValue("passages") instanceof JsonArray passages) {
      passages.stream().filter(JsonObject.class::isInstance).map(p -> ((JsonObject) p).getString("file"))
          .filter(Objects::nonNull).forEach(citedDocuments::add);
    }
    if (result.json() != null && "started".equals(result.json().getString("status"))
        && result.json().getString("task_id") != null) {
      tasks.add(result.json().getString("task_id"));
      return;
    }
    Risk risk = services.tools().tool(call.name()).map(t -> t.spec().risk()).orElse(Risk.READ);
    if (risk != Risk.READ) {
      actions.add(new Action(call.name(), CallTargets.targets(call.arguments(), services.home().orElse(null)),
          !result.error()));
    }
  }

  private static boolean allStartedTasks(List<Future<ToolExecutionResultMessage>> results) {
    return !results.isEmpty() && results.stream().allMatch(f -> startedMessage(f.result()) != null);
  }

  private static List<String> startedMessages(List<Future<ToolExecutionResultMessage>> results) {
    return results.stream().map(f -> startedMessage(f.result())).toList();
  }

  private static String startedMessage(ToolExecutionResultMessage message) {
    String text = message.text();
    if (text == null || !text.startsWith("{")) {
      return null;
    }
    try {
      JsonObject json = new JsonObject(text);
      return "started".equals(json.getString("status")) ? json.getString("message") : null;
    } catch (DecodeException e) {
      return null;
    }
  }

  private Reply answer(String speech) {
    boolean acted = actions.stream().anyMatch(Action::success);
    return new Reply(speech, acted || !tasks.isEmpty() ? Reply.Type.ACTION_DONE : Reply.Type.QUERY_ANSWER,
        actions, tasks, false, utterance.conversationId());
  }

  private String progress() {
    if (lastToolText == null) {
      return "";
    }
    String text = lastToolText.length() > 200 ? lastToolText.substring(0, 200) + "..." : lastToolText;
    return say(" The last result was: ", " Le dernier résultat était : ") + text;
  }

  private String say(String english, String french) {
    return utterance.language().startsWith("fr") ? french : english;
  }

  /** The arguments with keys sorted, so two identical calls compare equal whatever the key order. */
  static String canonical(Object value) {
    if (value instanceof JsonObject object) {
      StringBuilder out = new StringBuilder("{");
      object.fieldNames().stream().sorted().forEach(k -> out.append(k).append('=')
          .append(canonical(object.getValue(k))).append(','));
      return out.append('}').toString();
    }
    return String.valueOf(value);
  }
}
