package io.harpou.bridge.vertx.store.pg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harpou.bridge.api.BridgeException;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The database URL holds a password: it is checked, and never repeated in an error, a log line or health. */
class PgStoreOptionsTest {

  private static final String SECRET = "s3cr3t-Pa55";
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void should_refuse_a_url_that_is_not_postgresql_without_repeating_it() {
    assertThatThrownBy(() -> new PgStoreOptions(new JsonObject().put("url", "mysql://me:" + SECRET + "@db/x")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("postgresql://")
        .hasMessageNotContaining(SECRET);
    assertThatThrownBy(() -> new PgStoreOptions().setUrl("postgresql://me:" + SECRET + "@/x"))
        .hasMessageNotContaining(SECRET);
    assertThatThrownBy(() -> new PgStoreOptions().setUrl("postgresql://me:" + SECRET + "@db/x").setMaxPoolSize(0))
        .hasMessageContaining("max_pool_size");
  }

  @Test
  void should_refuse_a_node_name_or_task_lease_a_hub_cannot_keep() {
    JsonObject database = new JsonObject().put("url", "postgresql://harpou@db/harpou");
    assertThat(new PgStoreOptions(database.copy().put("node_id", "harpou-0").put("task_lease_ms", 30_000)))
        .satisfies(o -> assertThat(o.getNodeId()).isEqualTo("harpou-0"))
        .satisfies(o -> assertThat(o.getTaskLeaseMs()).isEqualTo(30_000));
    assertThatThrownBy(() -> new PgStoreOptions(database.copy().put("node_id", "hub a'; DROP TABLE tasks")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("node_id");
    assertThatThrownBy(() -> new PgStoreOptions(database.copy().put("task_lease_ms", 10)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("task_lease_ms");
  }

  @Test
  void should_name_the_database_without_its_password_when_it_cannot_be_reached() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    PgStoreOptions options = new PgStoreOptions().setUrl("postgresql://harpou:" + SECRET + "@127.0.0.1:" + closedPort
        + "/harpou");

    assertThat(options.describe()).isEqualTo("postgresql://harpou:***@127.0.0.1:" + closedPort + "/harpou");
    assertThatThrownBy(() -> PgStore.open(vertx, options).await()).isInstanceOf(BridgeException.class)
        .hasMessageContaining("127.0.0.1:" + closedPort).hasMessageNotContaining(SECRET);
  }
}
