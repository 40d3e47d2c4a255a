package io.harpou.bridge.api.agent;

import io.vertx.core.Future;

/**
 * Turns what people say into actions and answers. Each turn publishes its steps as
 * {@link io.harpou.bridge.api.event.BridgeEvent}s on {@link io.harpou.bridge.api.BridgeAddresses#EVENTS}; history is
 * kept per conversation id.
 */
public interface Agent {

  /**
   * Handles one utterance. The Future always succeeds with a reply a person can hear (an error reply when something
   * went wrong) unless the agent itself is stopped, in which case it fails with a
   * {@link io.harpou.bridge.api.BridgeException}. Callbacks run on the caller's Vert.x context.
   */
  Future<Reply> ask(Utterance utterance);

  /** Convenience: asks in English on the embedded channel, in a new conversation. */
  default Future<Reply> ask(String text) {
    return ask(Utterance.of(text));
  }
}
