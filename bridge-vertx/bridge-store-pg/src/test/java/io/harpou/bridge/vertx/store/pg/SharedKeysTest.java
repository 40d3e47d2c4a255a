package io.harpou.bridge.vertx.store.pg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harpou.bridge.api.BridgeException;
import io.harpou.bridge.vertx.http.ApiKeys;
import io.harpou.testkit.pg.PostgresServer;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** API keys in the shared database, seen by two hubs: a key works on both, and once revoked on one, on neither. */
class SharedKeysTest {

  private static PostgresServer server;
  private final Vertx first = Vertx.vertx();
  private final Vertx second = Vertx.vertx();
  private ApiKeys here;
  private ApiKeys there;

  @BeforeAll
  static void startServer() throws Exception {
    server = PostgresServer.start();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @BeforeEach
  void openBothHubs() throws Exception {
    PgStoreOptions options = new PgStoreOptions().setUrl(server.newDatabase());
    here = PgStore.open(first, options).compose(PgStore::keys).compose(ApiKeys::open).await();
    there = PgStore.open(second, options).compose(PgStore::keys).compose(ApiKeys::open).await();
  }

  @AfterEach
  void close() {
    first.close().await();
    second.close().await();
  }

  @Test
  void should_let_a_key_made_on_one_hub_into_the_other() {
    String key = here.create("tablet").await();

    there.reload().await();

    assertThat(there.verify(key)).contains("tablet");
    assertThat(there.isEmpty()).isFalse();
  }

  @Test
  void should_refuse_on_every_hub_a_key_revoked_on_one() {
    String key = here.create("tablet").await();
    there.reload().await();

    assertThat(there.revoke("tablet").await()).isTrue();
    here.reload().await();

    assertThat(here.verify(key)).isEmpty();
    assertThat(there.verify(key)).isEmpty();
    assertThat(here.list().await()).isEmpty();
  }

  @Test
  void should_refuse_a_second_key_with_a_name_another_hub_took() {
    String key = here.create("phone").await();

    assertThatThrownBy(() -> there.create("phone").await()).isInstanceOf(BridgeException.class)
        .hasMessageContaining("already exists");
    here.reload().await();
    assertThat(here.verify(key)).contains("phone");
  }
}
