package io.harpou.tools.home.impl;

import io.harpou.bridge.api.agent.ActionTarget;
import io.harpou.bridge.api.agent.Interpretation;
import io.harpou.bridge.api.agent.Interpreter;
import io.harpou.bridge.api.agent.PolicyException;
import io.harpou.bridge.api.agent.Reply;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.home.ConnectionState;
import io.harpou.bridge.api.home.HomeGateway;
import io.harpou.bridge.api.tool.ToolCall;
import io.harpou.bridge.api.tool.ToolContext;
import io.harpou.bridge.api.tool.ToolGate;
import io.harpou.tools.home.IntentMatch;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The "local-intents" interpreter: matches the utterance against the sentence data and, when confident, acts through
 * the tool executor (so the policy and the audit apply); otherwise it answers "not mine". When it asks a question
 * (which device, which room, which timer, "did you mean the garden?"), the short answer that follows in the same
 * conversation within 30 seconds finishes the request (see {@link FollowUps}).
 */
public final class LocalIntentInterpreter implements Interpreter {

  private static final Logger LOG = LoggerFactory.getLogger(LocalIntentInterpreter.class);
  /** An answer to a question counts when it comes within this time in the same conversation. */
  static final long FOLLOW_UP_NANOS = 30_000_000_000L;
  /** Conversations with a question pending at once; beyond, the oldest question is forgotten. */
  static final int MAX_PENDING = 1_000;
  /** Intents answered without the home: the clock and "never mind". */
  private static final Set<String> HOME_FREE = Set.of("get_time", "get_date", "nevermind");

  private final HomeAccess access;
  private final IntentCatalog catalog;
  private final Map<ExposedHomeImpl, IntentMatcherImpl> matchers = new WeakHashMap<>();
  private final PendingQuestions<FollowUps.Pending> pendings;

  /** An interpreter sharing {@code access} with the tools and using {@code catalog}'s sentences. */
  public LocalIntentInterpreter(HomeAccess access, IntentCatalog catalog) {
    this(access, catalog, FOLLOW_UP_NANOS, System::nanoTime);
  }

  /** As above, with the time a question waits for its answer measured by {@code clock} (tests use their own). */
  LocalIntentInterpreter(HomeAccess access, IntentCatalog catalog, long followUpNanos, LongSupplier clock) {
    this.access = access;
    this.catalog = catalog;
    this.pendings = new PendingQuestions<>(MAX_PENDING, followUpNanos, clock);
  }

  @Override
  public String id() {
    return "local-intents";
  }

  private synchronized IntentMatcherImpl matcher(ExposedHomeImpl home) {
    return matchers.computeIfAbsent(home, h -> new IntentMatcherImpl(h, catalog));
  }

  @Override
  public Future<Interpretation> interpret(Utterance utterance, ToolContext context, ToolGate tools) {
    if (context.home().isEmpty()) {
      return Future.succeededFuture(Interpretation.notMine());
    }
    ExposedHomeImpl home = access.home(context.home().get());
    IntentMatcherImpl matcher = matcher(home);
    String conversation = utterance.conversationId();
    String room = context.room().orElse(null);
    Outcome outcome;
    String request = utterance.text();
    try {
      outcome = matcher.outcome(utterance.text(), utterance.language(), room);
      // A full request wins over an answer; otherwise a pending question gets the first look.
      FollowUps.Pending pending = outcome.match().call() == null ? pendings.take(conversation) : null;
      if (pending != null) {
        Outcome answered = FollowUps.answer(pending, utterance.text(), room, matcher);
        if (answered != null) {
          outcome = answered;
          request = pending.text();
        }
      } else {
        pendings.clear(conversation);
      }
    } catch (RuntimeException e) {
      LOG.warn("intent matching failed, passing the utterance on: {}", e.toString());
      return Future.succeededFuture(Interpretation.notMine());
    }
    IntentMatch match = outcome.match();
    if (outcome == FollowUps.CANCELLED) {
      return handled(Reply.answer(Messages.say(utterance.language(), "cancelled"), conversation));
    }
    if (match.isNotMine() || match.call() == null && !HOME_FREE.contains(match.intent()) && !knows(home)) {
      return Future.succeededFuture(Interpretation.notMine());
    }
    if (match.isQuestion()) {
      pendings.put(conversation, new FollowUps.Pending(outcome, request, utterance.language()));
      return handled(Reply.answer(match.question(), conversation).expectingAnswer());
    }
    if (match.isAnswer()) {
      boolean refused = match.hints().getBoolean("refused", false);
      return handled(refused ? Reply.error(match.answer(), conversation)
          : Reply.answer(match.answer(), conversation));
    }
    return run(match, home, utterance, tools, request);
  }

  /**
   * True once Home Assistant has been reached. Before (down, or refusing the token from the start) every name is
   * unknown and every count is zero, so the matcher's questions and answers about the home would be untrue: only its
   * calls, whose tools say why they cannot act, and the {@link #HOME_FREE} answers go out; the agent says the rest.
   */
  private static boolean knows(ExposedHomeImpl home) {
    HomeGateway gateway = home.gateway();
    return gateway.connectionState() == ConnectionState.CONNECTED || !gateway.states().isEmpty();
  }

  private static Future<Interpretation> handled(Reply reply) {
    return Future.succeededFuture(Interpretation.handled(reply));
  }

  private Future<Interpretation> run(IntentMatch match, ExposedHomeImpl home, Utterance utterance,
                                     ToolGate tools, String request) {
    String conversation = utterance.conversationId();
    String language = utterance.language();
    List<ActionTarget> targets = match.entityIds().stream()
        .map(id -> ActionTarget.entity(id, home.entity(id).map(e -> e.displayName(language)).orElse(id)))
        .toList();
    ToolCall call = match.call();
    return tools.execute(call, utterance)
        .map(result -> {
          JsonObject json = result.json();
          if (!result.error() && json != null && json.getString("ask") != null) {
            List<String> choices = json.getJsonArray("choices", new io.vertx.core.json.JsonArray()).stream()
                .map(String::valueOf).toList();
            pendings.put(conversation, new FollowUps.Pending(Outcome.of(match), request, language, call, choices));
            return Interpretation.handled(Reply.answer(json.getString("ask"), conversation).expectingAnswer());
          }
          return Interpretation.handled(ToolReplies.reply(match, result, targets, utterance, home));
        })
        .recover(err -> {
          if (err instanceof PolicyException pe) {
            Reply reply = pe.confirmationRequired()
                ? Reply.answer(pe.getMessage(), conversation).expectingAnswer()
                : Reply.error(pe.getMessage(), conversation);
            return Future.succeededFuture(Interpretation.handled(reply));
          }
          LOG.warn("tool {} failed for a local intent: {}", call.name(), err.toString());
          return Future.succeededFuture(Interpretation.notMine());
        });
  }
}
