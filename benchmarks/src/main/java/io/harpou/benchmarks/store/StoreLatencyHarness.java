package io.harpou.benchmarks.store;

import io.harpou.bridge.api.agent.Channel;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.task.TaskInfo;
import io.harpou.bridge.api.task.TaskStatus;
import io.harpou.bridge.vertx.agent.AgentStore;
import io.harpou.bridge.vertx.agent.ConversationHistory;
import io.harpou.bridge.vertx.db.Database;
import io.harpou.bridge.vertx.models.UsageLedger;
import io.harpou.bridge.vertx.models.UsageRow;
import io.harpou.bridge.vertx.store.pg.PgStore;
import io.harpou.bridge.vertx.store.pg.PgStoreOptions;
import io.harpou.bridge.vertx.task.DurableTaskService.TaskTable;
import io.harpou.bridge.vertx.task.TaskRow;
import io.harpou.testkit.pg.PostgresServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * One store operation at a time, as a turn makes them, on the embedded SQLite file and on a real PostgreSQL server
 * started here (Debian's, on loopback, default settings): appending a turn to a conversation, and claiming a due task
 * (what a hub does when a timer fires); renewing the lease of a hub's running tasks (every five seconds while
 * any runs); recording a model call in the ledger (once per call) and reading the month's costs by model (what a hub
 * sharing the ledger does each second for its budgets). PostgreSQL is measured as configured by default (each commit waits for the
 * disk) and with {@code synchronous_commit = off}, which waits no more than SQLite does here. Prints p50, p99 and
 * p99.9 of each, with the load average before and after.
 *
 * <p>Usage: {@code StoreLatencyHarness [operations]} (default 5,000 measured after 1,000 of warm-up).
 */
public final class StoreLatencyHarness {

  private static final int WARMUP = 1_000;

  private StoreLatencyHarness() {
  }

  public static void main(String[] args) throws Exception {
    int operations = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
    System.out.println("load average before: " + loadAverage());
    Vertx vertx = Vertx.vertx();
    Path dir = Files.createTempDirectory("harpou-store-bench");
    try (PostgresServer server = PostgresServer.start()) {
      Database sqlite = Database.open(vertx, dir.resolve("harpou.db")).await();
      PgStore pg = PgStore.open(vertx, new PgStoreOptions().setUrl(server.newDatabase())).await();
      // SQLite here commits without waiting for the disk (WAL, synchronous=NORMAL); PostgreSQL waits by default.
      String relaxedUrl = server.newDatabase();
      server.psql("ALTER DATABASE " + relaxedUrl.substring(relaxedUrl.lastIndexOf('/') + 1)
          + " SET synchronous_commit = off");
      PgStore relaxed = PgStore.open(vertx, new PgStoreOptions().setUrl(relaxedUrl)).await();
      measure("SQLite", AgentStore.of(sqlite), operations);
      measure("PostgreSQL", pg, operations);
      measure("PG async", relaxed, operations);
      relaxed.close().await();
      pg.close().await();
      sqlite.close().await();
    } finally {
      vertx.close().await();
    }
    System.out.println("load average after: " + loadAverage());
  }

  private static void measure(String name, AgentStore store, int operations) {
    ConversationHistory history = store.history(20).await();
    report(name, "append a turn", operations, i -> history.append(new Utterance("turn on the light " + i, "en",
        "kitchen-" + (i % 50), Channel.SATELLITE, "kitchen", null, null), "The kitchen light is on."));
    TaskTable tasks = store.tasks().await();
    Instant past = Instant.now().minusSeconds(1);
    Future.all(java.util.stream.IntStream.range(0, WARMUP + operations).mapToObj(i -> tasks.insert(new TaskRow(
        new TaskInfo("timer-" + i, "Reminder " + i, TaskStatus.QUEUED, Utterance.of("remind me"), past, past, 0,
            null), null, "stretch", false, false))).toList()).await();
    report(name, "claim a due timer", operations, i -> tasks.claim("timer-" + i).map(claimed -> {
      if (!claimed) {
        throw new IllegalStateException("timer-" + i + " was not claimed");
      }
      return null;
    }));
    if (tasks.leaseMs() > 0) {
      // A hub runs a few tasks at once among many finished ones: all but five timers end first.
      Future.all(java.util.stream.IntStream.range(5, WARMUP + operations).mapToObj(i -> tasks.update(new TaskInfo(
          "timer-" + i, "Reminder " + i, TaskStatus.DONE, Utterance.of("remind me"), past, past, 1, "stretch"), true))
          .toList()).await();
      report(name, "renew task leases", operations, i -> tasks.renewLeases());
    }
    UsageLedger ledger = store.usageLedger().await();
    report(name, "record a model call", operations, i -> ledger.record(new UsageRow(Instant.now(), "cloud",
        null, "kitchen-" + (i % 50), "turn-" + i, 1_200, 80, 0.004, 900, "ok")));
    Instant month = Instant.now().minusSeconds(3_600);
    report(name, "read month's costs", operations, i -> ledger.costSince(month));
  }

  private static void report(String store, String operation, int operations, IntFunction<Future<?>> op) {
    for (int i = 0; i < WARMUP; i++) {
      op.apply(i).await();
    }
    long[] nanos = new long[operations];
    for (int i = 0; i < operations; i++) {
      long start = System.nanoTime();
      op.apply(WARMUP + i).await();
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    System.out.printf("%-10s %-18s p50 %.3f ms, p99 %.3f ms, p99.9 %.3f ms (%d operations)%n", store, operation,
        ms(nanos, 0.50), ms(nanos, 0.99), ms(nanos, 0.999), operations);
  }

  private static double ms(long[] sorted, double quantile) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }
}
