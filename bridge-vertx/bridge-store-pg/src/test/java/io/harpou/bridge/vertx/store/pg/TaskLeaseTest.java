package io.harpou.bridge.vertx.store.pg;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.api.BridgeAddresses;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.task.TaskInfo;
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
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hubs sharing one real PostgreSQL database, each with its own Vert.x and pool: a task belongs to the hub running it
 * while that hub renews its lease, so a hub starting beside it leaves it alone, and a hub that stops has its task
 * reported as interrupted by another once the lease lapses.
 */
class TaskLeaseTest {

  private static final long LEASE_MS = 1_500;
  private static PostgresServer server;

  private final List<Hub> hubs = new ArrayList<>();
  private String url;

  @BeforeAll
  static void startServer() throws Exception {
    server = PostgresServer.start();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @BeforeEach
  void newDatabase() throws Exception {
    url = server.newDatabase();
  }

  @AfterEach
  void stopHubs() {
    hubs.forEach(Hub::stop);
  }

  @Test
  void should_leave_a_task_another_live_hub_runs_to_it_and_let_it_finish_there() {
    Hub a = start("hub-a", LEASE_MS);
    String id = a.runLongTask();

    Hub b = start("hub-b", LEASE_MS);

    // Several of B's lease checks pass while A keeps renewing: the task stays A's.
    assertThat(Await.within(Duration.ofMillis(4 * LEASE_MS), () -> b.status(id) != TaskStatus.RUNNING)).isFalse();
    a.running.get(0).complete(ToolResult.ok("The garage report is ready."));

    Await.until("the task done on hub A", () -> a.told(id, "done"));
    assertThat(b.status(id)).isEqualTo(TaskStatus.DONE);
    assertThat(b.told).isEmpty();
  }

  @Test
  void should_tell_of_a_task_whose_hub_stopped_once_its_lease_lapses() {
    Hub a = start("hub-a", LEASE_MS);
    String id = a.runLongTask();
    Hub b = start("hub-b", LEASE_MS);
    assertThat(b.status(id)).isEqualTo(TaskStatus.RUNNING);

    a.stop();

    Await.until("hub B tells of the interrupted task", () -> b.told(id, "interrupted"));
    assertThat(b.status(id)).isEqualTo(TaskStatus.INTERRUPTED);
    assertThat(b.told).hasSize(1);
  }

  @Test
  void should_leave_a_result_another_live_hub_just_finished_for_it_to_tell() {
    Hub a = start("hub-a", LEASE_MS);
    TaskTable table = a.store.tasks().await();
    // Hub A has stored the result and is about to tell of it when hub B starts.
    TaskInfo done = new TaskInfo("report1", "write the garage report", TaskStatus.DONE, Utterance.of("a report"),
        Instant.now(), null, 1, "The garage report is ready.");
    table.insert(new TaskRow(done, ToolCall.of("garage_report", new JsonObject()), null, true, false)).await();

    Hub b = start("hub-b", LEASE_MS);

    assertThat(Await.within(Duration.ofMillis(LEASE_MS / 2), () -> !b.told.isEmpty())).isFalse();
    // Hub A stops before telling: once it starts again, it tells, and only it.
    a.stop();
    Hub again = start("hub-a", LEASE_MS);
    Await.until("the restarted hub tells of the result", () -> again.told("report1", "done"));
    assertThat(b.told).isEmpty();
  }

  @Test
  void should_interrupt_its_own_earlier_tasks_at_once_when_a_hub_starts_again_under_its_name() {
    long longLease = 600_000;
    Hub before = start("hub-a", longLease);
    String id = before.runLongTask();
    before.stop();

    Hub again = start("hub-a", longLease);

    assertThat(again.status(id)).isEqualTo(TaskStatus.INTERRUPTED);
    Await.until("the restarted hub tells of it", () -> again.told(id, "interrupted"));
  }

  private Hub start(String name, long leaseMs) {
    Hub hub = new Hub(name, leaseMs);
    hubs.add(hub);
    return hub;
  }

  /** One hub: its Vert.x, its pool on the shared database and its task service, with calls that end when told to. */
  private final class Hub {

    final Vertx vertx = Vertx.vertx();
    final PgStore store;
    final DurableTaskService tasks;
    final List<Promise<ToolResult>> running = new CopyOnWriteArrayList<>();
    final List<JsonObject> told = new CopyOnWriteArrayList<>();
    private boolean stopped;

    Hub(String name, long leaseMs) {
      store = PgStore.open(vertx, new PgStoreOptions().setUrl(url).setNodeId(name).setTaskLeaseMs(leaseMs)).await();
      vertx.eventBus().<JsonObject>consumer(BridgeAddresses.EVENTS, m -> {
        if ("task_done".equals(m.body().getString("kind"))) {
          told.add(m.body().getJsonObject("task"));
        }
      });
      tasks = DurableTaskService.create(vertx, store.tasks().await(), new TaskSettings(600_000, false, null, null),
          (call, origin, approved, taskId) -> {
            Promise<ToolResult> result = Promise.promise();
            running.add(result);
            return result.future();
          });
      tasks.resume().await();
    }

    /** Starts a task that runs until the test ends it, and returns its id once it runs. */
    String runLongTask() {
      String id = tasks.submitApproved(new TaskRequest("write the garage report", Utterance.of("write a report"),
          ToolCall.of("garage_report", new JsonObject()), null, null)).await().id();
      Await.until("the task running", () -> !running.isEmpty() && status(id) == TaskStatus.RUNNING);
      return id;
    }

    TaskStatus status(String id) {
      return tasks.get(id).await().orElseThrow().status();
    }

    boolean told(String id, String status) {
      return told.stream().anyMatch(t -> t.getString("id").equals(id) && t.getString("status").equals(status));
    }

    /** Stops the hub as a killed process would: nothing renews its lease or finishes its task any more. */
    void stop() {
      if (!stopped) {
        stopped = true;
        tasks.close().await();
        store.close().await();
        vertx.close().await();
      }
    }
  }
}
