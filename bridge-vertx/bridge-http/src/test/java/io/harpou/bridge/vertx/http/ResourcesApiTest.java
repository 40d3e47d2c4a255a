package io.harpou.bridge.vertx.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.api.BridgeAddresses;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.event.SatelliteStateChanged;
import io.harpou.bridge.api.event.ToolFinished;
import io.harpou.bridge.api.memory.Memory;
import io.harpou.bridge.api.memory.MemoryQuery;
import io.harpou.bridge.api.memory.MemoryScope;
import io.harpou.bridge.api.memory.MemoryStore;
import io.harpou.bridge.api.memory.RecalledMemory;
import io.harpou.bridge.api.task.TaskInfo;
import io.harpou.bridge.api.task.TaskRequest;
import io.harpou.bridge.api.task.TaskService;
import io.harpou.bridge.api.task.TaskStatus;
import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.bridge.vertx.audit.AuditEntry;
import io.harpou.bridge.vertx.audit.AuditLog;
import io.harpou.testkit.Await;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResourcesApiTest {

  private final Vertx vertx = Vertx.vertx();
  private final WebClient client = WebClient.create(vertx);
  private TestContext context;

  @TempDir
  Path dataDir;

  @BeforeEach
  void start() {
    context = new TestContext(vertx, dataDir, new JsonObject());
    context.startHttp().await();
  }

  @AfterEach
  void close() {
    vertx.close().await();
  }

  private HttpResponse<Buffer> get(String path) {
    return client.get(context.httpPort(), "127.0.0.1", path).send().await();
  }

  private HttpResponse<Buffer> delete(String path) {
    return client.delete(context.httpPort(), "127.0.0.1", path).send().await();
  }

  @Test
  void should_list_and_cancel_tasks_and_say_what_cannot_be_cancelled() {
    Map<String, TaskInfo> tasks = new ConcurrentHashMap<>();
    Utterance origin = Utterance.of("download the report");
    tasks.put("t1", new TaskInfo("t1", "Download", TaskStatus.RUNNING, origin, Instant.now(), null, 0.5, null));
    tasks.put("t2", new TaskInfo("t2", "Old", TaskStatus.DONE, origin, Instant.now(), null, 1, "ok"));
    context.tasks(new TaskService() {
      public Future<TaskInfo> submit(TaskRequest request) {
        throw new UnsupportedOperationException();
      }

      public Future<List<TaskInfo>> list() {
        return Future.succeededFuture(List.copyOf(tasks.values()));
      }

      public Future<Optional<TaskInfo>> get(String id) {
        return Future.succeededFuture(Optional.ofNullable(tasks.get(id)));
      }

      public Future<Boolean> cancel(String id) {
        TaskInfo task = tasks.get(id);
        if (task == null || task.status() == TaskStatus.DONE) {
          return Future.succeededFuture(false);
        }
        tasks.put(id, task.with(TaskStatus.CANCELLED, task.progress(), null));
        return Future.succeededFuture(true);
      }
    });

    assertThat(get("/api/tasks").bodyAsJsonObject().getJsonArray("tasks")).hasSize(2);
    assertThat(get("/api/tasks?status=running").bodyAsJsonObject().getJsonArray("tasks").getJsonObject(0)
        .getString("id")).isEqualTo("t1");
    HttpResponse<Buffer> cancelled = delete("/api/tasks/t1");
    assertThat(cancelled.statusCode()).isEqualTo(200);
    assertThat(cancelled.bodyAsJsonObject().getJsonObject("task").getString("status")).isEqualTo("cancelled");
    ConversationApiTest.assertError(delete("/api/tasks/t2"), 409, "task_final", "finished");
    ConversationApiTest.assertError(delete("/api/tasks/nope"), 404, "not_found", "nope");
  }

  @Test
  void should_say_a_service_is_unavailable_when_its_component_is_not_running() {
    ConversationApiTest.assertError(get("/api/tasks"), 503, "unavailable", "task");
    ConversationApiTest.assertError(get("/api/memory"), 503, "unavailable", "memory");
    ConversationApiTest.assertError(get("/api/home"), 503, "unavailable", "Home Assistant");
  }

  @Test
  void should_search_list_and_forget_memories() {
    Memory cat = Memory.of("The cat is called Mochi").stored("m1", Instant.now());
    context.memory(new MemoryStore() {
      public Future<Memory> remember(Memory memory) {
        return Future.succeededFuture(memory);
      }

      public Future<List<RecalledMemory>> recall(MemoryQuery query) {
        return Future.succeededFuture(query.text().contains("cat") ? List.of(new RecalledMemory(cat, 0.9))
            : List.of());
      }

      public Future<List<Memory>> list(MemoryScope scope, int limit) {
        return Future.succeededFuture(scope == MemoryScope.ROOM ? List.of() : List.of(cat));
      }

      public Future<Boolean> forget(String id) {
        return Future.succeededFuture(id.equals("m1"));
      }
    });

    assertThat(get("/api/memory?q=cat").bodyAsJsonObject().getJsonArray("memories").getJsonObject(0)
        .getDouble("score")).isEqualTo(0.9);
    assertThat(get("/api/memory").bodyAsJsonObject().getJsonArray("memories")).hasSize(1);
    assertThat(get("/api/memory?scope=room").bodyAsJsonObject().getJsonArray("memories")).isEmpty();
    ConversationApiTest.assertError(get("/api/memory?scope=galaxy"), 400, "invalid_request", "scope");
    ConversationApiTest.assertError(get("/api/memory?limit=0"), 400, "invalid_request", "limit");
    assertThat(delete("/api/memory/m1").bodyAsJsonObject().getBoolean("forgotten")).isTrue();
    ConversationApiTest.assertError(delete("/api/memory/m2"), 404, "not_found", "m2");
  }

  @Test
  void should_filter_the_audit_trail_by_tool_room_and_time() {
    AuditLog audit = AuditLog.open(context.database()).await();
    Instant now = Instant.now();
    audit.record(new AuditEntry(now.minusSeconds(60), "c", "http", "kitchen", null, "light_on", null, "act", "ok",
        12, null)).await();
    audit.record(new AuditEntry(now, "c", "satellite", "office", null, "weather", null, "read", "ok", 40, null))
        .await();

    assertThat(get("/api/audit").bodyAsJsonObject().getJsonArray("entries")).hasSize(2);
    assertThat(get("/api/audit?tool=light_on").bodyAsJsonObject().getJsonArray("entries")).singleElement()
        .satisfies(e -> assertThat(((JsonObject) e).getString("room")).isEqualTo("kitchen"));
    assertThat(get("/api/audit?room=office").bodyAsJsonObject().getJsonArray("entries")).hasSize(1);
    assertThat(get("/api/audit?from=" + now.minusSeconds(10)).bodyAsJsonObject().getJsonArray("entries"))
        .hasSize(1);
    ConversationApiTest.assertError(get("/api/audit?from=yesterday"), 400, "invalid_request", "audit");
  }

  @Test
  void should_list_satellites_from_their_events_and_count_them_in_metrics() throws Exception {
    vertx.eventBus().publish(BridgeAddresses.EVENTS, new SatelliteStateChanged(Instant.now(), "kitchen-sat",
        "kitchen", SatelliteStateChanged.State.LISTENING, null).toJson());
    vertx.eventBus().publish(BridgeAddresses.EVENTS, new ToolFinished(Instant.now(), "t", "c", "call", "light_on",
        "ok", ToolResult.ok("done"), 25).toJson());
    Await.until("the satellite listed and the tool call counted",
        () -> !get("/api/satellites").bodyAsJsonObject().getJsonArray("satellites").isEmpty()
            && get("/metrics").bodyAsString().contains("tool=\"light_on\""));

    JsonObject satellite = get("/api/satellites").bodyAsJsonObject().getJsonArray("satellites").getJsonObject(0);
    assertThat(satellite.getString("id")).isEqualTo("kitchen-sat");
    assertThat(satellite.getString("room")).isEqualTo("kitchen");
    assertThat(satellite.getString("state")).isEqualTo("listening");
    HttpResponse<Buffer> metrics = get("/metrics");
    assertThat(metrics.getHeader("content-type")).startsWith("text/plain");
    assertThat(metrics.bodyAsString())
        .contains("harpou_satellites{state=\"listening\"} 1.0")
        .contains("harpou_tool_calls_total{outcome=\"ok\",tool=\"light_on\"} 1.0")
        .contains("harpou_tool_duration_seconds_count{tool=\"light_on\"} 1")
        .contains("harpou_component_up{component=\"http\"} 1.0");
  }

  @Test
  void should_list_the_tools_and_keep_health_working() {
    JsonObject tools = get("/api/tools").bodyAsJsonObject();
    assertThat(tools.getJsonArray("tools")).isNotNull();
    assertThat(tools.getJsonArray("interpreters")).isNotNull();
    HttpResponse<Buffer> health = get("/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.bodyAsJsonObject().getString("status")).isEqualTo("up");
  }
}
