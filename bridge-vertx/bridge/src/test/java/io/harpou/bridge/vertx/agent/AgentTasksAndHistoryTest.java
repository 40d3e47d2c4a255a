package io.harpou.bridge.vertx.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.harpou.bridge.api.agent.Reply;
import io.harpou.bridge.api.task.TaskInfo;
import io.harpou.bridge.api.task.TaskStatus;
import io.harpou.bridge.vertx.db.Database;
import io.harpou.testkit.ollama.OllamaMatch;
import io.harpou.testkit.ollama.OllamaReply;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The history, the tasks and the audit log through the agent; {@link AgentTasksAndHistoryOnPostgresTest} runs these on PostgreSQL. */
class AgentTasksAndHistoryTest extends AgentTestBase {

  @Test
  void should_carry_history_across_turns_and_across_a_restart() {
    start(agentSection(true));

    ask("My name is Ada", "h1");
    ask("The cat is called Tom", "h1");
    String second = ollama.requests().get(1).messages().encode();
    restart(agentSection(true));
    ask("What is my name?", "h1");
    String third = ollama.requests().get(2).messages().encode();
    ask("Unrelated", "other");
    String fourth = ollama.requests().get(3).messages().encode();

    assertThat(second).contains("My name is Ada").contains("You said: My name is Ada");
    assertThat(third).contains("My name is Ada").contains("The cat is called Tom");
    assertThat(fourth).doesNotContain("My name is Ada");
  }

  @Test
  void should_answer_at_once_for_a_long_running_tool_and_deliver_its_result_as_an_event() {
    start(agentSection(true));
    ollama.addRule(OllamaMatch.userContains("backup").thenReply(OllamaReply.toolCall("backup_photos",
        new JsonObject().put("ms", 300))));

    Reply reply = ask("backup my photos", "t1");

    assertThat(reply.speech()).isEqualTo("I've started backup photos; I'll tell you when it's done.");
    assertThat(reply.tasks()).hasSize(1);
    assertThat(ollama.requestCount()).isEqualTo(1);
    JsonObject done = awaitEvent(e -> "task_done".equals(e.getString("kind")));
    assertThat(done.getJsonObject("task").getString("id")).isEqualTo(reply.tasks().get(0));
    assertThat(done.getJsonObject("task").getString("status")).isEqualTo("done");
    assertThat(done.getJsonObject("task").getString("result")).isEqualTo("Backed up 42 photos.");
    assertThat(done.getJsonObject("task").getJsonObject("origin").getString("conversation_id")).isEqualTo("t1");
    assertThat(events("task_progress")).anySatisfy(p -> {
      assertThat(p.getString("task_id")).isEqualTo(reply.tasks().get(0));
      assertThat(p.getDouble("progress")).isEqualTo(0.5);
      assertThat(p.getString("message")).isEqualTo("Halfway there");
      assertThat(p.getString("conversation_id")).isEqualTo("t1");
    });
  }

  @Test
  void should_turn_a_call_that_passes_the_threshold_into_a_task() {
    start(agentSection(true).put("task_threshold_ms", 300));
    ollama.addRule(OllamaMatch.userContains("count").thenReply(OllamaReply.toolCall("count_files",
        new JsonObject().put("ms", 1500))));

    Reply reply = ask("count my files", "t2");

    assertThat(reply.speech()).startsWith("I've started count files");
    JsonObject done = awaitEvent(e -> "task_done".equals(e.getString("kind")));
    assertThat(done.getJsonObject("task").getString("result")).isEqualTo("Counted 7 files.");
    // The call reported its progress after it became a task; the report reaches that task.
    assertThat(events("task_progress")).anySatisfy(p -> {
      assertThat(p.getString("task_id")).isEqualTo(reply.tasks().get(0));
      assertThat(p.getString("message")).isEqualTo("Halfway there");
    });
    List<TaskInfo> tasks = bridge.tasks().orElseThrow().list().await();
    assertThat(tasks).singleElement().satisfies(t -> assertThat(t.status()).isEqualTo(TaskStatus.DONE));
  }

  @Test
  void should_keep_a_reminder_across_a_restart_and_fire_it_after() {
    start(agentSection(true));
    ollama.addRule(OllamaMatch.userContains("remind").thenReply(OllamaReply.toolCall("set_timer",
        new JsonObject().put("seconds", 2).put("message", "stretch"))));

    ask("Remind me in 2 seconds to stretch", "t3");

    String id = bridge.tasks().orElseThrow().list().await().get(0).id();
    restart(agentSection(true));
    JsonObject done = awaitEvent(e -> "task_done".equals(e.getString("kind")));
    assertThat(done.getJsonObject("task").getString("status")).isEqualTo("done");
    assertThat(done.getJsonObject("task").getString("id")).isEqualTo(id);
    assertThat(done.getJsonObject("task").getString("title")).isEqualTo("Reminder: stretch");
    assertThat(audit("set_timer")).singleElement().satisfies(row -> assertThat(row.outcome()).isEqualTo("ok"));
  }

  @Test
  void should_fire_a_reminder_stored_with_an_id_that_todays_rule_refuses_after_a_restart() {
    assumeTrue(sharedDatabaseUrl() == null, "an older hub only ever stored tasks in the embedded file");
    start(agentSection(true));
    ollama.addRule(OllamaMatch.userContains("remind").thenReply(OllamaReply.toolCall("set_timer",
        new JsonObject().put("seconds", 2).put("message", "stretch"))));
    ask("Remind me in 2 seconds to stretch", "t6");
    String id = bridge.tasks().orElseThrow().list().await().get(0).id();
    bridge.close().await();
    // An older hub stored whatever id the client sent; this one must still start and fire the timer.
    Database db = Database.open(vertx, dataDir.resolve("harpou.db")).await();
    db.run(c -> c.createStatement().executeUpdate("UPDATE tasks SET origin = json_set(origin, '$.conversation_id',"
        + " 't6' || char(10) || 'forged')")).await();
    db.close().await();

    start(agentSection(true));

    JsonObject done = awaitEvent(e -> "task_done".equals(e.getString("kind")));
    assertThat(done.getJsonObject("task").getString("id")).isEqualTo(id);
    assertThat(done.getJsonObject("task").getString("status")).isEqualTo("done");
    assertThat(done.encode()).doesNotContain("forged");
  }

  @Test
  void should_report_a_task_running_at_shutdown_as_interrupted_after_the_restart() {
    start(agentSection(true));
    ollama.addRule(OllamaMatch.userContains("backup").thenReply(OllamaReply.toolCall("backup_photos",
        new JsonObject().put("ms", 60_000))));
    Reply reply = ask("backup my photos", "t4");
    awaitEvent(e -> "task_progress".equals(e.getString("kind")));

    restart(agentSection(true));

    JsonObject done = awaitEvent(e -> "task_done".equals(e.getString("kind")));
    assertThat(done.getJsonObject("task").getString("id")).isEqualTo(reply.tasks().get(0));
    assertThat(done.getJsonObject("task").getString("status")).isEqualTo("interrupted");
  }

  @Test
  void should_list_and_cancel_reminders() {
    start(agentSection(true));
    ollama.addRule(OllamaMatch.userContains("remind").thenReply(OllamaReply.toolCall("set_timer",
        new JsonObject().put("seconds", 600).put("message", "call Bob"))));
    ask("remind me in 10 minutes to call Bob", "t5");
    String id = bridge.tasks().orElseThrow().list().await().get(0).id();

    boolean cancelled = bridge.tasks().orElseThrow().cancel(id).await();

    assertThat(cancelled).isTrue();
    assertThat(bridge.tasks().orElseThrow().get(id).await().orElseThrow().status())
        .isEqualTo(TaskStatus.CANCELLED);
    assertThat(bridge.tasks().orElseThrow().cancel(id).await()).isFalse();
  }
}
