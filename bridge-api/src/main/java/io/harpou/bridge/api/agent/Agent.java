package io.harpou.bridge.api.agent;

import io.vertx.core.Future;

/**
 * Turns what people say into actions and answers. Each turn publishes its steps as
 * {@link io.harpou.bridge.api.event.BridgeEvent}s on {@link io.harpou.bridge.api.BridgeAddresses#EVENTS}; history is
 * kept per conversation id, unless the client holds it.
 */
public interface Agent {

  /**
   * Handles one utterance of a conversation whose history the client holds (see {@link ChatHistory}), or, when
   * {@code history} is null, whose history the agent keeps by conversation id. The Future always succeeds with a reply
   * a person can hear (an error reply when something went wrong) unless the agent itself is stopped, in which case it
   * fails with a {@link io.harpou.bridge.api.BridgeException}. Callbacks run on the caller's Vert.x context.
   */
  Future<Reply> ask(Utterance utterance, ChatHistory history);

  /** Handles one utterance of a conversation whose history the agent keeps. */
  default Future<Reply> ask(Utterance utterance) {
    return ask(utterance, null);
  }

  /** Convenience: asks in English on the embedded channel, in a new conversation. */
  default Future<Reply> ask(String text) {
    return ask(Utterance.of(text));
  }
}
