package io.harpou.bridge.vertx.monitor.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.api.monitor.Monitor;
import io.harpou.bridge.api.monitor.MonitorContext;
import io.harpou.bridge.api.monitor.Problem;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MonitorSchedulerTest {

  private final Vertx vertx = Vertx.vertx();
  private final AtomicLong now = new AtomicLong(1_000_000);
  private final List<String> seen = new CopyOnWriteArrayList<>();
  private final AtomicBoolean loaded = new AtomicBoolean(true);
  private final AtomicInteger checks = new AtomicInteger();

  @AfterEach
  void close() {
    vertx.close().await();
  }

  /** A load monitor whose problem must last five minutes. */
  private final Monitor load = new Monitor() {
    @Override
    public String id() {
      return "load";
    }

    @Override
    public Duration interval() {
      return Duration.ofMillis(10);
    }

    @Override
    public Duration sustain() {
      return Duration.ofMinutes(5);
    }

    @Override
    public Future<List<Problem>> check(MonitorContext context) {
      checks.incrementAndGet();
      return Future.succeededFuture(loaded.get() ? List.of(Problem.warning("load", "The load is 9.")) : List.of());
    }
  };

  private MonitorScheduler scheduler() {
    return new MonitorScheduler(vertx, new MonitorContext(vertx, Path.of(".")), new MonitorScheduler.Alerts() {
      @Override
      public void raise(String monitorId, Problem problem) {
        seen.add("raise " + problem.key());
      }

      @Override
      public void clear(String key) {
        seen.add("clear " + key);
      }
    }, now::get);
  }

  private void waitForChecks(int more) throws InterruptedException {
    int target = checks.get() + more;
    while (checks.get() < target) {
      Thread.sleep(5);
    }
  }

  @Test
  void should_raise_only_a_problem_that_lasted_its_sustain_time_and_clear_it_when_gone() throws Exception {
    MonitorScheduler scheduler = scheduler();
    vertx.runOnContext(v -> scheduler.start(List.of(load)));

    waitForChecks(5);
    assertThat(seen).isEmpty();
    now.addAndGet(Duration.ofMinutes(5).toMillis());
    waitForChecks(3);
    assertThat(seen).contains("raise load").doesNotContain("clear load");

    loaded.set(false);
    waitForChecks(3);
    assertThat(seen).endsWith("clear load");
    int raises = (int) seen.stream().filter("raise load"::equals).count();

    loaded.set(true);
    waitForChecks(3);
    assertThat(seen.stream().filter("raise load"::equals).count()).as("the five minutes start again").isEqualTo(raises);
    vertx.runOnContext(v -> scheduler.stop());
  }
}
