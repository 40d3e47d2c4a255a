package io.harpou.bridge.api.agent;

import java.util.Optional;

/**
 * What an {@link Interpreter} made of an utterance: a reply, or "not mine" so the next interpreter (and finally the
 * LLM) takes over.
 *
 * @param reply the reply when the interpreter handled the utterance, or null
 */
public record Interpretation(Reply reply) {

  private static final Interpretation NOT_MINE = new Interpretation(null);

  /** The interpreter is not confident: pass the utterance on. */
  public static Interpretation notMine() {
    return NOT_MINE;
  }

  /** The interpreter handled the utterance with this reply. */
  public static Interpretation handled(Reply reply) {
    if (reply == null) {
      throw new IllegalArgumentException("a handled interpretation needs a reply");
    }
    return new Interpretation(reply);
  }

  /** The reply, when handled. */
  public Optional<Reply> handledReply() {
    return Optional.ofNullable(reply);
  }
}
