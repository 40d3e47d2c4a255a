package io.harpou.bridge.vertx.agent.impl;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import io.harpou.bridge.api.BridgeException;
import io.harpou.bridge.api.agent.Action;
import io.harpou.bridge.api.agent.Agent;
import io.harpou.bridge.api.agent.ChatHistory;
import io.harpou.bridge.api.agent.Interpretation;
import io.harpou.bridge.api.agent.Interpreter;
import io.harpou.bridge.api.agent.PolicyException;
import io.harpou.bridge.api.agent.Reply;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.event.ReplySent;
import io.harpou.bridge.api.event.TurnStarted;
import io.harpou.bridge.api.memory.MemoryQuery;
import io.harpou.bridge.api.memory.RecalledMemory;
import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.bridge.vertx.BridgeContext;
import io.harpou.bridge.vertx.agent.AgentOptions;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A turn: a pending confirmation is settled first, then the interpreters are tried in order, then the model loop
 * (or, without a model, a clear answer saying what is missing). The audit rows of the turn's actions and its history
 * are stored, and the reply event published, before the reply is returned.
 */
public final class AgentImpl implements Agent {

  private static final Logger LOG = LoggerFactory.getLogger(AgentImpl.class);
  private static final long MEMORY_WAIT_MS = 500;
  private static final int MEMORY_LIMIT = 5;

  private final BridgeContext context;
  private final AgentOptions options;
  private final PolicyExecutor executor;
  private final PendingConfirmations pending;
  private final ConversationStore history;
  private final TurnEvents events;
  private final ChatBackend backend;
  private final PromptBuilder prompt;
  private final List<ToolSpecification> specs;
  private volatile boolean stopped;

  /** Creates the agent; {@code backend} is null when no model is configured. */
  public AgentImpl(BridgeContext context, AgentOptions options, PolicyExecutor executor,
                   PendingConfirmations pending, ConversationStore history, TurnEvents events, ChatBackend backend) {
    this.context = context;
    this.options = options;
    this.executor = executor;
    this.pending = pending;
    this.history = history;
    this.events = events;
    this.backend = backend;
    this.prompt = new PromptBuilder(options.getPersona(), options.getEntityBudgetTokens());
    this.specs = context.tools().specs().stream().map(ToolSchemas::toSpecification).toList();
  }

  /** Refuses further turns. */
  public void stop() {
    stopped = true;
  }

  @Override
  public Future<Reply> ask(Utterance utterance, ChatHistory clientHistory) {
    if (stopped) {
      return Future.failedFuture(new BridgeException("the agent is stopped"));
    }
    Context caller = context.vertx().getOrCreateContext();
    String turnId = UUID.randomUUID().toString();
    events.begin(utterance.conversationId(), turnId);
    events.publish(new TurnStarted(Instant.now(), turnId, utterance));
    Future<Reply> turn;
    try {
      turn = settleConfirmation(utterance).compose(settled -> settled.isPresent()
          ? Future.succeededFuture(settled.get()) : interpret(utterance, clientHistory, 0));
    } catch (RuntimeException e) {
      turn = Future.failedFuture(e);
    }
    Promise<Reply> promise = Promise.promise();
    turn.recover(e -> {
          LOG.warn("Turn {} failed: {}", turnId, e.toString());
          return Future.succeededFuture(Reply.error(say(utterance, "Sorry, something went wrong.",
              "Désolé, quelque chose s'est mal passé."), utterance.conversationId()));
        })
        .compose(reply -> {
          // A client that holds the history sends it back next turn, edits and all: storing it too would duplicate.
          Future<Void> stored = clientHistory != null ? Future.succeededFuture()
              : history.append(utterance.conversationId(), utterance.text(), reply.speech()).recover(e -> {
                LOG.warn("History of {} could not be stored: {}", utterance.conversationId(), e.getMessage());
                return Future.succeededFuture();
              });
          return Future.join(executor.auditsOf(turnId), stored).map(reply);
        })
        .onComplete(ar -> {
          events.end(utterance.conversationId(), turnId);
          // An overlapping turn of the same conversation may have filed a write here since: it is under way anyway.
          executor.auditsOf(turnId);
          if (ar.succeeded()) {
            events.publish(new ReplySent(Instant.now(), turnId, ar.result()));
          }
          if (Vertx.currentContext() == caller) {
            promise.handle(ar);
          } else {
            caller.runOnContext(v -> promise.handle(ar));
          }
        });
    return promise.future();
  }

  private Future<Optional<Reply>> settleConfirmation(Utterance u) {
    Optional<PendingConfirmations.Pending> waiting = pending.take(u.conversationId());
    if (waiting.isEmpty()) {
      return Future.succeededFuture(Optional.empty());
    }
    if (PendingConfirmations.isNo(u.text())) {
      return Future.succeededFuture(Optional.of(Reply.answer(say(u, "OK, I won't.", "D'accord, je ne le fais pas."),
          u.conversationId())));
    }
    if (!PendingConfirmations.isYes(u.text())) {
      return Future.succeededFuture(Optional.empty());
    }
    PendingConfirmations.Pending p = waiting.get();
    Utterance confirmed = p.utterance().withText(u.text());
    return executor.executeConfirmed(p.call(), confirmed).map(result -> {
      Action action = new Action(p.call().name(), CallTargets.targets(p.call().arguments(),
          context.home().orElse(null)), !result.error());
      String speech = result.error() ? say(u, "That didn't work: ", "Cela n'a pas marché : ") + result.content()
          : say(u, "Done.", "C'est fait.");
      return Optional.of(new Reply(speech, result.error() ? Reply.Type.ERROR : Reply.Type.ACTION_DONE,
          List.of(action), taskOf(result), false, u.conversationId()));
    }).recover(e -> Future.succeededFuture(Optional.of(Reply.error(e.getMessage(), u.conversationId()))));
  }

  private Future<Reply> interpret(Utterance u, ChatHistory clientHistory, int index) {
    List<Interpreter> interpreters = context.tools().interpreters();
    if (index >= interpreters.size()) {
      return backend == null ? Future.succeededFuture(noModel(u)) : llm(u, clientHistory);
    }
    Interpreter interpreter = interpreters.get(index);
    Future<Interpretation> attempt;
    try {
      attempt = interpreter.interpret(u, context.toolContext(u), executor);
    } catch (RuntimeException e) {
      attempt = Future.failedFuture(e);
    }
    return attempt.transform(ar -> {
      if (ar.succeeded() && ar.result().handledReply().isPresent()) {
        return Future.succeededFuture(ar.result().handledReply().get());
      }
      if (ar.failed() && ar.cause() instanceof PolicyException policy) {
        Reply reply = Reply.answer(policy.getMessage(), u.conversationId());
        return Future.succeededFuture(policy.confirmationRequired() ? reply.expectingAnswer()
            : Reply.error(policy.getMessage(), u.conversationId()));
      }
      if (ar.failed()) {
        LOG.warn("Interpreter {} failed, passing on: {}", interpreter.id(), ar.cause().toString());
      }
      return interpret(u, clientHistory, index + 1);
    });
  }

  private Future<Reply> llm(Utterance u, ChatHistory clientHistory) {
    String turnId = events.turnOf(u.conversationId());
    Future<List<ChatMessage>> earlier = clientHistory == null ? history.recent(u.conversationId())
        : Future.succeededFuture(recentOf(clientHistory));
    String instructions = clientHistory == null ? null : clientHistory.instructions();
    return recall(u).compose(memories -> earlier.map(past -> {
      List<ChatMessage> messages = new ArrayList<>();
      messages.add(SystemMessage.from(prompt.system(u, context.home().orElse(null), memories, instructions)));
      messages.addAll(past);
      messages.add(UserMessage.from(u.text()));
      return messages;
    })).compose(messages -> new ToolLoop(context, backend, executor, events, specs, options.getMaxSteps(), turnId,
        u, messages).run());
  }

  /** The client's last messages, as many as the agent would send of its own history. */
  private List<ChatMessage> recentOf(ChatHistory clientHistory) {
    List<ChatHistory.Message> all = clientHistory.messages();
    return all.subList(Math.max(0, all.size() - options.getHistoryLimit()), all.size()).stream()
        .<ChatMessage>map(m -> m.role() == ChatHistory.Role.USER ? UserMessage.from(m.text())
            : AiMessage.from(m.text()))
        .toList();
  }

  private Future<List<RecalledMemory>> recall(Utterance u) {
    return context.memory().map(memory -> memory.recall(MemoryQuery.of(u.text(), MEMORY_LIMIT))
            .timeout(MEMORY_WAIT_MS, TimeUnit.MILLISECONDS)
            .recover(e -> Future.succeededFuture(List.<RecalledMemory>of())))
        .orElseGet(() -> Future.succeededFuture(List.of()));
  }

  private static Reply noModel(Utterance u) {
    return Reply.error(say(u, "I can only handle home commands right now; configure HARPOU_OLLAMA_URL to ask me"
        + " anything else.", "Je ne sais traiter que les commandes de la maison pour l'instant ; configurez"
        + " HARPOU_OLLAMA_URL pour me demander autre chose."), u.conversationId());
  }

  private static List<String> taskOf(ToolResult result) {
    return result.json() != null && result.json().getString("task_id") != null
        ? List.of(result.json().getString("task_id")) : List.of();
  }

  private static String say(Utterance u, String english, String french) {
    return u.language().startsWith("fr") ? french : english;
  }
}
