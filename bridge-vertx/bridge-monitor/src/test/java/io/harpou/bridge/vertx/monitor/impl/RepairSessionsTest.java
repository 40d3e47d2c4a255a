package io.harpou.bridge.vertx.monitor.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.api.agent.Agent;
import io.harpou.bridge.api.agent.ChatHistory;
import io.harpou.bridge.api.agent.Reply;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.event.AlertChanged;
import io.harpou.bridge.api.monitor.Problem;
import io.harpou.bridge.vertx.monitor.MonitorOptions;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The limits that keep repairs from looping or flooding the model, with an agent that answers at once. */
class RepairSessionsTest {

  private final List<Utterance> asked = new CopyOnWriteArrayList<>();
  private final List<AlertChanged> told = new CopyOnWriteArrayList<>();
  private final AtomicLong now = new AtomicLong(1_000_000);
  private Reply next = Reply.answer("Delete /srv/cache? Say yes to confirm.", null).expectingAnswer();

  private final Agent agent = new Agent() {
    @Override
    public Future<Reply> ask(Utterance utterance, ChatHistory history) {
      asked.add(utterance);
      return Future.succeededFuture(next);
    }
  };

  private RepairSessions sessions(JsonObject repair) {
    return new RepairSessions(agent, told::add, new MonitorOptions(new JsonObject()
        .put("repair", repair)), now::get);
  }

  private static AlertChanged alert(String id, String key) {
    return new AlertChanged(Instant.now(), id, "docker", key, "warning", AlertChanged.State.RAISED,
        "Container " + key + " is unhealthy.", null, "repair-" + id);
  }

  private static Problem problem(String key) {
    return Problem.warning(key, "Container " + key + " is unhealthy.");
  }

  @Test
  void should_run_at_most_the_allowed_sessions_at_once_when_many_problems_come_together() {
    RepairSessions sessions = sessions(new JsonObject().put("max_sessions", 2));

    for (int i = 0; i < 30; i++) {
      sessions.open(alert("A" + i, "docker:c" + i), problem("docker:c" + i));
    }

    assertThat(asked).hasSize(2);
    assertThat(told).extracting(AlertChanged::state).containsOnly(AlertChanged.State.ASKING).hasSize(2);
  }

  @Test
  void should_not_reopen_a_problem_within_its_cooldown() {
    next = Reply.answer("Restart it by hand.", null);
    RepairSessions sessions = sessions(new JsonObject().put("cooldown_ms", 60_000));
    AlertChanged first = alert("A1", "docker:web");

    sessions.open(first, problem("docker:web"));
    sessions.cleared(first);
    now.addAndGet(59_000);
    sessions.open(alert("A2", "docker:web"), problem("docker:web"));
    now.addAndGet(2_000);
    sessions.open(alert("A3", "docker:web"), problem("docker:web"));

    assertThat(asked).extracting(Utterance::conversationId).containsExactly("repair-A1", "repair-A3");
  }

  @Test
  void should_never_let_a_repair_answer_its_own_question() {
    RepairSessions sessions = sessions(new JsonObject());
    sessions.open(alert("A1", "docker:web"), problem("docker:web"));

    String reply = sessions.answer("A1", "yes", RepairSession.ASKER).await();

    assertThat(reply).contains("cannot answer its own question");
    assertThat(asked).hasSize(1);
    assertThat(sessions.question("A1")).contains("Delete /srv/cache? Say yes to confirm.");
  }

  @Test
  void should_tell_but_not_repair_an_mcp_server_that_stays_away() {
    RepairSessions sessions = sessions(new JsonObject());

    sessions.open(alert("A1", "component:mcp:files"), problem("component:mcp:files"));
    sessions.open(alert("A2", "component:agent"), problem("component:agent"));

    assertThat(asked).extracting(Utterance::conversationId).containsExactly("repair-A2");
  }
}
