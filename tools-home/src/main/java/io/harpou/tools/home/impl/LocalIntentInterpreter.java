package io.harpou.tools.home.impl;

import io.harpou.bridge.api.agent.Action;
import io.harpou.bridge.api.agent.ActionTarget;
import io.harpou.bridge.api.agent.Interpretation;
import io.harpou.bridge.api.agent.Interpreter;
import io.harpou.bridge.api.agent.PolicyException;
import io.harpou.bridge.api.agent.Reply;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.tool.ToolContext;
import io.harpou.bridge.api.tool.ToolExecutor;
import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.tools.home.IntentMatch;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The "local-intents" interpreter: matches the utterance against the sentence data and, when confident, acts through
 * the tool executor (so the policy and the audit apply); otherwise it answers "not mine".
 */
public final class LocalIntentInterpreter implements Interpreter {

  private static final Logger LOG = LoggerFactory.getLogger(LocalIntentInterpreter.class);

  private final HomeAccess access;
  private final IntentCatalog catalog;
  private final Map<ExposedHomeImpl, IntentMatcherImpl> matchers = new WeakHashMap<>();

  /** An interpreter sharing {@code access} with the tools and using {@code catalog}'s sentences. */
  public LocalIntentInterpreter(HomeAccess access, IntentCatalog catalog) {
    this.access = access;
    this.catalog = catalog;
  }

  @Override
  public String id() {
    return "local-intents";
  }

  private synchronized IntentMatcherImpl matcher(ExposedHomeImpl home) {
    return matchers.computeIfAbsent(home, h -> new IntentMatcherImpl(h, catalog));
  }

  @Override
  public Future<Interpretation> interpret(Utterance utterance, ToolContext context, ToolExecutor tools) {
    if (context.home().isEmpty()) {
      return Future.succeededFuture(Interpretation.notMine());
    }
    IntentMatch match;
    try {
      match = matcher(access.home(context.home().get())).match(utterance.text(), utterance.language(),
          context.room().orElse(null));
    } catch (RuntimeException e) {
      LOG.warn("intent matching failed, passing the utterance on: {}", e.toString());
      return Future.succeededFuture(Interpretation.notMine());
    }
    String conversation = utterance.conversationId();
    if (match.isNotMine()) {
      return Future.succeededFuture(Interpretation.notMine());
    }
    if (match.isQuestion()) {
      return Future.succeededFuture(Interpretation.handled(Reply.answer(match.question(), conversation)
          .expectingAnswer()));
    }
    List<ActionTarget> targets = match.entityIds().stream()
        .map(id -> ActionTarget.entity(id, access.home(context.home().get()).entity(id)
            .map(e -> e.displayName(utterance.language())).orElse(id)))
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
