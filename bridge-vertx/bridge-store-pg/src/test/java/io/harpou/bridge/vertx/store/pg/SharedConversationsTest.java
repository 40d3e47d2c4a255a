package io.harpou.bridge.vertx.store.pg;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.api.agent.Channel;
import io.harpou.bridge.api.agent.ConversationSummary;
import io.harpou.bridge.api.agent.ConversationTurn;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.vertx.agent.ConversationHistory;
import io.harpou.testkit.pg.PostgresServer;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two hubs share one real PostgreSQL database: what was said through one hub's satellite is listed and read back by
 * the other's console, with the channel and room it was said in, as the embedded database keeps them.
 */
class SharedConversationsTest {

  private static PostgresServer server;

  private final List<Vertx> hubs = new ArrayList<>();
  private final List<PgStore> stores = new ArrayList<>();

  @BeforeAll
  static void startServer() throws Exception {
    server = PostgresServer.start();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @AfterEach
  void closeHubs() {
    stores.forEach(s -> s.close().await());
    hubs.forEach(v -> v.close().await());
  }

  @Test
  void should_list_a_conversation_said_on_one_hub_on_the_others_console_with_its_channel_and_room() throws Exception {
    String url = server.newDatabase();
    ConversationHistory said = open(url);
    ConversationHistory console = open(url);

    said.append(new Utterance("turn on the kitchen light", "en", "kitchen-1", Channel.SATELLITE, "kitchen", null,
        null), "The kitchen light is on.").await();
    said.append(new Utterance("and dim it", "en", "kitchen-1", Channel.SATELLITE, "kitchen", null, null),
        "Dimmed to half.").await();

    List<ConversationSummary> listed = console.recent(10).await();
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).id()).isEqualTo("kitchen-1");
    assertThat(listed.get(0).title()).isEqualTo("turn on the kitchen light");
    assertThat(listed.get(0).channel()).isEqualTo(Channel.SATELLITE.jsonName());
    assertThat(listed.get(0).room()).isEqualTo("kitchen");
    assertThat(listed.get(0).turns()).isEqualTo(2);

    List<ConversationTurn> turns = console.turns("kitchen-1", 10).await();
    assertThat(turns).extracting(ConversationTurn::text).containsExactly("turn on the kitchen light", "and dim it");
    assertThat(turns).extracting(ConversationTurn::answer).containsExactly("The kitchen light is on.",
        "Dimmed to half.");
    assertThat(turns).extracting(ConversationTurn::room).containsOnly("kitchen");
    assertThat(console.turns("nobody-said-this", 10).await()).isEmpty();
  }

  private ConversationHistory open(String url) {
    Vertx vertx = Vertx.vertx();
    hubs.add(vertx);
    PgStore store = PgStore.open(vertx, new PgStoreOptions().setUrl(url)).await();
    stores.add(store);
    return store.history(20).await();
  }
}
