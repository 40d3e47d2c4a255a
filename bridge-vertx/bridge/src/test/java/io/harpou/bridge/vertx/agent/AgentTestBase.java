package io.harpou.bridge.vertx.agent;

import io.harpou.bridge.api.BridgeAddresses;
import io.harpou.bridge.api.agent.Channel;
import io.harpou.bridge.api.agent.Reply;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.vertx.Bridge;
import io.harpou.bridge.vertx.BridgeOptions;
import io.harpou.bridge.vertx.store.pg.PgStore;
import io.harpou.bridge.vertx.store.pg.PgStoreOptions;
import io.harpou.bridge.vertx.audit.AuditEntry;
import io.harpou.bridge.vertx.audit.AuditLog;
import io.harpou.bridge.vertx.audit.AuditQuery;
import io.harpou.bridge.vertx.ha.HomeAssistantOptions;
import io.harpou.bridge.vertx.memory.MemoryOptions;
import io.harpou.testkit.Await;
import io.harpou.testkit.ha.VirtualHomeAssistant;
import io.harpou.testkit.ha.VirtualHomeOptions;
import io.harpou.testkit.ollama.ScriptedOllama;
import io.harpou.testkit.ollama.ScriptedOllamaOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A hub with the agent, the real HA client on the virtual home, and the scripted Ollama. */
abstract class AgentTestBase {

  protected final Vertx vertx = Vertx.vertx();
  protected final List<JsonObject> events = new CopyOnWriteArrayList<>();
  protected VirtualHomeAssistant home;
  protected ScriptedOllama ollama;
  protected Bridge bridge;

  @TempDir
  Path dataDir;

  @BeforeEach
  void startServers() {
    home = VirtualHomeAssistant.create(vertx, new VirtualHomeOptions()).start().await();
    ollama = ScriptedOllama.create(vertx, new ScriptedOllamaOptions()).start().await();
    vertx.eventBus().<JsonObject>consumer(BridgeAddresses.EVENTS, m -> events.add(m.body()));
  }

  @AfterEach
  void stopAll() {
    if (bridge != null) {
      bridge.close().await();
    }
    vertx.close().await();
  }

  /**
   * The agent section. The background threshold is far above any ordinary call: a low one turned a slow first call
   * on a busy machine (cold code, HA round trip) into a task, so tests about the threshold set their own.
   */
  protected JsonObject agentSection(boolean withModel) {
    JsonObject agent = new JsonObject().put("task_threshold_ms", 10_000);
    return withModel ? agent.put("ollama", new JsonObject().put("url", ollama.baseUrl()).put("model", "llama3.2"))
        : agent;
  }

  /** The PostgreSQL database these tests run on, for a subclass that runs them there; null for the embedded file. */
  protected String sharedDatabaseUrl() {
    return null;
  }

  protected BridgeOptions options(JsonObject agent) {
    BridgeOptions options = sharedDatabaseUrl() == null ? new BridgeOptions()
        : new BridgeOptions().setSection("database", new JsonObject().put("url", sharedDatabaseUrl()));
    return options.setDataDir(dataDir).setHttpEnabled(false)
        .setHomeAssistant(new HomeAssistantOptions().setUrl(home.url()).setToken(home.accessToken()))
        .setTools(new JsonObject().put("agent_test", new JsonObject().put("active", true)))
        .setAgent(new AgentOptions(agent))
        // Memory loads its embedding model on every start; these tests are not about memory.
        .setMemory(new MemoryOptions().setEnabled(false))
        // The monitors watch the machine's real disks: a full one would start a repair that takes the scripted replies.
        .setMonitorsEnabled(false);
  }

  protected Bridge start(JsonObject agent) {
    bridge = Bridge.create(vertx, options(agent)).start().await();
    return bridge;
  }

  protected Bridge restart(JsonObject agent) {
    bridge.close().await();
    return start(agent);
  }

  protected Reply ask(String text, String conversation) {
    return ask(new Utterance(text, "en", conversation, Channel.CONSOLE, "kitchen", null, "ada"));
  }

  protected Reply ask(Utterance utterance) {
    return bridge.agent().orElseThrow().ask(utterance).await();
  }

  protected List<AuditEntry> audit(String tool) {
    AuditQuery query = new AuditQuery(null, null, tool, null, 100);
    if (sharedDatabaseUrl() == null) {
      return AuditLog.open(bridge.database()).await().query(query).await();
    }
    PgStore store = PgStore.open(vertx, new PgStoreOptions().setUrl(sharedDatabaseUrl())).await();
    try {
      return store.auditLog().await().query(query).await();
    } finally {
      store.close().await();
    }
  }

  protected String state(String entityId) {
    return home.state(entityId).getString("state");
  }

  protected List<JsonObject> events(String kind) {
    return events.stream().filter(e -> kind.equals(e.getString("kind"))).toList();
  }

  /** Waits (up to ten seconds) for an event; fails the test when none comes. */
  protected JsonObject awaitEvent(Predicate<JsonObject> match) {
    return Await.value("a matching event among " + events, Await.DEFAULT_TIMEOUT,
        () -> events.stream().filter(match).findFirst().orElse(null));
  }
}
