package io.harpou.bridge.vertx.cluster.lease;

import io.harpou.bridge.vertx.cluster.trust.ClusterTrust;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.shareddata.Lock;
import java.util.function.IntSupplier;

/**
 * The role as a Hazelcast cluster lock, held only while this node sees at least {@code minMembers} members it trusts:
 * Hazelcast releases a dead holder's lock, but a network split lets each half elect its own holder, so a half smaller
 * than the minimum gives the role up (and never takes it). With {@code minMembers} above half the household's
 * members, at most one half can hold the role.
 */
public final class HazelcastRoleLease implements RoleLease {

  private static final long WAIT_MS = 2_000;
  private static final long CHECK_MS = 1_000;

  private final Vertx vertx;
  private final String name;
  private final int minMembers;
  private final IntSupplier members;

  /** The lock {@code name} on {@code vertx}'s cluster, needing {@code minMembers} trusted members. */
  public HazelcastRoleLease(Vertx vertx, String name, int minMembers) {
    this.vertx = vertx;
    this.name = name;
    this.minMembers = minMembers;
    this.members = () -> ClusterTrust.of(vertx).map(ClusterTrust::trustedMembers)
        .orElseGet(() -> ((VertxInternal) vertx).clusterManager().getNodes().size());
  }

  @Override
  public Future<Held> take() {
    if (members.getAsInt() < minMembers) {
      return Future.failedFuture(tooFew());
    }
    return vertx.sharedData().getLockWithTimeout(name, WAIT_MS).map(HeldLock::new);
  }

  private String tooFew() {
    return "this node sees " + members.getAsInt() + " trusted cluster members, fewer than cluster.min_members ("
        + minMembers + ")";
  }

  @Override
  public Future<Void> close() {
    return Future.succeededFuture();
  }

  private final class HeldLock implements Held {

    private final Lock lock;
    private long timer = -1;

    HeldLock(Lock lock) {
      this.lock = lock;
    }

    @Override
    public String describe() {
      return "cluster lock " + name;
    }

    @Override
    public void onLost(Handler<String> lost) {
      if (minMembers <= 1) {
        return;
      }
      timer = vertx.setPeriodic(CHECK_MS, id -> {
        if (members.getAsInt() < minMembers) {
          vertx.cancelTimer(id);
          lost.handle(tooFew());
        }
      });
    }

    @Override
    public Future<Void> release() {
      vertx.cancelTimer(timer);
      lock.release();
      return Future.succeededFuture();
    }
  }
}
