package io.harpou.bridge.vertx.store.pg;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.vertx.audit.AuditQuery;
import io.harpou.bridge.vertx.db.Database;
import io.harpou.bridge.vertx.ha.HomeAssistantClient;
import io.harpou.bridge.vertx.ha.HomeAssistantOptions;
import io.harpou.bridge.vertx.rules.NotificationOptions;
import io.harpou.bridge.vertx.rules.NotificationRules;
import io.harpou.bridge.vertx.rules.NotificationServices;
import io.harpou.testkit.Await;
import io.harpou.testkit.ha.VirtualHomeAssistant;
import io.harpou.testkit.ha.VirtualHomeOptions;
import io.harpou.testkit.pg.PostgresServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two hubs on one real PostgreSQL database, each with its own Vert.x, its own connection to the virtual Home
 * Assistant and its own embedded file: a notification rule added on one hub's console is listed on the other's, and
 * one removed there is gone from both.
 */
class SharedRulesTest {

  private static PostgresServer server;

  @TempDir
  Path dir;

  private final List<Vertx> hubs = new ArrayList<>();
  private final List<AutoCloseable> closing = new ArrayList<>();
  private VirtualHomeAssistant home;
  private String url;

  @BeforeAll
  static void startServer() throws Exception {
    server = PostgresServer.start();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @BeforeEach
  void startHome() throws Exception {
    url = server.newDatabase();
    Vertx vertx = Vertx.vertx();
    hubs.add(vertx);
    home = VirtualHomeAssistant.create(vertx, new VirtualHomeOptions().setHouse(new JsonObject()
        .put("areas", new JsonArray().add(new JsonObject().put("area_id", "hallway").put("name", "Hallway")))
        .put("entities", new JsonArray().add(new JsonObject().put("entity_id", "binary_sensor.front_door")
            .put("name", "Front door").put("area_id", "hallway").put("state", "off")
            .put("attributes", new JsonObject().put("device_class", "door")))))).start().await();
  }

  @AfterEach
  void stopHubs() throws Exception {
    for (int i = closing.size() - 1; i >= 0; i--) {
      closing.get(i).close();
    }
    hubs.forEach(v -> v.close().await());
  }

  @Test
  void should_list_on_one_hub_a_rule_added_on_the_other_and_forget_it_on_both_once_removed() {
    NotificationRules first = start(hubs.get(0), "first");
    NotificationRules second = start(Vertx.vertx(), "second");

    first.add(new JsonObject().put("id", "door_open").put("rooms", new JsonArray().add("hallway"))
        .put("when", new JsonObject().put("entity_id", "binary_sensor.front_door").put("state", "on"))
        .put("say", "The front door is open.")).await();

    Await.until("the second hub lists the rule", () -> ids(second).contains("door_open"));

    assertThat(second.remove("door_open").await()).isTrue();
    Await.until("the first hub forgets the rule", () -> !ids(first).contains("door_open"));
    assertThat(ids(second)).doesNotContain("door_open");
  }

  @Test
  void should_audit_what_a_rule_told_in_the_log_the_hubs_share() {
    NotificationRules first = start(hubs.get(0), "first");
    first.add(new JsonObject().put("id", "door_open").put("rooms", new JsonArray().add("hallway"))
        .put("when", new JsonObject().put("entity_id", "binary_sensor.front_door").put("state", "on"))
        .put("say", "The front door is open.")).await();

    home.setState("binary_sensor.front_door", "on");

    // Read from another hub's store: the row is in the database, not in the first hub's own file.
    PgStore other = PgStore.open(hubs.get(0), new PgStoreOptions().setUrl(url)).await();
    closing.add(() -> other.close().await());
    Await.until("the notification is in the shared audit log", () -> other.auditLog().await()
        .query(AuditQuery.latest()).await().stream()
        .anyMatch(row -> "rules".equals(row.channel()) && row.arguments().getString("rule").equals("door_open")));
  }

  /** One hub's rules: its own Home Assistant client and embedded file, the added rules in the shared database. */
  private NotificationRules start(Vertx vertx, String name) {
    if (!hubs.contains(vertx)) {
      hubs.add(vertx);
    }
    HomeAssistantClient client = HomeAssistantClient.create(vertx, new HomeAssistantOptions().setUrl(home.url())
        .setToken(home.accessToken()));
    client.connect().await();
    Database database = Database.open(vertx, dir.resolve(name + ".db")).await();
    PgStore store = PgStore.open(vertx, new PgStoreOptions().setUrl(url)).await();
    NotificationRules rules = Future.all(store.rules(), store.auditLog()).compose(opened -> NotificationRules.start(
        vertx, new NotificationOptions(new JsonObject()), new NotificationServices(client, database, null, List::of),
        opened.resultAt(0), opened.resultAt(1))).await();
    closing.add(() -> database.close().await());
    closing.add(() -> store.close().await());
    closing.add(() -> rules.close().await());
    return rules;
  }

  private static List<String> ids(NotificationRules rules) {
    return rules.list().await().stream().map(rule -> ((JsonObject) rule).getString("id")).toList();
  }
}
