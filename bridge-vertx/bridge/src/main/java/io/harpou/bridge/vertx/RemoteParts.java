package io.harpou.bridge.vertx;

import io.harpou.bridge.api.agent.Agent;
import io.harpou.bridge.api.home.HomeGateway;

/**
 * Parts that run on other nodes of a cluster, handed to a {@link Bridge} so it uses them instead of starting its own:
 * the home (then the bridge does not connect to Home Assistant) and the agent (used when the bridge runs none); and
 * who acts for the household when several nodes carry the same configuration.
 *
 * @param home the home reached elsewhere, or null to connect as configured
 * @param agent the agent reached elsewhere, or null
 * @param duties which duties this node performs and which occurrences it acts on; null means all, as on a single hub
 */
public record RemoteParts(HomeGateway home, Agent agent, HouseholdDuties duties) {

  /** Every duty when no cluster decides. */
  public RemoteParts {
    duties = duties == null ? HouseholdDuties.ALWAYS : duties;
  }

  /** The home and the agent elsewhere, with this node performing every duty. */
  public RemoteParts(HomeGateway home, Agent agent) {
    this(home, agent, null);
  }

  /** Nothing elsewhere: the bridge runs every configured part itself. */
  public static RemoteParts none() {
    return new RemoteParts(null, null);
  }
}
