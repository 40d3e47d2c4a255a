package io.harpou.samples.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.api.agent.Reply;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedExampleTest {

  private final Vertx vertx = Vertx.vertx();

  @TempDir
  Path dataDir;

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void should_answer_from_the_applications_own_tool_and_leave_nothing_running() {
    PoolToolProvider.THERMOMETER.update(27.25);

    Reply reply = EmbeddedExample.askOnce(vertx, dataDir, "How warm is the pool?").await();

    assertThat(reply.speech()).isEqualTo("The pool is at 27.3 degrees.");
    assertThat(vertx.deploymentIDs()).isEmpty();
  }
}
