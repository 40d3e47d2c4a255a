package io.harpou.tools.home.impl;

import io.harpou.bridge.api.agent.Action;
import io.harpou.bridge.api.agent.ActionTarget;
import io.harpou.bridge.api.agent.Interpretation;
import io.harpou.bridge.api.agent.Interpreter;
import io.harpou.bridge.api.agent.PolicyException;
import io.harpou.bridge.api.agent.Reply;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.tool.ToolContext;
import io.harpou.bridge.api.tool.ToolGate;
import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.bridge.api.home.Area;
import io.harpou.tools.home.HomeEntity;
import io.harpou.tools.home.IntentMatch;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The "local-intents" interpreter: matches the utterance against the sentence data and, when confident, acts through
 * the tool executor (so the policy and the audit apply); otherwise it answers "not mine". When it asks which device
 * was meant, the short answer that follows in the same conversation within 30 seconds finishes the request.
 */
public final class LocalIntentInterpreter implements Interpreter {

  private static final Logger LOG = LoggerFactory.getLogger(LocalIntentInterpreter.class);
  /** An answer to "which one?" counts when it comes within this time in the same conversation. */
  static final long FOLLOW_UP_NANOS = 30_000_000_000L;
  /** Conversations with a question pending at once; beyond, the oldest question is forgotten. */
  static final int MAX_PENDING = 1_000;
  /** The user called the question off ("never mind"). */
  private static final Outcome CANCELLED = Outcome.of(IntentMatch.notMine());

  private final HomeAccess access;
  private final IntentCatalog catalog;
  private final Map<ExposedHomeImpl, IntentMatcherImpl> matchers = new WeakHashMap<>();
  private final PendingQuestions<Pending> pendings;

  /** A question asked in a conversation: what finishes it, and the request that raised it. */
  private record Pending(Outcome question, String text, String language) {
  }

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
    Pending pending;
    String request = utterance.text();
    try {
      outcome = matcher.outcome(utterance.text(), utterance.language(), room);
      // A full request wins over an answer; otherwise a pending question gets the first look.
      pending = outcome.match().isNotMine() || outcome.match().isQuestion() ? pendings.take(conversation) : null;
      if (pending != null) {
        Outcome answered = answer(pending, utterance, matcher);
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
    if (match.isNotMine() && outcome != CANCELLED) {
      return Future.succeededFuture(Interpretation.notMine());
    }
    if (match.isQuestion()) {
      pendings.put(conversation, new Pending(outcome, request, utterance.language()));
      return Future.succeededFuture(Interpretation.handled(Reply.answer(match.question(), conversation)
          .expectingAnswer()));
    }
    if (outcome == CANCELLED) {
      return Future.succeededFuture(Interpretation.handled(Reply.answer(
          Messages.say(utterance.language(), "cancelled"), conversation)));
    }
    return run(match, home, utterance, tools);
  }

  /** What {@code pending} and the answer in {@code utterance} come to, or null when it is not an answer. */
  private Outcome answer(Pending pending, Utterance utterance, IntentMatcherImpl matcher) {
    Outcome question = pending.question();
    HomeIndex index = matcher.index();
    if (question.then() == null || question.candidates().isEmpty()) {
      // "In which room?": the answer is a room; ask the first request again there.
      Area area = index.area(Resolver.spoken(utterance.text()).keyText());
      if (area == null) {
        return null;
      }
      Outcome again = matcher.outcome(pending.text(), pending.language(), area.areaId());
      return again.match().isNotMine() ? null : again;
    }
    AnswerReader.Choice choice = AnswerReader.read(utterance.text(), question.candidates(), index,
        matcher.catalog().vocabulary());
    if (choice == null) {
      return null;
    }
    if (choice.cancel()) {
      return CANCELLED;
    }
    List<HomeEntity> chosen = choice.chosen();
    if (chosen.size() > 1 && chosen.size() < question.candidates().size()) {
      String asked = Messages.which(pending.language(), chosen, List.of());
      return new Outcome(IntentMatch.ask(question.match().intent(), asked), chosen, question.then());
    }
    if (chosen.size() > 1 && !choice.all()) {
      return new Outcome(question.match(), question.candidates(), question.then());
    }
    IntentMatch done = question.then().apply(chosen);
    return done == null ? null : Outcome.of(done);
  }

  private Future<Interpretation> run(IntentMatch match, ExposedHomeImpl home, Utterance utterance,
                                     ToolGate tools) {
    String conversation = utterance.conversationId();
    List<ActionTarget> targets = match.entityIds().stream()
        .map(id -> ActionTarget.entity(id, home.entity(id).map(e -> e.displayName(utterance.language())).orElse(id)))
        .toList();
    boolean query = match.call().name().startsWith("get_");
    return tools.execute(match.call(), utterance)
        .map(result -> Interpretation.handled(reply(match, result, query, targets, utterance)))
        .recover(err -> {
          if (err instanceof PolicyException pe) {
            Reply reply = pe.confirmationRequired()
                ? Reply.answer(pe.getMessage(), conversation).expectingAnswer()
                : Reply.error(pe.getMessage(), conversation);
            return Future.succeededFuture(Interpretation.handled(reply));
          }
          LOG.warn("tool {} failed for a local intent: {}", match.call().name(), err.toString());
          return Future.succeededFuture(Interpretation.notMine());
        });
  }

  private static Reply reply(IntentMatch match, ToolResult result, boolean query, List<ActionTarget> targets,
                             Utterance utterance) {
    String conversation = utterance.conversationId();
    if (result.error()) {
      return new Reply(result.content(), Reply.Type.ERROR, List.of(new Action(match.call().name(), targets, false)),
          List.of(), false, conversation);
    }
    if (query) {
      return Reply.answer(Answers.format(match, result, utterance.language()), conversation);
    }
    String speech = result.text() != null ? result.text()
        : result.json().getString("message", result.content());
    return Reply.done(speech, List.of(new Action(match.call().name(), targets, true)), conversation);
  }
}
