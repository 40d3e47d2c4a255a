package io.harpou.bridge.vertx;

import io.harpou.bridge.api.agent.Agent;
import io.harpou.bridge.api.home.HomeGateway;

/**
 * Parts that run on other nodes of a cluster, handed to a {@link Bridge} so it uses them instead of starting its own:
 * the home (then the bridge does not connect to Home Assistant) and the agent (used when the bridge runs none).
 *
 * @param home the home reached elsewhere, or null to connect as configured
 * @param agent the agent reached elsewhere, or null
 */
public record RemoteParts(HomeGateway home, Agent agent) {

  /** Nothing elsewhere: the bridge runs every configured part itself. */
  public static RemoteParts none() {
    return new RemoteParts(null, null);
  }
}
