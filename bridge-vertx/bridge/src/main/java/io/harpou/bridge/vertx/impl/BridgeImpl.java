package io.harpou.bridge.vertx.impl;

import io.harpou.bridge.api.BridgeException;
import io.harpou.bridge.api.agent.Agent;
import io.harpou.bridge.api.agent.AgentProfiles;
import io.harpou.bridge.api.artifact.ArtifactStore;
import io.harpou.bridge.api.home.HomeGateway;
import io.harpou.bridge.api.memory.MemoryStore;
import io.harpou.bridge.api.task.TaskService;
import io.harpou.bridge.api.timer.TimerService;
import io.harpou.bridge.api.voice.Announcer;
import io.harpou.bridge.api.voice.SttService;
import io.harpou.bridge.api.voice.TtsService;
import io.harpou.bridge.vertx.Bridge;
import io.harpou.bridge.vertx.BridgeOptions;
import io.harpou.bridge.vertx.HouseholdDuties;
import io.harpou.bridge.vertx.RemoteParts;
import io.harpou.bridge.vertx.agent.AgentRuntime;
import io.harpou.bridge.vertx.agent.AgentServices;
import io.harpou.bridge.vertx.artifact.ArtifactStores;
import io.harpou.bridge.vertx.db.Database;
import io.harpou.bridge.vertx.db.LastGoodCopy;
import io.harpou.bridge.vertx.health.Health;
import io.harpou.bridge.vertx.http.HttpApi;
import io.harpou.bridge.vertx.http.HttpApiServices;
import io.harpou.bridge.vertx.http.HttpStore;
import io.harpou.bridge.vertx.mcp.McpClients;
import io.harpou.bridge.vertx.mcp.McpEndpoint;
import io.harpou.bridge.vertx.mcp.McpRemoteServer;
import io.harpou.bridge.vertx.mcp.McpServerOptions;
import io.harpou.bridge.vertx.mcp.McpServices;
import io.harpou.bridge.vertx.memory.MemoryRuntime;
import io.harpou.bridge.vertx.memory.MemoryStorage;
import io.harpou.bridge.vertx.memory.pg.PgMemoryStorage;
import io.harpou.bridge.vertx.monitor.MonitorOptions;
import io.harpou.bridge.vertx.monitor.MonitorRuntime;
import io.harpou.bridge.vertx.monitor.MonitorServices;
import io.harpou.bridge.vertx.mqtt.MqttDiscovery;
import io.harpou.bridge.vertx.mqtt.MqttOptions;
import io.harpou.bridge.vertx.mqtt.MqttSatellite;
import io.harpou.bridge.vertx.mqtt.MqttServices;
import io.harpou.bridge.vertx.profiles.ProfileStore;
import io.harpou.bridge.vertx.profiles.ProfilesApi;
import io.harpou.bridge.vertx.rules.NotificationOptions;
import io.harpou.bridge.vertx.rules.NotificationRules;
import io.harpou.bridge.vertx.rules.NotificationServices;
import io.harpou.bridge.vertx.store.pg.PgStore;
import io.harpou.bridge.vertx.store.pg.PgStoreOptions;
import io.harpou.bridge.vertx.tools.ToolRegistry;
import io.harpou.bridge.vertx.voice.Satellite;
import io.harpou.bridge.vertx.voice.SatelliteDialer;
import io.harpou.bridge.vertx.voice.Satellites;
import io.harpou.bridge.vertx.voice.VoiceBackends;
import io.harpou.bridge.vertx.voice.VoiceOptions;
import io.harpou.bridge.vertx.voice.WyomingServiceVerticle;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Composes the parts in explicit, typed code: each part is made with the parts it needs, in an order where every
 * need is met first (tools and database; artifacts; Home Assistant; memory; the agent; speech; voice; notification
 * rules; the monitors; the HTTP API; MQTT discovery when configured), and each started part leaves how to stop it, run
 * in reverse on close. Voice needs the agent and the agent speaks through voice: the agent's announcer and its timers'
 * events go on the event bus, which voice serves, so no part is ever changed after it is made.
 */
public final class BridgeImpl implements Bridge {

  private static final Logger LOG = LoggerFactory.getLogger(BridgeImpl.class);

  private final Vertx vertx;
  private final BridgeOptions options;
  private final RemoteParts remote;
  private final Health health;
  private final Deque<Supplier<Future<Void>>> stops = new ArrayDeque<>();
  private final Set<String> deployments = new LinkedHashSet<>();
  private ToolRegistry tools;
  private Database database;
  private PgStore shared;
  private HomeGateway home;
  private MemoryRuntime memory;
  private ArtifactStore artifacts;
  private AgentRuntime agent;
  private SpeechEngines speech;
  private WyomingServiceVerticle voice;
  private HttpApi http;
  private ProfileStore profiles;

  /** Creates the bridge, using the parts {@code remote} names instead of its own; nothing runs until started. */
  public BridgeImpl(Vertx vertx, BridgeOptions options, RemoteParts remote) {
    this.vertx = vertx;
    this.options = new BridgeOptions(options);
    this.remote = remote;
    this.health = new Health(vertx);
  }

  @Override
  public Future<Bridge> start() {
    health.listen();
    Set<String> before = Set.copyOf(vertx.deploymentIDs());
    return Future.<Void>succeededFuture()
        .compose(v -> startTools())
        .compose(v -> startDatabase())
        .compose(v -> startSharedDatabase())
        .compose(v -> startArtifacts())
        .compose(v -> startProfiles())
        .compose(v -> startHome())
        .compose(v -> startMemory())
        .compose(v -> startAgent())
        .compose(v -> startSpeech())
        .compose(v -> startVoice())
        .compose(v -> startRules())
        .compose(v -> startMonitors())
        .compose(v -> startHttp())
        .compose(v -> startMqtt())
        .<Bridge>map(v -> {
          vertx.deploymentIDs().stream().filter(id -> !before.contains(id)).forEach(deployments::add);
          return this;
        })
        .recover(e -> close().transform(ignored -> Future.failedFuture(e instanceof BridgeException ? e
            : new BridgeException("Harpou could not start: " + e.getMessage(), e))));
  }

  private Future<Void> startTools() {
    // Discovery loads classes and reads jars: keep it off the event loop.
    return vertx.executeBlocking(() -> ToolRegistry.load(options.getTools()), false).map(registry -> {
      tools = registry;
      health.report("tools", "ready", registry.tools().size() + " tools from " + registry.providers());
      startMcpClients();
      return null;
    });
  }

  /** Connects to the configured MCP servers in the background; their tools join the registry as they come. */
  private void startMcpClients() {
    List<McpRemoteServer> servers = options.getMcpServers();
    if (servers.isEmpty()) {
      return;
    }
    McpClients clients = McpClients.create(vertx, servers);
    tools = tools.withLiveTools(clients::tools);
    clients.start();
    stops.push(clients::close);
    // Each server reports itself as the component mcp:<prefix>; this section details them.
    health.section("mcp_servers", clients::status);
  }

  private Future<Void> startDatabase() {
    return Database.open(vertx, options.dataDir().resolve("harpou.db")).compose(db -> {
      database = db;
      stops.push(db::close);
      return LastGoodCopy.start(vertx, db);
    }).map(copy -> {
      stops.push(copy::close);
      health.report("database", "ready", database.file().toAbsolutePath().normalize() + "; " + copy.status());
      return null;
    });
  }

  /**
   * The PostgreSQL store, when {@code database.url} names one: the agent keeps its audit log, history and tasks there,
   * and the HTTP API its keys.
   */
  private Future<Void> startSharedDatabase() {
    Optional<PgStoreOptions> configured = options.getSharedDatabase();
    if (configured.isEmpty()) {
      return Future.succeededFuture();
    }
    return SharedNodeName.named(vertx, options.dataDir(), configured.get())
        .compose(named -> PgStore.open(vertx, named)).map(store -> {
          shared = store;
          stops.push(store::close);
          health.report("shared_database", "ready", store.describe()
              + " (audit log, conversations, tasks, settings, agent profiles, model usage, added rules, API keys)");
          return null;
        });
  }

  /** The agent profiles, in the shared database when there is one, so every hub answers with the same. */
  private Future<Void> startProfiles() {
    return (shared == null ? ProfileStore.open(database) : shared.profiles()).map(store -> {
      profiles = store;
      health.report("profiles", "ready", store.all().size() + " agent profiles");
      return null;
    });
  }

  private Future<Void> startArtifacts() {
    return ArtifactStores.open(vertx, options.getArtifacts(), options.dataDir()).map(store -> {
      artifacts = store;
      stops.push(store::close);
      health.report("artifacts", "ready", store.describe());
      return null;
    });
  }

  private Future<Void> startHome() {
    if (remote.home() != null) {
      home = remote.home();
      health.report("home", "remote", "Home Assistant is reached through another node of the cluster");
      return Future.succeededFuture();
    }
    return HomeStart.start(vertx, options, health).map(started -> {
      started.ifPresent(running -> {
        home = running.gateway();
        stops.push(running::close);
      });
      return null;
    });
  }

  private Future<Void> startMemory() {
    if (!options.getMemory().isEnabled()) {
      health.report(MemoryRuntime.COMPONENT, "disabled", "memory.enabled is false");
      return Future.succeededFuture();
    }
    // Facts learned from a profile's turns go to its memory scope.
    AgentProfiles answering = profiles == null ? AgentProfiles.NONE : profiles;
    return MemoryRuntime.start(vertx, memoryStorage(), options.getMemory(), answering).map(running -> {
      memory = running;
      stops.push(running::close);
      health.report(MemoryRuntime.COMPONENT, "ready", running.describe());
      return null;
    });
  }

  /** Where memories and documents live: in the shared database when there is one, so that every hub has them. */
  private MemoryStorage memoryStorage() {
    return shared == null ? MemoryStorage.embedded(database) : new PgMemoryStorage(shared);
  }

  private Future<Void> startAgent() {
    if (!options.agentEnabled()) {
      return Future.succeededFuture();
    }
    AgentServices services = AgentServices.of(tools, database, options.dataDir()).withHome(home)
        .withMemory(memory == null ? null : memory.store()).withAnnouncer(Announcer.overEventBus(vertx))
        .withArtifacts(artifacts).withProfiles(profiles).withStore(shared);
    return AgentRuntime.start(vertx, options.getAgent(), services).map(running -> {
      agent = running;
      stops.push(running::close);
      health.report("agent", "ready", running.modelDescription());
      return null;
    });
  }

  private Future<Void> startSpeech() {
    if (!options.voiceEnabled()) {
      return Future.succeededFuture();
    }
    return SpeechEngines.load(vertx, options.getSpeechEngines()).map(engines -> {
      speech = engines;
      stops.push(engines::close);
      health.report("speech", "ready", engines.describe());
      return null;
    });
  }

  private Future<Void> startVoice() {
    if (!options.voiceEnabled()) {
      return Future.succeededFuture();
    }
    VoiceOptions voiceOptions = options.getVoice();
    WyomingServiceVerticle verticle = new WyomingServiceVerticle(voiceOptions,
        VoiceBackends.of(speech.stt(), speech.tts(), agent().orElse(null),
            profiles == null ? AgentProfiles.NONE : profiles));
    return vertx.deployVerticle(verticle)
        .recover(e -> Future.failedFuture(new BridgeException("voice could not start: " + e.getMessage(), e)))
        .map(id -> {
          voice = verticle;
          stops.push(() -> undeploy(id));
          health.report("voice", "ready", "Wyoming on port " + verticle.actualPort() + ", "
              + voiceOptions.getSatellites().size() + " satellites configured, stt "
              + stt().map(SttService::id).orElse("none") + ", tts " + tts().map(TtsService::id).orElse("none"));
          return null;
        });
  }

  private Future<Void> startMonitors() {
    MonitorOptions monitorOptions = options.getMonitors();
    if (!monitorOptions.enabled()) {
      return Future.succeededFuture();
    }
    MonitorServices services = MonitorServices.of(health, options.dataDir()).withMonitors(tools.monitors())
        .withHome(home).withAgent(agent().orElse(null)).withAnnouncer(announcer().orElse(null))
        .withHouseholdDuties(() -> remote.duties().performs(HouseholdDuties.HOUSEHOLD_MONITORS));
    return MonitorRuntime.start(vertx, monitorOptions, services).map(running -> {
      stops.push(running::close);
      health.report(MonitorRuntime.COMPONENT, "ready", running.describe());
      return null;
    });
  }

  private Future<Void> startHttp() {
    if (!options.httpEnabled()) {
      return Future.succeededFuture();
    }
    HttpStore store = shared == null ? HttpStore.of(database) : shared;
    HttpApiServices services = withMcp(HttpApiServices.builder(health, database, options.dataDir()).tools(tools)
        .agent(agent().orElse(null)).home(home).tasks(tasks().orElse(null))
        .timers(agent == null ? null : agent.timers()).memory(memory().orElse(null))
        .usage(agent == null ? null : agent.usage().orElse(null)).artifacts(artifacts)
        .plans(agent == null ? null : agent.plans()).profiles(profiles)
        .satellites(new VoiceSatelliteRooms(this::satellites))
        .confirmationTimeout(Duration.ofMillis(options.getAgent().getPolicy().getConfirmationTimeoutMs()))
        .conversations(agent == null ? null : agent.conversations())
        .toolGate(agent == null ? null : agent.gate())
        .satelliteLines(voice == null ? null : voice.lines())
        .settings(agent == null ? null : agent.settings(), agent == null ? null : agent.modelDescription())
        .store(store).build());
    return store.auditLog().map(audit -> {
      ProfilesApi api = ProfilesApi.create(vertx, profiles, tools,
          ProfileWriting.modelNames(options.getAgent().getModels()), audit,
          ProfileWriting.writer(vertx, options.getAgent().getModels()));
      return services.withRoutes(router -> api.mount(router, HttpApi::keyName));
    }).compose(withProfiles -> HttpApi.start(vertx, options.getHttp(), withProfiles)).map(running -> {
      http = running;
      stops.push(running::close);
      health.report("http", "listening", running.describe());
      return null;
    });
  }

  /** The HTTP services with the MCP server mounted, when it is enabled and the agent's policy point runs. */
  private HttpApiServices withMcp(HttpApiServices services) {
    McpServerOptions mcpOptions = options.getMcpServer();
    if (!mcpOptions.isEnabled() || agent == null) {
      return services;
    }
    McpEndpoint mcp = McpEndpoint.create(vertx, mcpOptions, McpServices.of(tools, agent.gate())
        .withAgent(agent.agent()).withHome(home).withMemory(memory().orElse(null)));
    stops.push(mcp::close);
    return services.withRoutes(router -> mcp.mount(router, HttpApi::keyName));
  }

  private Future<Void> startRules() {
    Optional<NotificationOptions> configured = options.getNotifications();
    if (configured.isEmpty() || home == null) {
      return Future.succeededFuture();
    }
    NotificationServices services = new NotificationServices(home, database, announcer().orElse(null),
        () -> satellites().map(s -> s.list().stream().map(Satellite::room).filter(Objects::nonNull).distinct()
            .toList()).orElse(List.of()), tools.exposure(),
        remote.duties()::claim);
    // Rules added by speech, the console and the API, and what they told, are kept in the shared database if any.
    Future<NotificationRules> started = shared == null ? NotificationRules.start(vertx, configured.get(), services)
        : Future.all(shared.rules(), shared.auditLog()).compose(opened -> NotificationRules.start(vertx,
            configured.get(), services, opened.resultAt(0), opened.resultAt(1)));
    return started.map(running -> {
      stops.push(running::close);
      health.report(NotificationRules.COMPONENT, "ready", running.rules().size() + " rules");
      return null;
    });
  }

  private Future<Void> startMqtt() {
    Optional<MqttOptions> configured = options.getMqtt();
    if (configured.isEmpty()) {
      return Future.succeededFuture();
    }
    MqttServices services = MqttServices.of(health, database)
        .withAuditLog(shared == null ? null : shared.auditLog())
        .withAgent(agent().orElse(null), agent == null ? null : agent.modelDescription())
        .withAnnouncer(announcer().orElse(null)).withTasks(tasks().orElse(null)).withTimers(timers().orElse(null));
    if (voice != null) {
      services = services.withSatellites(() -> voice.satellites().list().stream()
          .map(s -> new MqttSatellite(s.id(), s.room(), s.state().jsonName())).toList(), voice.control());
    }
    return MqttDiscovery.start(vertx, configured.get(), services).map(running -> {
      stops.push(running::close);
      return null;
    });
  }

  private Future<Void> undeploy(String id) {
    // When Vert.x itself is closing, it may have undeployed our verticles already.
    return vertx.deploymentIDs().contains(id) ? vertx.undeploy(id) : Future.succeededFuture();
  }

  @Override
  public Future<Void> close() {
    Future<Void> chain = Future.succeededFuture();
    while (!stops.isEmpty()) {
      Supplier<Future<Void>> stop = stops.pop();
      chain = chain.eventually(() -> stop.get().onFailure(e -> LOG.warn("Stopping a part failed: {}", e.getMessage())));
    }
    deployments.clear();
    return chain.eventually(health::close).mapEmpty();
  }

  @Override
  public Database database() {
    return required(database);
  }

  @Override
  public ToolRegistry tools() {
    return required(tools);
  }

  private static <T> T required(T part) {
    if (part == null) {
      throw new IllegalStateException("the bridge has not started");
    }
    return part;
  }

  @Override
  public Health health() {
    return health;
  }

  @Override
  public Optional<HomeGateway> home() {
    return Optional.ofNullable(home);
  }

  @Override
  public Optional<Agent> agent() {
    return Optional.ofNullable(agent).map(AgentRuntime::agent).or(() -> Optional.ofNullable(remote.agent()));
  }

  @Override
  public Optional<TaskService> tasks() {
    return Optional.ofNullable(agent).map(AgentRuntime::tasks);
  }

  @Override
  public Optional<TimerService> timers() {
    return Optional.ofNullable(agent).map(AgentRuntime::timers);
  }

  @Override
  public Optional<MemoryStore> memory() {
    return Optional.ofNullable(memory).map(MemoryRuntime::store);
  }

  @Override
  public Optional<ArtifactStore> artifacts() {
    return Optional.ofNullable(artifacts);
  }

  @Override
  public Optional<SttService> stt() {
    return Optional.ofNullable(speech).map(SpeechEngines::stt);
  }

  @Override
  public Optional<TtsService> tts() {
    return Optional.ofNullable(speech).map(SpeechEngines::tts);
  }

  @Override
  public Optional<Announcer> announcer() {
    return Optional.ofNullable(voice).map(WyomingServiceVerticle::announcer);
  }

  @Override
  public Optional<Satellites> satellites() {
    return Optional.ofNullable(voice).map(WyomingServiceVerticle::satellites);
  }

  @Override
  public Optional<SatelliteDialer> satelliteDialer() {
    return Optional.ofNullable(voice).map(WyomingServiceVerticle::dialer);
  }

  @Override
  public int httpPort() {
    return http == null ? -1 : http.port();
  }

  @Override
  public Optional<String> consoleUrl() {
    return http == null ? Optional.empty() : http.consoleUrl();
  }

  @Override
  public Set<String> deploymentIds() {
    return Set.copyOf(deployments);
  }
}
