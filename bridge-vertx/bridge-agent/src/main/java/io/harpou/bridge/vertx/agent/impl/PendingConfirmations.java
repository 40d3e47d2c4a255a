package io.harpou.bridge.vertx.agent.impl;

import io.harpou.bridge.api.agent.Channel;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.home.ServiceCall;
import io.harpou.bridge.api.tool.ToolCall;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;

/**
 * Protected actions waiting for a "yes", one per conversation. Each is bound to exactly what will run and to who
 * asked (channel, user, satellite, network peer): a "yes" from anyone else is ordinary text and leaves it waiting.
 * An answer that comes too late, or a second "yes", is told apart from an ordinary sentence for a while after, so
 * each gets its own true answer.
 */
public final class PendingConfirmations {

  private static final Set<String> YES = Set.of("yes", "yeah", "yep", "sure", "ok", "okay", "confirm", "confirmed",
      "yes please", "do it", "oui", "ouais", "confirme", "je confirme", "d'accord", "vas-y", "oui vas-y");
  private static final Set<String> NO = Set.of("no", "nope", "cancel", "stop", "don't", "non", "annule", "annuler");
  /** How long an expired or settled confirmation is remembered, to answer a late or second "yes" truthfully. */
  static final long REMEMBERED_MS = 10 * 60_000;
  /** Conversations remembered at once; beyond, the oldest is forgotten. */
  static final int MAX_REMEMBERED = 10_000;

  /** Who asked: a confirmation counts only from the same channel, user, satellite and network peer. */
  public record Asker(Channel channel, String user, String satellite, String peer) {

    /** The asker of {@code u}. */
    public static Asker of(Utterance u) {
      return new Asker(u.channel(), u.user(), u.satellite(), u.peer());
    }
  }

  /**
   * A protected action waiting for its asker's "yes".
   *
   * @param call the tool call as the model or an interpreter made it (for the audit)
   * @param actions the exact service calls that run on "yes"; empty when the tool call itself runs (a tool that
   *     acts outside Home Assistant)
   * @param utterance the request that asked for it
   * @param expiresAtMillis when the "yes" stops counting
   */
  public record Confirmation(ToolCall call, List<ServiceCall> actions, Utterance utterance, long expiresAtMillis) {

    /** Copies the actions. */
    public Confirmation {
      actions = List.copyOf(actions);
    }

    /** Who may confirm it. */
    public Asker asker() {
      return Asker.of(utterance);
    }
  }

  /** What an utterance does to its conversation's pending confirmation. */
  public enum Outcome {
    /** Nothing of this asker waits: the utterance is ordinary text. */
    NOTHING,
    /** "Yes" in time: run the confirmation's actions. */
    CONFIRM,
    /** "No": nothing runs. */
    REFUSE,
    /** "Yes" after the confirmation expired: nothing runs. */
    TOO_LATE,
    /** "Yes" again after a confirmed action ran. */
    ALREADY_DONE
  }

  /** The outcome, with the confirmation it concerns (null for {@link Outcome#NOTHING}). */
  public record Settled(Outcome outcome, Confirmation confirmation) {
  }

  /** A conversation's entry: waiting for an answer, or done (its action ran) and remembered for a second "yes". */
  private record Entry(Confirmation confirmation, boolean done, long rememberedUntil) {
  }

  private final Map<String, Entry> entries = new LinkedHashMap<>();
  private final ToLongFunction<Channel> timeouts;
  private final LongSupplier clock;

  /** Creates an empty set of confirmations that expire after the time the policy gives their asker's channel. */
  public PendingConfirmations(ToLongFunction<Channel> timeouts) {
    this(timeouts, System::currentTimeMillis);
  }

  PendingConfirmations(long timeoutMillis, LongSupplier clock) {
    this(channel -> timeoutMillis, clock);
  }

  PendingConfirmations(ToLongFunction<Channel> timeouts, LongSupplier clock) {
    this.timeouts = timeouts;
    this.clock = clock;
  }

  /** How long a confirmation asked on {@code channel} waits, in milliseconds. */
  public long timeoutMillis(Channel channel) {
    return timeouts.applyAsLong(channel);
  }

  /**
   * Makes {@code actions} (or the call itself, when empty) wait for a "yes" from the asker of {@code utterance},
   * replacing anything older in the conversation.
   */
  public synchronized Confirmation put(ToolCall call, List<ServiceCall> actions, Utterance utterance) {
    long now = clock.getAsLong();
    forgetOld(now);
    long timeoutMillis = timeoutMillis(utterance.channel());
    Confirmation confirmation = new Confirmation(call, actions, utterance, now + timeoutMillis);
    entries.remove(utterance.conversationId());
    entries.put(utterance.conversationId(), new Entry(confirmation, false, now + timeoutMillis + REMEMBERED_MS));
    return confirmation;
  }

  /** Forgets whatever waits in {@code conversationId} (a step that asked for two protected actions at once). */
  public synchronized void withdraw(String conversationId) {
    entries.remove(conversationId);
  }

  /**
   * Settles the conversation's confirmation with {@code u}: only its asker's words count. A confirmation is taken
   * by its asker's next utterance whatever it says; a "yes" that confirms leaves nothing waiting.
   */
  public synchronized Settled settle(Utterance u) {
    Entry entry = entries.get(u.conversationId());
    if (entry == null || !entry.confirmation().asker().equals(Asker.of(u))) {
      return new Settled(Outcome.NOTHING, null);
    }
    entries.remove(u.conversationId());
    long now = clock.getAsLong();
    boolean yes = isYes(u.text());
    Confirmation c = entry.confirmation();
    if (entry.done() || now > entry.rememberedUntil()) {
      return new Settled(yes && entry.done() && now <= entry.rememberedUntil() ? Outcome.ALREADY_DONE
          : Outcome.NOTHING, c);
    }
    if (isNo(u.text())) {
      return new Settled(Outcome.REFUSE, c);
    }
    if (!yes) {
      return new Settled(Outcome.NOTHING, c);
    }
    return new Settled(now > c.expiresAtMillis() ? Outcome.TOO_LATE : Outcome.CONFIRM, c);
  }

  /** Remembers that {@code confirmation} ran, so that a second "yes" from its asker is answered as such. */
  public synchronized void done(Confirmation confirmation) {
    String conversation = confirmation.utterance().conversationId();
    entries.remove(conversation);
    entries.put(conversation, new Entry(confirmation, true, clock.getAsLong() + REMEMBERED_MS));
  }

  private void forgetOld(long now) {
    Iterator<Entry> it = entries.values().iterator();
    while (it.hasNext()) {
      Entry entry = it.next();
      if (now > entry.rememberedUntil() || entries.size() >= MAX_REMEMBERED) {
        it.remove();
      }
    }
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
