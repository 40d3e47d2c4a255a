package io.harpou.bridge.vertx.agent.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.api.event.PlanUpdated;
import io.harpou.bridge.vertx.db.Database;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plans table in a real SQLite file: bounded, whatever a household asks over the years. */
class PlanStoreTest {

  private final Vertx vertx = Vertx.vertx();

  @TempDir
  Path dir;

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void should_keep_only_the_newest_plans_once_reopened() {
    Database database = Database.open(vertx, dir.resolve("harpou.db")).await();
    PlanStore store = PlanStore.open(database).await();
    List<Future<Void>> saved = new ArrayList<>();
    for (int i = 0; i <= PlanStore.KEPT; i++) {
      saved.add(store.save(new PlanUpdated(Instant.ofEpochMilli(1_000_000L + i), "plan-" + i, "turn-" + i, "c", "ada",
          "plan " + i, "done", List.of(new PlanUpdated.Step("step", "done", "ok"))), "ada"));
    }
    Future.all(saved).await();
    assertThat(store.list(null, 5_000).await()).hasSize(PlanStore.KEPT + 1);

    PlanStore reopened = PlanStore.open(database).await();

    assertThat(reopened.list(null, 5_000).await()).hasSize(PlanStore.KEPT);
    assertThat(reopened.get("plan-0").await()).isEmpty();
    assertThat(reopened.get("plan-" + PlanStore.KEPT).await()).isPresent();
    assertThat(reopened.list("ada", 1).await().get(0).id()).isEqualTo("plan-" + PlanStore.KEPT);
  }
}
