package io.harpou.bridge.vertx.agent.impl;

import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.tool.ToolCall;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Calls waiting for the user's "yes", one per conversation, each for a limited time. */
public final class PendingConfirmations {

  private static final Set<String> YES = Set.of("yes", "yeah", "yep", "sure", "ok", "okay", "confirm", "confirmed",
      "yes please", "do it", "oui", "ouais", "confirme", "je confirme", "d'accord", "vas-y", "oui vas-y");
  private static final Set<String> NO = Set.of("no", "nope", "cancel", "stop", "don't", "non", "annule", "annuler");

  /** A call waiting for confirmation. */
  public record Pending(ToolCall call, Utterance utterance, long expiresAtMillis) {
  }

  private final Map<String, Pending> pending = new ConcurrentHashMap<>();
  private final long timeoutMillis;

  /** Creates an empty set of confirmations that expire after {@code timeoutMillis}. */
  public PendingConfirmations(long timeoutMillis) {
    this.timeoutMillis = timeoutMillis;
  }

  /** Remembers a call awaiting confirmation, replacing any older one of the conversation. */
  public void put(ToolCall call, Utterance utterance) {
    pending.put(utterance.conversationId(), new Pending(call, utterance,
        System.currentTimeMillis() + timeoutMillis));
  }

  /** Removes and returns the conversation's pending call when it has not expired. */
  public Optional<Pending> take(String conversationId) {
    Pending found = pending.remove(conversationId);
    return found == null || found.expiresAtMillis() < System.currentTimeMillis()
        ? Optional.empty() : Optional.of(found);
  }

  /** True when the text is a confirmation ("yes", "oui", "confirm"). */
  public static boolean isYes(String text) {
    return YES.contains(normalise(text));
  }

  /** True when the text is a refusal ("no", "non", "cancel"). */
  public static boolean isNo(String text) {
    return NO.contains(normalise(text));
  }

  private static String normalise(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("[.!?,]", " ").trim().replaceAll("\\s+", " ");
  }
}
