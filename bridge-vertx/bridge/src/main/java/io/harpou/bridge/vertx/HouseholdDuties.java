package io.harpou.bridge.vertx;

import io.vertx.core.Future;

/**
 * Who acts for the household when several nodes of a cluster carry the same configuration, so that each thing is told
 * once: a duty held by one node at a time ({@link #performs}), or one occurrence claimed by the first node to see it
 * ({@link #claim}). On a single hub this node does everything ({@link #ALWAYS}).
 */
public interface HouseholdDuties {

  /** Alerting about the household rather than this machine: the Home Assistant link. */
  String HOUSEHOLD_MONITORS = "household_monitors";

  /** Every duty, every occurrence: the single hub. */
  HouseholdDuties ALWAYS = new HouseholdDuties() {
    @Override
    public boolean performs(String duty) {
      return true;
    }

    @Override
    public Future<Boolean> claim(String occurrence) {
      return Future.succeededFuture(true);
    }
  };

  /** True while this node performs {@code duty}. */
  boolean performs(String duty);

  /**
   * Claims one occurrence (a rule found true of one state) for this node: true on the one node that acts on it, false
   * on every other node that saw it too. Fails only when the cluster cannot be asked.
   */
  Future<Boolean> claim(String occurrence);
}
