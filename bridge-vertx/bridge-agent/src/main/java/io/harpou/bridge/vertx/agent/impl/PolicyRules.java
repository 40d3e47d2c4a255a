package io.harpou.bridge.vertx.agent.impl;

import io.harpou.bridge.api.agent.AgentProfile;
import io.harpou.bridge.api.agent.AgentProfiles;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.tool.Risk;
import io.harpou.bridge.api.tool.Tool;
import io.harpou.bridge.api.tool.ToolCall;
import io.harpou.bridge.vertx.agent.PolicyOptions;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the policy decides before a call runs: the risk it applies, and whether the asker may run a call of that risk
 * at all (the channel's denials, a network peer's trust, DANGEROUS switched off).
 */
final class PolicyRules {

  private static final Logger LOG = LoggerFactory.getLogger(PolicyRules.class);

  private final PolicyOptions policy;

  PolicyRules(PolicyOptions policy) {
    this.policy = policy;
  }

  /**
   * The risk the policy applies before the call runs. READ never asks: a read reaches nothing (and anything it would
   * send is held by the guard). A tool acting through the home is judged by the service calls it makes; for another
   * tool, a protected entity named in its arguments makes it PROTECTED. {@code reach} is null without a home.
   */
  Risk riskOf(Tool tool, ToolCall call, ProtectedReach reach) {
    Risk declared = tool.spec().risk();
    if (declared.ordinal() >= Risk.PROTECTED.ordinal()) {
      return declared;
    }
    if (policy.getProtectedTools().contains(call.name())) {
      return Risk.PROTECTED;
    }
    if (declared == Risk.READ || tool.actsThroughHome()) {
      return declared;
    }
    for (String id : CallTargets.entityIds(call.arguments())) {
      boolean isProtected = reach != null ? reach.isProtected(id)
          : policy.getProtectedDomains().contains(id.substring(0, id.indexOf('.')));
      if (isProtected) {
        return Risk.PROTECTED;
      }
    }
    return declared;
  }

  /** Why {@code u} may not run a call of {@code risk} at all, in the user's language, or null when it may. */
  String refusal(Utterance u, Risk risk, String toolName) {
    boolean french = u.language().startsWith("fr");
    if (policy.denies(u.channel(), risk) || !trustedWith(u, risk)) {
      return french ? "Désolé, je ne peux pas faire cela depuis cet appareil."
          : "Sorry, I can't do that from this device.";
    }
    if (risk == Risk.DANGEROUS && !policy.isDangerousEnabled()) {
      return french ? "Désolé, cette action système est désactivée sur ce hub."
          : "Sorry, " + toolName + " is a system action and is disabled on this hub.";
    }
    return null;
  }

  /**
   * Why the agent profile answering {@code u} may not use {@code toolName}, or null when it may (or no profile
   * answers). A profile named by the utterance that no longer exists allows nothing.
   */
  String outsideProfile(Utterance u, String toolName, AgentProfiles profiles) {
    Optional<AgentProfile> profile = profiles.forUtterance(u);
    if (profile.isEmpty()) {
      return u.agentId() == null ? null : "The agent profile '" + u.agentId() + "' no longer exists, so " + toolName
          + " was not run.";
    }
    if (profile.get().allows(toolName)) {
      return null;
    }
    return u.language().startsWith("fr") ? profile.get().name() + " n'a pas le droit d'utiliser " + toolName + "."
        : profile.get().name() + " is not allowed to use " + toolName + ".";
  }

  /** False when {@code u} comes from a network peer its channel does not trust with protected actions. */
  private boolean trustedWith(Utterance u, Risk risk) {
    if (risk.ordinal() < Risk.PROTECTED.ordinal() || policy.trustsPeer(u.channel(), u.peer())) {
      return true;
    }
    LOG.warn("Refused a protected action from {} peer {}; to allow it, list that address in"
        + " agent.policy.channels.{}.protected_from", u.channel().jsonName(), u.peer(), u.channel().jsonName());
    return false;
  }
}
