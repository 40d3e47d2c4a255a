package io.harpou.bridge.vertx.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.api.BridgeAddresses;
import io.harpou.bridge.api.agent.Reply;
import io.harpou.bridge.api.task.TaskInfo;
import io.harpou.bridge.api.task.TaskStatus;
import io.harpou.testkit.Await;
import io.harpou.testkit.ollama.OllamaMatch;
import io.harpou.testkit.ollama.OllamaReply;
import io.harpou.testkit.ollama.ScriptedOllama;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A request that needs several steps gets a visible plan over real connections: the scripted model proposes the
 * steps, each step runs as a turn of the agent loop against the virtual home, a failed step is re-planned around, and
 * a plan asked for in the background is announced in the room that asked.
 */
class AgentPlanTest extends AgentTestBase {

  static final String REQUEST = "plan the evening: turn on the kitchen light and count the files";

  private void scriptSteps(String first, String firstEntity) {
    scriptSteps(ollama, first, firstEntity);
  }

  /** Scripts a two-step plan for {@link #REQUEST}: {@code first} turns on {@code firstEntity}, then files are counted. */
  static void scriptSteps(ScriptedOllama ollama, String first, String firstEntity) {
    ollama.addRule(OllamaMatch.userContains("Request: plan the evening").thenReply(OllamaReply.text(
        "Here you are: {\"steps\": [\"" + first + "\", \"Count the files\"]}")).once());
    ollama.addRule(OllamaMatch.userContains("step 1: " + first).thenReply(OllamaReply.toolCall("light_on",
        new JsonObject().put("entity_id", firstEntity))));
    ollama.addRule(OllamaMatch.userContains("step 1: " + first).andToolResult("light_on")
        .thenReply(OllamaReply.text(firstEntity.equals("light.kitchen") ? "The kitchen light is on."
            : "I couldn't turn that light on.")));
    ollama.addRule(OllamaMatch.userContains("step 2: Count the files")
        .thenReply(OllamaReply.toolCall("count_files", new JsonObject())));
    ollama.addRule(OllamaMatch.toolResult("count_files").thenReply(OllamaReply.text("There are 7 files.")));
  }

  private List<JsonObject> plans() {
    return events("plan_updated");
  }

  @Test
  void should_propose_a_plan_publish_it_and_run_each_step_through_the_agent_loop() {
    start(agentSection(true));
    scriptSteps("Turn on the kitchen light", "light.kitchen");

    Reply reply = ask(REQUEST, "p1");

    assertThat(reply.speech()).isEqualTo("Done: The kitchen light is on. There are 7 files.");
    assertThat(reply.type()).isEqualTo(Reply.Type.ACTION_DONE);
    assertThat(state("light.kitchen")).isEqualTo("on");
    assertThat(audit("light_on")).hasSize(1);
    assertThat(plans().get(0).getString("status")).isEqualTo("proposed");
    assertThat(plans().get(0).getJsonArray("steps").encode())
        .isEqualTo("[{\"text\":\"Turn on the kitchen light\",\"status\":\"pending\"},"
            + "{\"text\":\"Count the files\",\"status\":\"pending\"}]");
    JsonObject last = plans().get(plans().size() - 1);
    assertThat(last.getString("status")).isEqualTo("done");
    assertThat(last.getJsonArray("steps").getJsonObject(1).getString("result")).isEqualTo("There are 7 files.");
    assertThat(events("model_chosen").get(0).getString("reason")).isEqualTo("a plan");
  }

  @Test
  void should_report_a_failed_step_and_re_plan_the_rest() {
    start(agentSection(true));
    scriptSteps("Turn on the attic light", "light.attic_that_does_not_exist");
    ollama.addRule(OllamaMatch.userContains("Step 1 failed:").thenReply(OllamaReply.text(
        "{\"steps\": [\"Count the files\"]}")));

    Reply reply = ask(REQUEST, "p2");

    assertThat(reply.speech()).isEqualTo("Done: There are 7 files. Step 1 (Turn on the attic light) failed: I"
        + " couldn't turn that light on.");
    assertThat(plans()).extracting(e -> e.getString("status")).contains("proposed", "replanned", "done");
    assertThat(plans().get(plans().size() - 1).getJsonArray("steps").encode())
        .contains("{\"text\":\"Turn on the attic light\",\"status\":\"failed\"");
  }

  @Test
  void should_run_a_plan_in_the_background_and_announce_its_outcome_in_the_room_that_asked() {
    List<JsonObject> announced = new CopyOnWriteArrayList<>();
    vertx.eventBus().<JsonObject>consumer(BridgeAddresses.VOICE_ANNOUNCE, m -> {
      announced.add(m.body());
      m.reply(null);
    });
    start(agentSection(true));
    scriptSteps("Turn on the kitchen light", "light.kitchen");

    Reply reply = ask(REQUEST + " in the background", "p3");

    assertThat(reply.speech()).isEqualTo("Here's the plan: 1. Turn on the kitchen light; 2. Count the files. I'll"
        + " tell you here when it's done.");
    Await.until("the plan's outcome announced", () -> !announced.isEmpty());
    assertThat(announced.get(0).getString("room")).isEqualTo("kitchen");
    assertThat(announced.get(0).getString("text")).isEqualTo("Done: The kitchen light is on. There are 7 files.");
    assertThat(state("light.kitchen")).isEqualTo("on");
    assertThat(reply.tasks()).hasSize(1);
    TaskInfo task = bridge.tasks().orElseThrow().get(reply.tasks().get(0)).await().orElseThrow();
    assertThat(task.title()).isEqualTo("Plan: " + REQUEST + " in the background");
    assertThat(task.status()).isEqualTo(TaskStatus.DONE);
    assertThat(task.progress()).isEqualTo(1.0);
    assertThat(events("task_progress")).extracting(e -> e.getString("message")).contains("Turn on the kitchen light");
  }

  @Test
  void should_stop_a_background_plan_before_its_next_step_once_its_task_is_cancelled() {
    start(agentSection(true));
    // The first matching rule answers: the first step's model call takes long enough to cancel the task meanwhile.
    ollama.addRule(OllamaMatch.userContains("step 1: Turn on the kitchen light").thenReply(OllamaReply.text(
        "The kitchen light is on.").delayed(Duration.ofSeconds(8))));
    scriptSteps("Turn on the kitchen light", "light.kitchen");

    Reply reply = ask(REQUEST + " in the background", "p4");
    String taskId = reply.tasks().get(0);
    assertThat(bridge.tasks().orElseThrow().cancel(taskId).await()).isTrue();

    JsonObject stopped = awaitEvent(e -> "plan_updated".equals(e.getString("kind"))
        && "stopped".equals(e.getString("status")));
    assertThat(stopped.getJsonArray("steps").getJsonObject(1).getString("status")).isEqualTo("skipped");
    assertThat(ollama.requests()).noneMatch(r -> r.rawBody().contains("step 2: Count the files"));
    assertThat(bridge.tasks().orElseThrow().get(taskId).await().orElseThrow().status())
        .isEqualTo(TaskStatus.CANCELLED);
  }
}
