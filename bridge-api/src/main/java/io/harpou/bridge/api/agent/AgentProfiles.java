package io.harpou.bridge.api.agent;

import java.util.List;
import java.util.Optional;

/**
 * The household's agent profiles as the agent and the policy read them: which profile answers an utterance, and so
 * which persona speaks and which tools may run. Reads are synchronous and cheap (the profiles are held in memory).
 */
public interface AgentProfiles {

  /** No profiles: every utterance is answered by the hub's own agent, with every tool. */
  AgentProfiles NONE = new AgentProfiles() {
    @Override
    public List<AgentProfile> all() {
      return List.of();
    }
  };

  /** Every profile, by id. */
  List<AgentProfile> all();

  /** The profile with this id. */
  default Optional<AgentProfile> byId(String id) {
    return all().stream().filter(p -> p.id().equals(id)).findFirst();
  }

  /** The profile OpenAI clients pick by {@code model}. */
  default Optional<AgentProfile> byModelId(String model) {
    return all().stream().filter(p -> p.modelId().equals(model)).findFirst();
  }

  /**
   * The profile that answers {@code u}: the one it names ({@link Utterance#agentId()}), else its satellite's, else its
   * room's; empty for the hub's own agent.
   */
  default Optional<AgentProfile> forUtterance(Utterance u) {
    return answering(u.agentId(), u.satellite(), u.room());
  }

  /**
   * The profile that answers at a place: the one named by {@code agentId}, else the one that lists {@code satellite},
   * else the one that lists {@code room}; empty for the hub's own agent. Any argument may be null.
   */
  default Optional<AgentProfile> answering(String agentId, String satellite, String room) {
    if (agentId != null) {
      return byId(agentId);
    }
    if (satellite != null) {
      Optional<AgentProfile> bySatellite = all().stream().filter(p -> p.satellites().contains(satellite))
          .findFirst();
      if (bySatellite.isPresent()) {
        return bySatellite;
      }
    }
    if (room != null) {
      return all().stream().filter(p -> p.rooms().stream().anyMatch(r -> r.equalsIgnoreCase(room))).findFirst();
    }
    return Optional.empty();
  }

  /**
   * The profile a detected wake word calls, compared without case and with {@code _} and {@code -} as spaces, so the
   * wake word model {@code hey_chef} calls the profile whose wake word is "Hey Chef".
   */
  default Optional<AgentProfile> byWakeWord(String detected) {
    if (detected == null) {
      return Optional.empty();
    }
    String spoken = AgentProfile.wakeWordKey(detected);
    return all().stream().filter(p -> p.wakeWord() != null && AgentProfile.wakeWordKey(p.wakeWord()).equals(spoken))
        .findFirst();
  }
}
