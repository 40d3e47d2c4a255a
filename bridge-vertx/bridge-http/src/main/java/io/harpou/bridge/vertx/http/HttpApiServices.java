package io.harpou.bridge.vertx.http;

import io.harpou.bridge.api.agent.Agent;
import io.harpou.bridge.api.agent.ConversationLog;
import io.harpou.bridge.api.agent.AgentProfiles;
import io.harpou.bridge.api.artifact.ArtifactStore;
import io.harpou.bridge.api.home.HomeGateway;
import io.harpou.bridge.api.memory.MemoryStore;
import io.harpou.bridge.api.plan.Plans;
import io.harpou.bridge.api.task.TaskService;
import io.harpou.bridge.api.timer.TimerService;
import io.harpou.bridge.api.tool.ToolGate;
import io.harpou.bridge.api.voice.SatelliteLines;
import io.harpou.bridge.vertx.db.Database;
import io.harpou.bridge.vertx.health.Health;
import io.harpou.bridge.vertx.model.ModelUsage;
import io.harpou.bridge.vertx.settings.LiveSettings;
import io.harpou.bridge.vertx.tools.ToolRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the HTTP API serves, fixed when it starts: health, the store that keeps API keys and the audit log, the
 * data directory of the console token, and the services its endpoints reach. An endpoint whose service is absent
 * answers 503.
 */
public final class HttpApiServices {

  /** The agent's own default, used unless the bridge says otherwise. */
  private static final Duration DEFAULT_CONFIRMATION_TIMEOUT = Duration.ofSeconds(30);

  private final Health health;
  private final HttpStore store;
  private final Path dataDir;
  private final ToolRegistry tools;
  private final Agent agent;
  private final HomeGateway home;
  private final TaskService tasks;
  private final MemoryStore memory;
  private final ModelUsage usage;
  private final ArtifactStore artifacts;
  private final List<ApiRoutes> routes;
  private final AgentProfiles profiles;
  private final SatelliteRooms satellites;
  private final Plans plans;
  private final TimerService timers;
  private final Duration confirmationTimeout;
  private final ConversationLog conversations;
  private final ToolGate toolGate;
  private final SatelliteLines lines;
  private final LiveSettings settings;
  private final String modelDescription;

  private HttpApiServices(Builder builder) {
    this.health = builder.health;
    this.store = builder.store;
    this.dataDir = builder.dataDir;
    this.tools = builder.tools;
    this.agent = builder.agent;
    this.home = builder.home;
    this.tasks = builder.tasks;
    this.memory = builder.memory;
    this.usage = builder.usage;
    this.artifacts = builder.artifacts;
    this.satellites = builder.satellites;
    this.plans = builder.plans;
    this.timers = builder.timers;
    this.confirmationTimeout = builder.confirmationTimeout;
    this.conversations = builder.conversations;
    this.toolGate = builder.toolGate;
    this.lines = builder.lines;
    this.routes = List.copyOf(builder.routes);
    this.profiles = builder.profiles;
    this.settings = builder.settings;
    this.modelDescription = builder.modelDescription;
  }

  /** A builder with the required parts; every service starts absent. */
  public static Builder builder(Health health, Database database, Path dataDir) {
    return new Builder(health, HttpStore.of(Objects.requireNonNull(database, "database")), dataDir);
  }

  /** A builder holding these services, to change some of them. */
  public Builder toBuilder() {
    return new Builder(health, store, dataDir).tools(tools).agent(agent).home(home).tasks(tasks).memory(memory)
        .usage(usage).artifacts(artifacts).satellites(satellites).plans(plans)
        .timers(timers).confirmationTimeout(confirmationTimeout).conversations(conversations).toolGate(toolGate)
        .satelliteLines(lines).profiles(profiles).routes(routes).settings(settings, modelDescription);
  }

  /** Gathers what the HTTP API serves; a service left unset is absent and its endpoints answer 503. */
  public static final class Builder {

    private final Health health;
    private final Path dataDir;
    private HttpStore store;
    private ToolRegistry tools = ToolRegistry.builder(null).build();
    private Agent agent;
    private HomeGateway home;
    private TaskService tasks;
    private MemoryStore memory;
    private ModelUsage usage;
    private ArtifactStore artifacts;
    private SatelliteRooms satellites = SatelliteRooms.NONE;
    private Plans plans;
    private TimerService timers;
    private Duration confirmationTimeout = DEFAULT_CONFIRMATION_TIMEOUT;
    private ConversationLog conversations;
    private ToolGate toolGate;
    private SatelliteLines lines;
    private final List<ApiRoutes> routes = new ArrayList<>();
    private AgentProfiles profiles = AgentProfiles.NONE;
    private LiveSettings settings;
    private String modelDescription;

    private Builder(Health health, HttpStore store, Path dataDir) {
      this.health = Objects.requireNonNull(health, "health");
      this.store = store;
      this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
    }

    /** Keeps the API keys and reads the audit log in {@code store}, such as a database hubs share. */
    public Builder store(HttpStore store) {
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    /** Lists these tools on {@code /api/tools}. */
    public Builder tools(ToolRegistry tools) {
      this.tools = Objects.requireNonNull(tools, "tools");
      return this;
    }

    /** Answers conversations with {@code agent} (null for none). */
    public Builder agent(Agent agent) {
      this.agent = agent;
      return this;
    }

    /** Shows this home (null for none). */
    public Builder home(HomeGateway home) {
      this.home = home;
      return this;
    }

    /** Lists these tasks (null for none). */
    public Builder tasks(TaskService tasks) {
      this.tasks = tasks;
      return this;
    }

    /** Serves this memory store (null for none). */
    public Builder memory(MemoryStore memory) {
      this.memory = memory;
      return this;
    }

    /** Sums the language models' usage on {@code /api/usage} (null for none). */
    public Builder usage(ModelUsage usage) {
      this.usage = usage;
      return this;
    }

    /** Serves this artifact store (null for none). */
    public Builder artifacts(ArtifactStore artifacts) {
      this.artifacts = artifacts;
      return this;
    }

    /** Takes the satellites a conversation request may come through from {@code satellites}. */
    public Builder satellites(SatelliteRooms satellites) {
      this.satellites = Objects.requireNonNull(satellites, "satellites");
      return this;
    }

    /** Lists these plans on {@code /api/plans} (null for none). */
    public Builder plans(Plans plans) {
      this.plans = plans;
      return this;
    }

    /** Lists and cancels these voice timers on {@code /api/timers} (null for none). */
    public Builder timers(TimerService timers) {
      this.timers = timers;
      return this;
    }

    /** Tells the console how long a confirmation question waits for its "yes". */
    public Builder confirmationTimeout(Duration confirmationTimeout) {
      this.confirmationTimeout = Objects.requireNonNull(confirmationTimeout, "confirmationTimeout");
      return this;
    }

    /** Lists the conversations the agent keeps on {@code /api/conversations} (null for none). */
    public Builder conversations(ConversationLog conversations) {
      this.conversations = conversations;
      return this;
    }

    /** Lets the panel's controls act through {@code toolGate}, the agent's policy point (null for none). */
    public Builder toolGate(ToolGate toolGate) {
      this.toolGate = toolGate;
      return this;
    }

    /** Lets console microphones speak into voice's pipeline through {@code lines} (null for none). */
    public Builder satelliteLines(SatelliteLines lines) {
      this.lines = lines;
      return this;
    }

    /** Answers for these agent profiles ({@code agent_id}, {@code /v1/models}); null for none. */
    public Builder profiles(AgentProfiles profiles) {
      this.profiles = profiles == null ? AgentProfiles.NONE : profiles;
      return this;
    }

    /** Also serves {@code more} routes, mounted after the API's own, in the order given. */
    public Builder routes(List<ApiRoutes> more) {
      routes.addAll(more);
      return this;
    }

    /**
     * Lets the console read and save the household's settings ({@code settings}, null when no agent runs), showing
     * {@code modelDescription} (which model answers) beside them.
     */
    public Builder settings(LiveSettings settings, String modelDescription) {
      this.settings = settings;
      this.modelDescription = modelDescription;
      return this;
    }

    /** The services, fixed from now on. */
    public HttpApiServices build() {
      return new HttpApiServices(this);
    }
  }

  /** A copy that also serves {@code more} routes, mounted after the API's own. */
  public HttpApiServices withRoutes(ApiRoutes more) {
    return toBuilder().routes(List.of(more)).build();
  }

  /** The agent profiles clients may address. */
  public AgentProfiles profiles() {
    return profiles;
  }

  /** The routes other modules add, in the order given. */
  public List<ApiRoutes> routes() {
    return routes;
  }

  /** Component states for {@code /health} and metrics. */
  public Health health() {
    return health;
  }

  /** Where the API keys and the audit log are kept. */
  public HttpStore store() {
    return store;
  }

  /** Where the console token is kept. */
  public Path dataDir() {
    return dataDir;
  }

  /** The tools ({@code /api/tools}); none unless given. */
  public ToolRegistry tools() {
    return tools;
  }

  /** The agent, when there is one. */
  public Optional<Agent> agent() {
    return Optional.ofNullable(agent);
  }

  /** Home Assistant, when there is one. */
  public Optional<HomeGateway> home() {
    return Optional.ofNullable(home);
  }

  /** Background tasks, when they run. */
  public Optional<TaskService> tasks() {
    return Optional.ofNullable(tasks);
  }

  /** The language models' usage, when there are models. */
  public Optional<ModelUsage> usage() {
    return Optional.ofNullable(usage);
  }

  /** The memory store, when there is one. */
  public Optional<MemoryStore> memory() {
    return Optional.ofNullable(memory);
  }

  /** The artifact store, when there is one. */
  public Optional<ArtifactStore> artifacts() {
    return Optional.ofNullable(artifacts);
  }

  /** The agent's plans, when there is an agent. */
  public Optional<Plans> plans() {
    return Optional.ofNullable(plans);
  }

  /** Voice timers, when voice runs. */
  public Optional<TimerService> timers() {
    return Optional.ofNullable(timers);
  }

  /** Lines into voice's pipeline, for the console's microphone, when voice runs. */
  public Optional<SatelliteLines> satelliteLines() {
    return Optional.ofNullable(lines);
  }

  /** The agent's policy point, through which the console's controls act, when the agent runs. */
  public Optional<ToolGate> toolGate() {
    return Optional.ofNullable(toolGate);
  }

  /** The conversations the agent keeps, when it runs. */
  public Optional<ConversationLog> conversations() {
    return Optional.ofNullable(conversations);
  }

  /** How long a confirmation question waits for its "yes" (the console counts it down). */
  public Duration confirmationTimeout() {
    return confirmationTimeout;
  }

  /** The satellites voice knows: those a conversation request may come through, and those /api/satellites lists. */
  public SatelliteRooms satellites() {
    return satellites;
  }

  /** The household's settings, when the agent runs. */
  public Optional<LiveSettings> settings() {
    return Optional.ofNullable(settings);
  }

  /** Which model answers after the interpreters, when the agent runs. */
  public Optional<String> modelDescription() {
    return Optional.ofNullable(modelDescription);
  }
}
