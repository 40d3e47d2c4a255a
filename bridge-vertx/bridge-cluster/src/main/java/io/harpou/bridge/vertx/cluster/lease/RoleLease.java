package io.harpou.bridge.vertx.cluster.lease;

import io.vertx.core.Future;
import io.vertx.core.Handler;

/**
 * The right to play a role that only one node may play at a time, such as holding the Home Assistant connection.
 * {@link #take()} asks once; a node that holds the role keeps it until it releases it or is told it {@link
 * Held#onLost lost} it, and must then stop acting at once.
 */
public interface RoleLease {

  /**
   * Takes the role if no other node holds it; fails when one does (after waiting up to a second or two, so that a
   * candidate asking again at once does not spin) or when the lease cannot be reached.
   */
  Future<Held> take();

  /** Stops this lease's own resources (connections, timers); a role still held is released first. */
  Future<Void> close();

  /** The role, held by this node. */
  interface Held {

    /** What {@code /health} says about this hold, such as its fencing epoch. */
    String describe();

    /**
     * {@code lost} runs once if this node can no longer be sure it holds the role (it could not renew in time, or
     * the cluster became too small), early enough to stop acting before another node may take it.
     */
    void onLost(Handler<String> lost);

    /** Gives the role up so another node may take it at once. */
    Future<Void> release();
  }
}
