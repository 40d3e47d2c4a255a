package io.harpou.bridge.vertx.cluster.lease;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Tuple;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The role as a row of PostgreSQL, which every node reaches whatever happens to Hazelcast: a holder, a fencing epoch
 * raised at every change of holder, and an expiry on the database's clock. A node takes the row only once it has
 * expired, and the holder renews it every quarter of the lease. A holder that has not renewed for two thirds of the
 * lease (the database unreachable, or the row taken) counts the role as lost, leaving a third of the lease to stop
 * acting before any other node can take it. So two halves of a split cluster never both hold the role.
 */
public final class PgRoleLease implements RoleLease {

  private static final String CREATE = """
      CREATE TABLE IF NOT EXISTS harpou_role_lease (role TEXT PRIMARY KEY, holder TEXT NOT NULL,
        epoch BIGINT NOT NULL, expires_at TIMESTAMPTZ NOT NULL)""";
  private static final String TAKE = """
      INSERT INTO harpou_role_lease AS l (role, holder, epoch, expires_at)
      VALUES ($1, $2, 1, now() + make_interval(secs => $3))
      ON CONFLICT (role) DO UPDATE SET holder = EXCLUDED.holder, epoch = l.epoch + 1, expires_at = EXCLUDED.expires_at
      WHERE l.expires_at < now()
      RETURNING epoch""";
  private static final String RENEW = """
      UPDATE harpou_role_lease SET expires_at = now() + make_interval(secs => $4)
      WHERE role = $1 AND holder = $2 AND epoch = $3 AND expires_at > now()""";
  private static final String RELEASE = """
      UPDATE harpou_role_lease SET expires_at = now() - interval '1 millisecond'
      WHERE role = $1 AND holder = $2 AND epoch = $3""";

  private final Vertx vertx;
  private final Pool pool;
  private final String role;
  private final String holder = UUID.randomUUID().toString();
  private final long ttlMs;
  private Future<Void> created;

  private PgRoleLease(Vertx vertx, Pool pool, String role, long ttlMs) {
    this.vertx = vertx;
    this.pool = pool;
    this.role = role;
    this.ttlMs = ttlMs;
  }

  /**
   * A lease on {@code role} in the database at {@code url}, lasting {@code ttlMs} unrenewed.
   *
   * @throws IllegalArgumentException for a malformed URL
   */
  public static PgRoleLease create(Vertx vertx, String url, String role, long ttlMs) {
    PgConnectOptions connect = PgConnectOptions.fromUri(url);
    Pool pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(2)).connectingTo(connect).using(vertx).build();
    return new PgRoleLease(vertx, pool, role, ttlMs);
  }

  @Override
  public Future<Held> take() {
    return table().compose(v -> pool.preparedQuery(TAKE).execute(Tuple.of(role, holder, ttlMs / 1000.0)))
        .compose(rows -> {
          long sent = System.nanoTime();
          if (rows.size() == 0) {
            // Held elsewhere: the failure waits a moment, so a node asking again at once does not flood the database.
            return vertx.timer(Math.min(1_000, ttlMs / 10))
                .compose(t -> Future.failedFuture("another node holds the lease on " + role));
          }
          return Future.succeededFuture(new HeldRow(rows.iterator().next().getLong("epoch"), sent));
        });
  }

  /** The table, made once by whichever node comes first; a failed attempt is tried again at the next take. */
  private synchronized Future<Void> table() {
    if (created == null || created.failed()) {
      created = pool.withTransaction(sql -> sql.query("SELECT pg_advisory_xact_lock(hashtext('harpou_role_lease'))")
          .execute().compose(v -> sql.query(CREATE).execute())).mapEmpty();
    }
    return created;
  }

  @Override
  public Future<Void> close() {
    return pool.close();
  }

  private final class HeldRow implements Held {

    private final long epoch;
    private volatile long confirmedAt;
    private long renewTimer = -1;
    private long checkTimer = -1;
    private Handler<String> lost;

    HeldRow(long epoch, long sentAt) {
      this.epoch = epoch;
      this.confirmedAt = sentAt;
    }

    @Override
    public String describe() {
      return "PostgreSQL lease on " + role + ", epoch " + epoch;
    }

    @Override
    public void onLost(Handler<String> handler) {
      lost = handler;
      renewTimer = vertx.setPeriodic(ttlMs / 4, id -> renew());
      checkTimer = vertx.setPeriodic(Math.max(100, ttlMs / 20), id -> {
        if (TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - confirmedAt) >= ttlMs * 2 / 3) {
          lose("the lease on " + role + " could not be renewed within " + ttlMs * 2 / 3 + " ms");
        }
      });
    }

    private void renew() {
      // The database's expiry counts from after this moment, so the lease is sure until at least sent + ttl.
      long sent = System.nanoTime();
      pool.preparedQuery(RENEW).execute(Tuple.of(role, holder, epoch, ttlMs / 1000.0)).onSuccess(rows -> {
        if (rows.rowCount() == 1) {
          confirmedAt = Math.max(confirmedAt, sent);
        } else {
          lose("the lease on " + role + " expired or passed to another node");
        }
      });
    }

    private void lose(String why) {
      stopTimers();
      Handler<String> handler = lost;
      lost = null;
      if (handler != null) {
        handler.handle(why);
      }
    }

    private void stopTimers() {
      vertx.cancelTimer(renewTimer);
      vertx.cancelTimer(checkTimer);
    }

    @Override
    public Future<Void> release() {
      stopTimers();
      lost = null;
      return pool.preparedQuery(RELEASE).execute(Tuple.of(role, holder, epoch)).<Void>mapEmpty()
          .otherwise(e -> null);
    }
  }
}
