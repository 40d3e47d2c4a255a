package io.harpou.bridge.vertx.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.api.agent.Channel;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.event.EventPublisher;
import io.harpou.bridge.api.event.TaskDone;
import io.harpou.bridge.api.task.TaskInfo;
import io.harpou.bridge.api.task.TaskStatus;
import io.harpou.bridge.vertx.audit.AuditEntry;
import io.harpou.bridge.vertx.audit.AuditLog;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tasks and the audit trail in the console, in Chromium: a waiting timer counts down to its due time; a structured
 * result reads as text; an audit row whose outcome is {@code task} keeps the table's layout.
 */
class ConsoleTasksBrowserTest {

  private final Vertx vertx = Vertx.vertx();

  @TempDir
  Path dir;

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void should_count_a_timer_down_read_a_structured_result_and_keep_the_audit_table_whole() throws Exception {
    try (ConsolePage page = ConsolePage.open(vertx, dir, TestHouse.start(vertx, dir, new JsonObject(),
        TimerModel.sections(vertx)))) {
      HeadlessChromium chromium = page.chromium;

      page.ask("set a timer for 5 minutes", 1);
      String timer = "document.querySelector('#task-list li.task')";
      chromium.waitFor(timer, "the timer in the task list", 10);
      assertThat((String) chromium.eval(timer + ".querySelector('.task-status').textContent"))
          .matches("rings at .+, [45]:\\d\\d left");
      chromium.waitFor(timer + ".querySelector('progress').value > 0", "the timer's progress", 10);

      Utterance asked = new Utterance("remember that the cat is called Mochi", "en", "c1", Channel.HTTP, null, null,
          null);
      new EventPublisher(vertx).publish(new TaskDone(Instant.now(), new TaskInfo("task-memory", "Remember",
          TaskStatus.DONE, asked, Instant.now(), null, 1.0,
          new JsonObject().put("id", 7).put("text", "The cat is called Mochi").encode())));
      String memory = "document.querySelector('li[data-task-id=\"task-memory\"] .task-result')";
      chromium.waitFor(memory, "the memory task", 10);
      assertThat(chromium.eval(memory + ".textContent")).isEqualTo("The cat is called Mochi");

      AuditLog audit = AuditLog.open(page.house.bridge.database()).await();
      audit.record(new AuditEntry(Instant.now(), "c1", "http", null, null, "slow_report", new JsonObject(), "read",
          "task", 12, "running as a background task")).await();
      chromium.eval("document.getElementById('audit-refresh').click()");
      chromium.waitFor("[...document.querySelectorAll('#audit-rows td')].some(td => td.textContent === 'task')",
          "the task row", 10);
      assertThat(chromium.eval("[...document.querySelectorAll('#audit-rows tr')]"
          + ".every(tr => getComputedStyle(tr).display === 'table-row')")).isEqualTo(true);
      page.screenshots("tasks");
    }
  }
}
