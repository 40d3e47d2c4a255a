package io.harpou.bridge.vertx.store.pg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harpou.bridge.api.agent.AgentProfile;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.vertx.profiles.ProfileConflictException;
import io.harpou.bridge.vertx.profiles.ProfileStore;
import io.harpou.bridge.vertx.settings.HouseholdSettings;
import io.harpou.bridge.vertx.settings.LiveSettings;
import io.harpou.testkit.Await;
import io.harpou.testkit.pg.PostgresServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two hubs, each with its own Vert.x and pool, on one real PostgreSQL database: an agent profile made on one answers
 * on the other, and the household's settings saved from one hub's console are in force on the other.
 */
class SharedProfilesAndSettingsTest {

  private static final HouseholdSettings DEFAULTS = new HouseholdSettings("You are Harpou.", null, null, Set.of(),
      Set.of());
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

  @BeforeEach
  void openTwoHubs() throws Exception {
    String url = server.newDatabase();
    for (int i = 0; i < 2; i++) {
      Vertx vertx = Vertx.vertx();
      hubs.add(vertx);
      stores.add(PgStore.open(vertx, new PgStoreOptions().setUrl(url)).await());
    }
  }

  @AfterEach
  void closeHubs() {
    stores.forEach(s -> s.close().await());
    hubs.forEach(v -> v.close().await());
  }

  @Test
  void should_answer_in_the_kitchen_with_a_profile_made_on_the_other_hub() {
    ProfileStore first = stores.get(0).profiles().await();
    ProfileStore second = stores.get(1).profiles().await();
    Utterance inKitchen = new Utterance("is the oven hot", "en", null, null, "kitchen", null, null);
    assertThat(second.forUtterance(inKitchen)).isEmpty();

    first.create(chef("chef")).await();

    Await.until("the second hub answers the kitchen as Chef", () -> second.forUtterance(inKitchen)
        .map(p -> p.persona().equals("You are Chef.")).orElse(false));
  }

  @Test
  void should_refuse_a_second_profile_with_a_model_id_another_hub_gave_already() {
    ProfileStore first = stores.get(0).profiles().await();
    ProfileStore second = stores.get(1).profiles().await();
    first.create(chef("chef")).await();

    // The second hub's copy may not have the first's profile yet: the check is made in the database.
    assertThatThrownBy(() -> second.create(new AgentProfile("cook", "Cook", "You cook.", "en", null, List.of(),
        null, null, List.of(), List.of(), null, "chef", null)).await())
        .isInstanceOf(ProfileConflictException.class).hasMessageContaining("chef");
    Await.until("both hubs hold the one profile", () -> second.all().size() == 1);
    assertThat(first.all()).extracting(AgentProfile::id).containsExactly("chef");
  }

  @Test
  void should_put_settings_saved_on_one_hubs_console_in_force_on_the_other() {
    LiveSettings first = LiveSettings.open(hubs.get(0), stores.get(0).settings().await(), DEFAULTS).await();
    LiveSettings second = LiveSettings.open(hubs.get(1), stores.get(1).settings().await(), DEFAULTS).await();
    try {
      first.save(first.current().with(new JsonObject().put("persona", "You are Alfred.")
          .put("hidden_entities", new JsonArray().add("lock.front_door")))).await();

      Await.until("the second hub's turns read Alfred", () -> second.current().persona().equals("You are Alfred."));
      assertThat(second.current().hiddenEntities()).containsExactly("lock.front_door");
    } finally {
      first.close();
      second.close();
    }
  }

  private static AgentProfile chef(String id) {
    return new AgentProfile(id, "Chef", "You are Chef.", "en", null, List.of(), null, null, List.of("kitchen"),
        List.of(), null, null, null);
  }
}
