package io.harpou.bridge.vertx.profiles;

import io.harpou.bridge.api.agent.AgentProfile;
import io.harpou.bridge.api.agent.AgentProfiles;
import io.harpou.bridge.vertx.db.Database;
import io.harpou.bridge.vertx.profiles.impl.SqlProfileStore;
import io.vertx.core.Future;
import java.time.Instant;

/**
 * The agent profiles, kept in the embedded database and held in memory for the agent and the policy, which read them
 * on every turn. Every change is versioned by {@code updated_at}: an update names the version it replaces, so two
 * editors never silently overwrite each other. Futures complete on the caller's context.
 */
public interface ProfileStore extends AgentProfiles {

  /** Opens the store in {@code database}, creating its table on first use, and loads the profiles. */
  static Future<ProfileStore> open(Database database) {
    return SqlProfileStore.open(database);
  }

  /**
   * Stores a new profile and returns it with its {@code updated_at}. Fails with {@link ProfileConflictException} when
   * a profile with that id, or with that OpenAI model id, exists.
   */
  Future<AgentProfile> create(AgentProfile profile);

  /**
   * Replaces the profile of the same id, if it is still at version {@code expected}, and returns it with its new
   * {@code updated_at}. Fails with {@link ProfileConflictException} when it changed since (or its OpenAI model id is
   * another profile's), and with {@link ProfileNotFoundException} when there is no such profile.
   */
  Future<AgentProfile> update(AgentProfile profile, Instant expected);

  /** Deletes a profile; false when there was none. */
  Future<Boolean> delete(String id);
}
