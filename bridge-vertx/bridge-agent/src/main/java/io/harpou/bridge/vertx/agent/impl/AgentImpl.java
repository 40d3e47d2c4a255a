package io.harpou.bridge.vertx.agent.impl;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import io.harpou.bridge.api.BridgeException;
import io.harpou.bridge.api.agent.Action;
import io.harpou.bridge.api.agent.ActionTarget;
import io.harpou.bridge.api.agent.Agent;
import io.harpou.bridge.api.agent.AgentProfile;
import io.harpou.bridge.api.agent.Channel;
import io.harpou.bridge.api.agent.ChatHistory;
import io.harpou.bridge.api.agent.Interpretation;
import io.harpou.bridge.api.agent.Interpreter;
import io.harpou.bridge.api.agent.PolicyException;
import io.harpou.bridge.api.agent.Reply;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.event.ReplySent;
import io.harpou.bridge.api.event.TurnStarted;
import io.harpou.bridge.api.home.EntityState;
import io.harpou.bridge.api.home.HomeGateway;
import io.harpou.bridge.api.memory.MemoryQuery;
import io.harpou.bridge.api.memory.RecalledMemory;
import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.bridge.vertx.agent.AgentOptions;
import io.harpou.bridge.vertx.agent.AgentServices;
import io.harpou.bridge.vertx.agent.ConversationHistory;
import io.harpou.bridge.vertx.models.ModelPool;
import io.harpou.bridge.vertx.models.ModelTurn;
import io.harpou.bridge.vertx.models.TurnCache;
import io.harpou.bridge.vertx.models.TurnRequest;
import io.harpou.bridge.vertx.settings.HouseholdSettings;
import io.harpou.bridge.vertx.settings.LiveSettings;
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

  private final Vertx vertx;
  private final AgentServices services;
  private final AgentOptions options;
  private final PolicyGate executor;
  private final PendingConfirmations pending;
  private final ConversationHistory history;
  private final TurnEvents events;
  private final ModelPool models;
  private final TurnCache cache;
  private final PlanRunner.Services plans;
  private final PromptBuilder prompt;
  private final LiveSettings settings;
  private final OfferedTools offeredTools = new OfferedTools();
  private volatile boolean stopped;

  /**
   * Creates the agent; {@code models} is null when no model is configured, {@code cache} when answers are not
   * cached.
   */
  AgentImpl(Vertx vertx, AgentServices services, AgentOptions options, LiveSettings settings, PolicyGate executor,
            PendingConfirmations pending, ConversationHistory history, TurnEvents events, ModelPool models, TurnCache cache,
            PlanRunner.Services plans) {
    this.vertx = vertx;
    this.services = services;
    this.options = options;
    this.executor = executor;
    this.pending = pending;
    this.history = history;
    this.events = events;
    this.models = models;
    this.cache = cache;
    this.plans = plans;
    this.prompt = new PromptBuilder(settings);
    this.settings = settings;
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
    Context caller = vertx.getOrCreateContext();
    String turnId = UUID.randomUUID().toString();
    events.begin(utterance, turnId);
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
              : history.append(utterance, reply.speech()).recover(e -> {
                LOG.warn("History of {} could not be stored: {}", utterance.conversationId(), e.getMessage());
                return Future.succeededFuture();
              });
          return Future.join(executor.auditsOf(turnId), stored).map(reply);
        })
        .onComplete(ar -> {
          events.end(turnId);
          // A call that finished after the audits were awaited may have filed a write here since: it is under way.
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

  /**
   * Settles the conversation's pending confirmation with {@code u}: only the asker's own "yes" runs it, and a late or
   * second "yes" is told so. Anything else (another asker's words, an ordinary sentence) goes on as a new request.
   */
  private Future<Optional<Reply>> settleConfirmation(Utterance u) {
    PendingConfirmations.Settled settled = pending.settle(u);
    String conversation = u.conversationId();
    return switch (settled.outcome()) {
      case NOTHING -> Future.succeededFuture(Optional.empty());
      case REFUSE -> Future.succeededFuture(Optional.of(Reply.answer(say(u, "OK, I won't.",
          "D'accord, je ne le fais pas."), conversation)));
      case TOO_LATE -> {
        long seconds = Math.max(1, pending.timeoutMillis(u.channel()) / 1000);
        String plural = seconds == 1 ? "" : "s";
        yield Future.succeededFuture(Optional.of(Reply.answer(say(u, "That confirmation expired after " + seconds
            + " second" + plural + ", so nothing was done. Ask again if you still want it.", "Cette confirmation a"
            + " expiré au bout de " + seconds + " seconde" + plural + " : rien n'a été fait. Redemandez-le si vous"
            + " le voulez toujours."), conversation)));
      }
      case ALREADY_DONE -> Future.succeededFuture(Optional.of(Reply.answer(say(u, "That's already done; nothing"
          + " else is waiting for your yes.", "C'est déjà fait ; rien d'autre n'attend votre oui."), conversation)));
      case CONFIRM -> confirm(settled.confirmation(), u).map(Optional::of);
    };
  }

  private Future<Reply> confirm(PendingConfirmations.Confirmation confirmation, Utterance u) {
    return executor.executeConfirmed(confirmation, u).map(result -> {
      if (!result.error()) {
        pending.done(confirmation);
      }
      Action action = new Action(confirmation.call().name(), targets(confirmation), !result.error());
      // An unconfirmed action's text already says what is known and what is true now.
      String speech = result.outcomeUnknown() ? result.content()
          : result.error() ? say(u, "That didn't work: ", "Cela n'a pas marché : ") + result.content()
          : say(u, "Done.", "C'est fait.");
      return new Reply(speech, result.error() ? Reply.Type.ERROR : Reply.Type.ACTION_DONE, List.of(action),
          taskOf(result), false, u.conversationId());
    }).recover(e -> Future.succeededFuture(Reply.error(e.getMessage(), u.conversationId())));
  }

  /** The entities a confirmation acts on: those of its service calls, else those its tool call names. */
  private List<ActionTarget> targets(PendingConfirmations.Confirmation confirmation) {
    HomeGateway home = services.home().orElse(null);
    if (confirmation.actions().isEmpty()) {
      return CallTargets.targets(confirmation.call().arguments(), home);
    }
    return confirmation.actions().stream().flatMap(a -> a.target().entityIds().stream()).distinct()
        .map(id -> ActionTarget.entity(id, home == null ? id
            : home.state(id).map(EntityState::friendlyName).orElse(id)))
        .toList();
  }

  private Future<Reply> interpret(Utterance u, ChatHistory clientHistory, int index) {
    // A repair's request quotes the monitored world (a container's name, a path): it is for the model to read, never
    // a command for the local interpreters to match, so a container named "unlock-front-door" steers nothing.
    List<Interpreter> interpreters = u.channel() == Channel.MONITOR ? List.of() : services.tools().interpreters();
    if (index >= interpreters.size()) {
      return models == null ? Future.succeededFuture(NoModelReply.of(u, services.home().orElse(null)))
          : llm(u, clientHistory);
    }
    Interpreter interpreter = interpreters.get(index);
    Future<Interpretation> attempt;
    try {
      attempt = interpreter.interpret(u, executor.toolContext(u), executor);
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
    // The router sees the agent profile (else the speaker) and the model the profile names.
    Optional<AgentProfile> profile = services.profiles().forUtterance(u);
    TurnRequest request = new TurnRequest(events.turnOf(u), u.conversationId(), u.text(),
        u.language(), profile.map(AgentProfile::id).orElse(u.user()), profile.map(AgentProfile::model).orElse(null));
    // The cache knows neither personas nor tool lists, so a profile's turns are neither served from it nor kept.
    if (cache == null || profile.isPresent() || !cache.cacheable(request)) {
      return model(u, clientHistory, request, profile, null);
    }
    // An answer kept under another persona or reply language would speak in the household's old voice.
    HouseholdSettings household = settings.current();
    String voice = household.persona() + "\n" + household.language();
    return cache.lookup(request, voice).compose(lookup -> lookup.hit().map(hit -> Future.succeededFuture(
            Reply.answer(hit.answer(), u.conversationId()).servedFromCache(new Reply.Cached(hit.model(), hit.exact(),
                hit.similarity()))))
        .orElseGet(() -> model(u, clientHistory, request, profile, lookup)));
  }

  /**
   * The turn through the model loop, or as a plan when it asks for one; its answer is cached when {@code lookup} is
   * given and the turn allows it.
   */
  private Future<Reply> model(Utterance u, ChatHistory clientHistory, TurnRequest request,
                              Optional<AgentProfile> profile, TurnCache.Lookup lookup) {
    ModelTurn turn = models.begin(request).thinking(settings.current().thinking());
    // The home's share of the prompt shrinks with a small window, so the entities that matter most still fit.
    int entityBudget = turn.model().map(m -> Math.min(options.getEntityBudgetTokens(), m.promptBudget() / 4))
        .orElse(options.getEntityBudgetTokens());
    Future<List<ChatMessage>> earlier = clientHistory == null ? history.recent(u.conversationId())
        : Future.succeededFuture(recentOf(clientHistory));
    String instructions = clientHistory == null ? null : clientHistory.instructions();
    // A profile speaks with its own persona and is offered only its tools (the policy point refuses the others).
    PromptBuilder persona = profile.map(p -> prompt.withPersona(p.persona())).orElse(prompt);
    // Read each turn: tools of MCP servers come and go.
    List<ToolSpecification> all = offeredTools.of(services.tools().specs());
    List<ToolSpecification> offered = profile.isEmpty() ? all
        : all.stream().filter(s -> profile.get().allows(s.name())).toList();
    Future<Reply> answered = recall(u, profile).compose(memories -> earlier.compose(past -> {
      SystemMessage system = SystemMessage.from(persona.system(u, services.home().orElse(null), memories,
          instructions, entityBudget));
      List<ChatMessage> messages = new ArrayList<>();
      messages.add(system);
      messages.addAll(past);
      messages.add(UserMessage.from(u.text()));
      if (!models.traits(request).plan()) {
        return loop(u, turn, request, offered, messages, lookup);
      }
      PlanRunner plan = new PlanRunner(events, turn, u, request.turnId(), instruction -> new ToolLoop(services,
          turn, executor, pending, events, offered, options, request.turnId(), u,
          List.of(system, UserMessage.from(instruction))).run(), plans);
      return plan.run().compose(planned -> planned.isPresent() ? Future.succeededFuture(planned.get())
          : loop(u, turn, request, offered, messages, lookup));
    }));
    return answered.map(reply -> turn.notice(u.language()).map(reply::withSpeechAdded).orElse(reply));
  }

  /** One run of the model loop over {@code messages}, its answer kept in the cache when the turn allows it. */
  private Future<Reply> loop(Utterance u, ModelTurn turn, TurnRequest request, List<ToolSpecification> offered,
                             List<ChatMessage> messages, TurnCache.Lookup lookup) {
    ToolLoop loop = new ToolLoop(services, turn, executor, pending, events, offered, options, request.turnId(), u,
        messages);
    return loop.run().onSuccess(reply -> {
      if (lookup != null && loop.cacheable(reply)) {
        turn.model().ifPresent(model -> cache.store(request, lookup, reply.speech(), model.name(),
            loop.citedDocuments()));
      }
    });
  }

  /** The client's last messages, as many as the agent would send of its own history. */
  private List<ChatMessage> recentOf(ChatHistory clientHistory) {
    List<ChatHistory.Message> all = clientHistory.messages();
    return all.subList(Math.max(0, all.size() - options.getHistoryLimit()), all.size()).stream()
        .<ChatMessage>map(m -> m.role() == ChatHistory.Role.USER ? UserMessage.from(m.text())
            : AiMessage.from(m.text()))
        .toList();
  }

  /** What the turn's agent remembers about {@code u}: everything for the hub's own, its scope for a profile. */
  private Future<List<RecalledMemory>> recall(Utterance u, Optional<AgentProfile> profile) {
    return services.memory().map(memory -> ProfileMemory.of(memory, profile, u)
            .recall(MemoryQuery.of(u.text(), MEMORY_LIMIT))
            .timeout(MEMORY_WAIT_MS, TimeUnit.MILLISECONDS)
            .recover(e -> Future.succeededFuture(List.<RecalledMemory>of())))
        .orElseGet(() -> Future.succeededFuture(List.of()));
  }

  private static List<String> taskOf(ToolResult result) {
    return result.json() != null && result.json().getString("task_id") != null
        ? List.of(result.json().getString("task_id")) : List.of();
  }

  private static String say(Utterance u, String english, String french) {
    return u.language().startsWith("fr") ? french : english;
  }
}
