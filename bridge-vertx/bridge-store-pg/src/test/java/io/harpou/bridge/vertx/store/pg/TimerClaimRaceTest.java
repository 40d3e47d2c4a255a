package io.harpou.bridge.vertx.store.pg;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.api.BridgeAddresses;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.task.TaskRequest;
import io.harpou.bridge.api.task.TaskStatus;
import io.harpou.bridge.api.tool.ToolCall;
import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.bridge.vertx.task.DurableTaskService;
import io.harpou.bridge.vertx.task.DurableTaskService.TaskTable;
import io.harpou.bridge.vertx.task.TaskRow;
import io.harpou.bridge.vertx.task.TaskSettings;
import io.harpou.testkit.Await;
import io.harpou.testkit.pg.PostgresServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two hubs, each with its own Vert.x and its own pool, share one real PostgreSQL database and race for the same due
 * tasks: every task runs, and runs once.
 */
class TimerClaimRaceTest {

  private static PostgresServer server;

  private final List<Vertx> hubs = new ArrayList<>();
  private final List<PgStore> stores = new ArrayList<>();
  private final List<DurableTaskService> services = new ArrayList<>();

  @BeforeAll
  static void startServer() throws Exception {
    server = PostgresServer.start();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @BeforeEach
  void openTwoHubs() throws Exception {
    String url = server.newDatabase();
    for (int i = 0; i < 2; i++) {
      Vertx vertx = Vertx.vertx();
      hubs.add(vertx);
      stores.add(PgStore.open(vertx, new PgStoreOptions().setUrl(url)).await());
    }
  }

  @AfterEach
  void closeHubs() {
    services.forEach(s -> s.close().await());
    stores.forEach(s -> s.close().await());
    hubs.forEach(v -> v.close().await());
  }

  @Test
  void should_run_each_due_task_on_exactly_one_of_two_hubs() {
    // Both hubs migrate the table at the same moment, as two nodes starting together do.
    List<TaskTable> tables = Future.all(stores.get(0).tasks(), stores.get(1).tasks()).await().list();
    Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
    List<JsonObject> done = new CopyOnWriteArrayList<>();
    for (int i = 0; i < 2; i++) {
      Vertx vertx = hubs.get(i);
      vertx.eventBus().<JsonObject>consumer(BridgeAddresses.EVENTS, m -> {
        if ("task_done".equals(m.body().getString("kind"))) {
          done.add(m.body());
        }
      });
      services.add(DurableTaskService.create(vertx, tables.get(i), new TaskSettings(10_000, false, null, null),
          (call, origin, approved, taskId) -> {
            runs.computeIfAbsent(taskId, id -> new AtomicInteger()).incrementAndGet();
            return Future.succeededFuture(ToolResult.ok("unlocked once"));
          }));
    }
    Instant due = Instant.now().plus(Duration.ofMillis(1500));
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      ids.add(services.get(0).submitApproved(new TaskRequest("unlock the door " + i, Utterance.of("unlock"),
          ToolCall.of("unlock_door", new JsonObject()), due, null)).await().id());
    }
    // The second hub learns of the same tasks the way a restarted node does, and schedules them too.
    Future.all(services.get(0).resume(), services.get(1).resume()).await();

    Await.until("every task done", () -> tables.get(1).all().await().stream()
        .allMatch(row -> row.info().status() == TaskStatus.DONE));

    assertThat(runs.keySet()).containsExactlyInAnyOrderElementsOf(ids);
    assertThat(runs.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
    Await.until("every result delivered", () -> done.size() >= ids.size());
    assertThat(done).hasSize(ids.size());
  }

  @Test
  void should_hand_each_due_task_to_one_claimer_when_two_hubs_sweep_together() {
    TaskTable first = stores.get(0).tasks().await();
    TaskTable second = stores.get(1).tasks().await();
    Instant past = Instant.now().minusSeconds(1);
    List<Future<Void>> inserts = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      inserts.add(first.insert(new TaskRow(new io.harpou.bridge.api.task.TaskInfo("t" + i, "reminder " + i,
          TaskStatus.QUEUED, Utterance.of("remind me"), past, past, 0, null), null, "stretch", false, false)));
    }
    Future.all(inserts).await();

    List<String> claimed = new CopyOnWriteArrayList<>();
    List<Future<Void>> sweepers = new ArrayList<>();
    for (TaskTable table : List.of(first, second, first, second)) {
      sweepers.add(sweep(table, claimed));
    }
    Future.all(sweepers).await();

    assertThat(claimed).hasSize(200).doesNotHaveDuplicates();
    assertThat(second.all().await()).allSatisfy(row -> assertThat(row.info().status())
        .isEqualTo(TaskStatus.RUNNING));
  }

  /** Claims small batches until none is left. */
  private static Future<Void> sweep(TaskTable table, List<String> claimed) {
    return table.claimDue(Instant.now(), 7).compose(rows -> {
      rows.forEach(row -> claimed.add(row.info().id()));
      return rows.isEmpty() ? Future.succeededFuture() : sweep(table, claimed);
    });
  }
}
