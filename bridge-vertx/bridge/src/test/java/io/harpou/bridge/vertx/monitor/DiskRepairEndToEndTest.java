package io.harpou.bridge.vertx.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.harpou.bridge.api.BridgeAddresses;
import io.harpou.bridge.api.agent.Channel;
import io.harpou.bridge.api.agent.Reply;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.tool.ToolProvider;
import io.harpou.bridge.vertx.Bridge;
import io.harpou.bridge.vertx.BridgeOptions;
import io.harpou.bridge.vertx.agent.AgentOptions;
import io.harpou.bridge.vertx.agent.PolicyOptions;
import io.harpou.bridge.vertx.audit.AuditEntry;
import io.harpou.bridge.vertx.audit.AuditLog;
import io.harpou.bridge.vertx.audit.AuditQuery;
import io.harpou.bridge.vertx.ha.HomeAssistantOptions;
import io.harpou.bridge.vertx.memory.MemoryOptions;
import io.harpou.testkit.Await;
import io.harpou.testkit.fs.TmpfsMount;
import io.harpou.testkit.ha.VirtualHomeAssistant;
import io.harpou.testkit.ha.VirtualHomeOptions;
import io.harpou.testkit.ollama.OllamaMatch;
import io.harpou.testkit.ollama.OllamaReply;
import io.harpou.testkit.ollama.ScriptedOllama;
import io.harpou.testkit.ollama.ScriptedOllamaOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The house heals itself: a real file system (a tmpfs mounted for the test) fills past the threshold, the disk
 * monitor raises an alert, the repair session runs with the scripted model through the one policy point, proposes
 * deleting the cache folder, asks the household, and only after a household member's "yes" deletes exactly that
 * folder; the alert then clears by itself.
 */
class DiskRepairEndToEndTest {

  /** The disk is checked often, so a freed disk clears its alert within the test. */
  private static final long CHECKED_OFTEN_MS = 200;
  /**
   * The disk is checked at start and not again within the test, for tests that read a repair's outcome: a check that
   * sees the disk freed clears the alert, which may end the session before its outcome is told.
   */
  private static final long CHECKED_ONCE_MS = 600_000;

  private final Vertx vertx = Vertx.vertx();
  private final List<JsonObject> events = new CopyOnWriteArrayList<>();
  private VirtualHomeAssistant home;
  private ScriptedOllama ollama;
  private Bridge bridge;
  private TmpfsMount mount;
  private Path disk;

  @TempDir
  Path temp;

  /** Unmounts what a failed {@code close()} left; a killed run's mounts go at the next mount (see TmpfsMount). */
  @AfterAll
  static void unmountWhatIsLeft() {
    TmpfsMount.closeAll();
  }

  @BeforeEach
  void setUp() throws Exception {
    mount = TmpfsMount.mount(temp.resolve("disk"), 4);
    assumeTrue(mount != null, "a tmpfs cannot be mounted here (the test needs root and mount rights), so no real"
        + " file system can be filled");
    disk = mount.point().toRealPath();
    Files.createDirectories(disk.resolve("cache/thumbnails"));
    Files.write(disk.resolve("cache/thumbnails/a.bin"), new byte[3 << 20]);
    Files.createDirectories(disk.resolve("photos"));
    Files.write(disk.resolve("photos/keep.jpg"), new byte[700 << 10]);
    home = VirtualHomeAssistant.create(vertx, new VirtualHomeOptions()).start().await();
    ollama = ScriptedOllama.create(vertx, new ScriptedOllamaOptions()).start().await();
    vertx.eventBus().<JsonObject>consumer(BridgeAddresses.EVENTS, m -> events.add(m.body()));
  }

  @AfterEach
  void tearDown() throws Exception {
    if (bridge != null) {
      bridge.close().await();
    }
    vertx.close().await();
    if (mount != null) {
      mount.close();
    }
  }

  private void start(JsonObject policy, JsonObject execute) throws Exception {
    start(policy, execute, new JsonArray().add("system").add("repairs"));
  }

  private void start(JsonObject policy, JsonObject execute, JsonArray providers) throws Exception {
    start(policy, execute, providers, new JsonObject(), CHECKED_OFTEN_MS);
  }

  private void start(JsonObject policy, JsonObject execute, JsonArray providers, JsonObject monitors,
                     long diskIntervalMs) throws Exception {
    JsonObject system = new JsonObject()
        .put("files", new JsonObject().put("roots", new JsonArray().add(disk.toString())))
        .put("execute", execute)
        .put("monitors", new JsonObject()
            .put("disk", new JsonObject().put("mounts", new JsonArray().add(disk.toString()))
                .put("interval_ms", diskIntervalMs))
            .put("load", new JsonObject().put("enabled", false)));
    BridgeOptions options = new BridgeOptions().setDataDir(temp.resolve("data")).setHttpEnabled(false)
        .setHomeAssistant(new HomeAssistantOptions().setUrl(home.url()).setToken(home.accessToken()))
        .setTools(new JsonObject().put("enabled", providers).put("system", system))
        .setAgent(new AgentOptions().setTaskThresholdMs(10_000).setPolicy(new PolicyOptions(policy))
            .setOllama(new JsonObject().put("url", ollama.baseUrl()).put("model", "llama3.2")))
        .setMemory(new MemoryOptions().setEnabled(false))
        .setMonitors(new MonitorOptions(monitors.put("repair", new JsonObject().put("cooldown_ms", 600_000))));
    // The spy interpreter is discoverable only while this bridge starts.
    Path services = Files.createDirectories(temp.resolve("services/META-INF/services"));
    Files.writeString(services.resolve(ToolProvider.class.getName()), SpyInterpreterProvider.class.getName() + "\n");
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {temp.resolve("services").toUri().toURL()},
        getClass().getClassLoader())) {
      thread.setContextClassLoader(loader);
      bridge = Bridge.create(vertx, options).start().await();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  private void scriptRepair() {
    ollama.addRule(OllamaMatch.userContains("Monitor alert (disk").thenReply(OllamaReply.toolCall("disk_usage",
        new JsonObject().put("path", disk.toString()))));
    ollama.addRule(OllamaMatch.toolResult("disk_usage").thenReply(OllamaReply.toolCall("delete_path",
        new JsonObject().put("path", disk.resolve("cache").toString()))));
  }

  @Test
  void should_propose_deleting_the_cache_ask_and_after_yes_delete_exactly_that_folder() throws Exception {
    scriptRepair();
    start(new JsonObject(), new JsonObject());

    JsonObject asking = awaitEvent(e -> "alert".equals(e.getString("kind")) && "asking".equals(e.getString("state")));

    String question = "Delete " + disk.resolve("cache") + " (and everything in it, if it is a folder)? Say yes to"
        + " confirm.";
    assertThat(asking.getString("detail")).isEqualTo(question);
    assertThat(asking.getString("summary")).startsWith("Disk " + disk + " is 9").contains("(threshold 90%");
    assertThat(disk.resolve("cache")).exists();
    Await.until("Home Assistant has the question",
        () -> home.notifications().stream().anyMatch(n -> n.getString("message").contains(question)));
    assertThat(home.notifications()).anySatisfy(n -> assertThat(n.getString("message")).contains(question));

    JsonObject answer = vertx.eventBus().<JsonObject>request(BridgeAddresses.REPAIR_ANSWER, new JsonObject()
        .put("alert_id", asking.getString("alert_id")).put("text", "yes").put("user", "ada")).await().body();

    assertThat(answer.getString("speech")).isEqualTo("Done.");
    assertThat(disk.resolve("cache")).doesNotExist();
    assertThat(disk.resolve("photos/keep.jpg")).exists();
    awaitEvent(e -> "alert".equals(e.getString("kind")) && "cleared".equals(e.getString("state")));
    assertThat(home.notifications()).noneSatisfy(n -> assertThat(n.getString("notification_id"))
        .isEqualTo("harpou_alert_" + asking.getString("alert_id")));
    assertThat(audit("disk_usage")).singleElement().satisfies(row -> {
      assertThat(row.channel()).isEqualTo("monitor");
      assertThat(row.outcome()).isEqualTo("ok");
    });
    assertThat(audit("delete_path")).extracting(AuditEntry::outcome).containsExactly("ok", "confirmation_required");
    assertThat(audit("delete_path")).allSatisfy(row -> assertThat(row.user()).isEqualTo("harpou-monitor"));
  }

  @Test
  void should_let_a_household_member_approve_from_the_console_after_confirming_it_themselves() throws Exception {
    scriptRepair();
    start(new JsonObject(), new JsonObject(), new JsonArray().add("system").add("repairs"), new JsonObject(),
        CHECKED_ONCE_MS);
    JsonObject asking = awaitEvent(e -> "alert".equals(e.getString("kind")) && "asking".equals(e.getString("state")));
    ollama.addRule(OllamaMatch.userContains("go ahead").thenReply(OllamaReply.toolCall("answer_repair",
        new JsonObject().put("alert_id", asking.getString("alert_id")).put("answer", "yes"))));

    Reply question = ask(new Utterance("go ahead with the disk repair", "en", "console-1", Channel.CONSOLE, null,
        null, "ada"));

    assertThat(question.speech()).isEqualTo("Approve the repair (" + asking.getString("summary") + "): \"Delete "
        + disk.resolve("cache") + " (and everything in it, if it is a folder)?\"? Say yes to confirm.");
    assertThat(disk.resolve("cache")).exists();
    Reply stranger = ask(new Utterance("yes", "en", "console-1", Channel.CONSOLE, null, null, "mallory"));
    assertThat(disk.resolve("cache")).exists();
    assertThat(stranger.speech()).isNotEqualTo("Done.");

    Reply done = ask(new Utterance("yes", "en", "console-1", Channel.CONSOLE, null, null, "ada"));

    assertThat(done.speech()).isEqualTo("Done.");
    assertThat(disk.resolve("cache")).doesNotExist();
    assertThat(disk.resolve("photos/keep.jpg")).exists();
    assertThat(audit("answer_repair")).extracting(AuditEntry::user).containsOnly("ada");
    JsonObject ended = awaitEvent(e -> "alert".equals(e.getString("kind"))
        && "repair_ended".equals(e.getString("state")));
    assertThat(ended.getString("detail")).startsWith("Confirmed by ada: Delete " + disk.resolve("cache"));
  }

  @Test
  void should_answer_from_a_tap_on_home_assistants_actionable_notification_only_when_allowed() throws Exception {
    scriptRepair();
    start(new JsonObject(), new JsonObject(), new JsonArray().add("system"), new JsonObject()
        .put("notify_service", "mobile_app_phone").put("answer_from_home", true), CHECKED_ONCE_MS);
    JsonObject asking = awaitEvent(e -> "alert".equals(e.getString("kind")) && "asking".equals(e.getString("state")));
    String alertId = asking.getString("alert_id");

    // The notification is sent as the question is published: wait for Home Assistant to have it.
    Await.until("Home Assistant has the question with its buttons", () -> home.calls().stream().anyMatch(call ->
        call.domain().equals("notify") && call.data().getJsonObject("data", new JsonObject()).containsKey("actions")));
    assertThat(home.calls()).filteredOn(call -> call.domain().equals("notify")
            && call.data().getJsonObject("data", new JsonObject()).containsKey("actions"))
        .singleElement().satisfies(call -> {
          assertThat(call.service()).isEqualTo("mobile_app_phone");
          assertThat(call.data().getJsonObject("data").getJsonArray("actions").getJsonObject(0)
              .getString("action")).isEqualTo("HARPOU_REPAIR_YES_" + alertId);
        });
    home.fireEvent("mobile_app_notification_action", new JsonObject().put("action", "HARPOU_REPAIR_YES_01FORGED"));
    home.fireEvent("other_event", new JsonObject().put("action", "HARPOU_REPAIR_YES_" + alertId));
    Thread.sleep(500);
    assertThat(disk.resolve("cache")).exists();

    home.fireEvent("mobile_app_notification_action", new JsonObject().put("action", "HARPOU_REPAIR_YES_" + alertId));

    JsonObject ended = awaitEvent(e -> "alert".equals(e.getString("kind"))
        && "repair_ended".equals(e.getString("state")));
    assertThat(ended.getString("detail")).startsWith("Confirmed by home_assistant");
    assertThat(disk.resolve("cache")).doesNotExist();
    assertThat(disk.resolve("photos/keep.jpg")).exists();
  }

  @Test
  void should_ignore_home_assistant_taps_unless_answering_from_home_is_enabled() throws Exception {
    scriptRepair();
    start(new JsonObject(), new JsonObject(), new JsonArray().add("system"), new JsonObject()
        .put("notify_service", "mobile_app_phone"), CHECKED_OFTEN_MS);
    JsonObject asking = awaitEvent(e -> "alert".equals(e.getString("kind")) && "asking".equals(e.getString("state")));

    home.fireEvent("mobile_app_notification_action", new JsonObject().put("action", "HARPOU_REPAIR_YES_"
        + asking.getString("alert_id")));
    Thread.sleep(1000);

    assertThat(disk.resolve("cache")).exists();
    // The notification is sent as the question is published: wait for Home Assistant to have it.
    long deadline = System.currentTimeMillis() + 10_000;
    while (home.calls().stream().noneMatch(call -> call.domain().equals("notify") && call.data()
        .getJsonObject("data", new JsonObject()).containsKey("actions")) && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
    assertThat(home.calls()).filteredOn(call -> call.domain().equals("notify")).allSatisfy(call ->
        assertThat(call.data().getJsonObject("data").containsKey("actions")).isFalse());
  }

  @Test
  void should_keep_the_local_interpreters_out_of_a_repair_whose_text_quotes_the_monitored_world() throws Exception {
    SpyInterpreterProvider.SEEN.clear();
    ollama.addRule(OllamaMatch.userContains("Monitor alert (disk").thenReply(OllamaReply.text("Nothing to do.")));
    start(new JsonObject(), new JsonObject(), new JsonArray().add("system").add("repairs").add("spy"));

    awaitEvent(e -> "alert".equals(e.getString("kind")) && "repair_ended".equals(e.getString("state")));
    ask(new Utterance("what time is it", "en", "console-2", Channel.CONSOLE, null, null, "ada"));

    assertThat(SpyInterpreterProvider.SEEN).extracting(Utterance::channel).containsExactly(Channel.CONSOLE);
  }

  @Test
  void should_not_delete_on_a_yes_from_anyone_but_the_household_relay() throws Exception {
    scriptRepair();
    start(new JsonObject(), new JsonObject());
    JsonObject asking = awaitEvent(e -> "alert".equals(e.getString("kind")) && "asking".equals(e.getString("state")));
    String conversation = asking.getString("conversation_id");

    Reply console = bridge.agent().orElseThrow().ask(new Utterance("yes", "en", conversation,
        Channel.CONSOLE, null, null, "harpou-monitor")).await();
    Reply scheduler = bridge.agent().orElseThrow().ask(new Utterance("yes", "en", conversation,
        Channel.SCHEDULER, null, null, "harpou-monitor")).await();

    assertThat(console.speech()).isNotEqualTo("Done.");
    assertThat(scheduler.speech()).isNotEqualTo("Done.");
    assertThat(disk.resolve("cache")).exists();
    assertThat(audit("delete_path")).extracting(AuditEntry::outcome).containsOnly("confirmation_required");
  }

  @Test
  void should_never_run_a_dangerous_tool_in_a_repair_even_where_dangerous_tools_are_enabled() throws Exception {
    ollama.addRule(OllamaMatch.userContains("Monitor alert (disk").thenReply(OllamaReply.toolCall(
        "execute_command", new JsonObject().put("argv", new JsonArray().add("rm").add("-r")
            .add(disk.resolve("cache").toString())))));
    ollama.addRule(OllamaMatch.toolResult("execute_command").thenReply(OllamaReply.text("I could not do it.")));
    start(new JsonObject().put("dangerous_enabled", true), new JsonObject().put("allow", new JsonArray().add("rm"))
        .put("roots", new JsonArray().add(disk.toString())));

    JsonObject ended = awaitEvent(e -> "alert".equals(e.getString("kind"))
        && "repair_ended".equals(e.getString("state")));

    assertThat(ended.getString("detail")).isEqualTo("I could not do it.");
    assertThat(disk.resolve("cache")).exists();
    assertThat(audit("execute_command")).singleElement().satisfies(row -> {
      assertThat(row.outcome()).isEqualTo("denied");
      assertThat(row.channel()).isEqualTo("monitor");
    });
  }

  @Test
  void should_open_one_session_per_problem_and_none_again_within_the_cooldown() throws Exception {
    ollama.addRule(OllamaMatch.userContains("Monitor alert (disk").thenReply(OllamaReply.text(
        "Delete the cache folder by hand.")));
    start(new JsonObject(), new JsonObject());
    awaitEvent(e -> "alert".equals(e.getString("kind")) && "repair_ended".equals(e.getString("state")));

    Files.delete(disk.resolve("cache/thumbnails/a.bin"));
    awaitEvent(e -> "alert".equals(e.getString("kind")) && "cleared".equals(e.getString("state")));
    Files.write(disk.resolve("cache/thumbnails/b.bin"), new byte[3 << 20]);
    awaitEvent(e -> "alert".equals(e.getString("kind")) && "raised".equals(e.getString("state"))
        && events.stream().anyMatch(c -> "cleared".equals(c.getString("state")) && events.indexOf(c)
        < events.indexOf(e)));
    Thread.sleep(1000);

    long sessions = ollama.requests().stream().filter(r -> r.messages().encode().contains("Monitor alert (disk"))
        .map(r -> r.messages().getJsonObject(r.messages().size() - 1).getString("content")).distinct().count();
    assertThat(sessions).isEqualTo(1);
    assertThat(events.stream().filter(e -> "alert".equals(e.getString("kind"))
        && "raised".equals(e.getString("state")))).hasSize(2);
  }

  private Reply ask(Utterance utterance) {
    return bridge.agent().orElseThrow().ask(utterance).await();
  }

  private List<AuditEntry> audit(String tool) {
    AuditLog log = AuditLog.open(bridge.database()).await();
    return log.query(new AuditQuery(null, null, tool, null, 100)).await();
  }

  private JsonObject awaitEvent(Predicate<JsonObject> match) {
    long deadline = System.currentTimeMillis() + 20_000;
    while (System.currentTimeMillis() < deadline) {
      for (JsonObject event : events) {
        if (match.test(event)) {
          return event;
        }
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new AssertionError("no matching event; alerts seen: " + events.stream()
        .filter(e -> "alert".equals(e.getString("kind"))).toList());
  }
}
