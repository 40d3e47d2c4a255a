package io.harpou.bridge.vertx.agent.impl;

import dev.langchain4j.model.embedding.EmbeddingModel;
import io.harpou.bridge.api.BridgeException;
import io.harpou.bridge.api.agent.Agent;
import io.harpou.bridge.api.agent.ConversationLog;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.plan.Plans;
import io.harpou.bridge.api.task.TaskService;
import io.harpou.bridge.api.timer.TimerService;
import io.harpou.bridge.api.tool.ToolCall;
import io.harpou.bridge.api.tool.ToolGate;
import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.bridge.vertx.agent.AgentOptions;
import io.harpou.bridge.vertx.agent.AgentRuntime;
import io.harpou.bridge.vertx.agent.AgentServices;
import io.harpou.bridge.vertx.agent.AgentVerticle;
import io.harpou.bridge.vertx.agent.ConversationHistory;
import io.harpou.bridge.vertx.audit.AuditLog;
import io.harpou.bridge.vertx.db.Database;
import io.harpou.bridge.vertx.model.ModelUsage;
import io.harpou.bridge.vertx.model.Models;
import io.harpou.bridge.vertx.models.CacheOptions;
import io.harpou.bridge.vertx.models.ModelPool;
import io.harpou.bridge.vertx.models.ModelsOptions;
import io.harpou.bridge.vertx.models.TurnCache;
import io.harpou.bridge.vertx.settings.HouseholdSettings;
import io.harpou.bridge.vertx.settings.LiveSettings;
import io.harpou.bridge.vertx.task.DurableTaskService;
import io.harpou.bridge.vertx.task.TaskSettings;
import io.harpou.bridge.vertx.task.VoiceTimers;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.Set;

/**
 * Makes the agent's parts in dependency order. The gate defers long calls to the task service, and the task service
 * runs its calls through the gate; the voice timers reach tools through the gate, and a timer's command runs through
 * the agent when it ends: each pair is tied in this one constructor, so no part is ever seen half made.
 */
public final class AgentRuntimeImpl implements AgentRuntime {

  private final Vertx vertx;
  private final DurableTaskService tasks;
  private final VoiceTimers timers;
  private final PolicyGate gate;
  private final AgentImpl agent;
  private final ConversationHistory history;
  private final String modelDescription;
  private final ModelPool models;
  private final TurnCache cache;
  private final PlanStore plans;
  private final LiveSettings settings;
  private String deployment;

  private AgentRuntimeImpl(Vertx vertx, AgentOptions options, AgentServices services, ModelPool models,
                           TurnCache cache, AuditLog audit, ConversationHistory history,
                           DurableTaskService.TaskTable table, PlanStore plans, LiveSettings settings) {
    this.vertx = vertx;
    this.settings = settings;
    TurnEvents events = new TurnEvents(vertx);
    PendingConfirmations pending = new PendingConfirmations(options.getPolicy()::confirmationTimeoutMs);
    TaskSettings taskSettings = new TaskSettings(options.getTaskTimeoutMs(), options.isNotifyHome(),
        services.home().orElse(null), services.announcer().orElse(null));
    this.tasks = DurableTaskService.create(vertx, table, taskSettings,
        this::runTask);
    this.timers = VoiceTimers.create(vertx, () -> Optional.of(agent()));
    this.gate = new PolicyGate(vertx, services, options, settings, audit, tasks, timers, pending, events);
    this.agent = new AgentImpl(vertx, services, options, settings, gate, pending, history, events, models, cache,
        new PlanRunner.Services(plans, tasks));
    this.plans = plans;
    this.history = history;
    this.cache = cache;
    this.models = models;
    this.modelDescription = (models == null ? "interpreters only (no model configured)" : models.describe())
        + services.vision().map(v -> "; vision: " + v.description()).orElse("");
  }

  private Future<ToolResult> runTask(ToolCall call, Utterance origin, boolean approved, String taskId) {
    return gate.executeForTask(call, origin, approved, taskId);
  }

  /** Starts the runtime; see {@link AgentRuntime#start}. */
  public static Future<AgentRuntime> start(Vertx vertx, AgentOptions options, AgentServices services) {
    ModelsOptions models;
    try {
      models = options.getModels();
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(new BridgeException("bad agent configuration: " + e.getMessage(), e));
    }
    Future<ModelPool> pool = !models.hasAnyModel() ? Future.succeededFuture()
        : services.store().usageLedger().compose(ledger -> ModelPool.start(vertx, models, ledger))
            .recover(e -> Future.failedFuture(e instanceof IllegalArgumentException
                ? new BridgeException("bad agent configuration: " + e.getMessage(), e) : e));
    // The pool reads the camera's images too; it answers turns only when a model for turns is configured.
    return pool.compose(all -> open(vertx, options, services.withVision(all == null ? null
            : all.vision().orElse(null)), models.hasModels() ? all : null))
        .compose(AgentRuntimeImpl::begin);
  }

  /** Opens the agent's tables and makes the runtime; {@code models} is null when no model answers turns. */
  private static Future<AgentRuntimeImpl> open(Vertx vertx, AgentOptions options, AgentServices services,
                                               ModelPool models) {
    Database database = services.database();
    // The audit log, the history, the tasks and the household's settings live in the agent's store (shared by a
    // cluster's hubs); plans stay in the embedded database.
    return cache(vertx, options, models).compose(cache -> services.store().auditLog()
        .compose(audit -> services.store().history(options.getHistoryLimit())
            .compose(history -> services.store().tasks()
                .compose(table -> PlanStore.open(database)
                    .compose(plans -> services.store().settings()
                        .compose(saved -> LiveSettings.open(vertx, saved, defaults(options)))
                        .map(settings -> new AgentRuntimeImpl(vertx, options, services, models, cache, audit,
                            history, table, plans, settings)))))));
  }

  /** The configuration's persona and thinking, which the household's saved settings override. */
  private static HouseholdSettings defaults(AgentOptions options) {
    return new HouseholdSettings(options.getPersona(), options.getOllama().getBoolean("think"), null, Set.of(),
        Set.of());
  }

  /** The response cache when it is enabled and there are models, its embedding model from its provider. */
  private static Future<TurnCache> cache(Vertx vertx, AgentOptions options, ModelPool pool) {
    CacheOptions cache = options.getCache();
    if (pool == null || !cache.enabled()) {
      return Future.succeededFuture();
    }
    JsonObject embeddings = cache.embeddings();
    try {
      EmbeddingModel embedder = embeddings.getString("provider") == null ? null
          : Models.provider(embeddings.getString("provider")).embeddingModel(vertx, embeddings);
      return Future.succeededFuture(new TurnCache(vertx, pool, cache, embedder));
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(new BridgeException("bad agent configuration: cache: " + e.getMessage(), e));
    }
  }

  private Future<AgentRuntime> begin() {
    return tasks.resume()
        .compose(v -> vertx.deployVerticle(new AgentVerticle(agent)))
        .map(id -> {
          deployment = id;
          return this;
        });
  }

  @Override
  public LiveSettings settings() {
    return settings;
  }

  @Override
  public ToolGate gate() {
    return gate;
  }

  @Override
  public ConversationLog conversations() {
    return history;
  }

  @Override
  public Agent agent() {
    return agent;
  }

  @Override
  public TaskService tasks() {
    return tasks;
  }

  @Override
  public Optional<ModelUsage> usage() {
    return Optional.ofNullable(models).map(ModelPool::usage);
  }

  @Override
  public Plans plans() {
    return plans;
  }

  @Override
  public TimerService timers() {
    return timers;
  }

  @Override
  public String modelDescription() {
    return modelDescription;
  }

  @Override
  public Future<Void> close() {
    agent.stop();
    // When Vert.x itself is closing, it may have undeployed the verticle already.
    Future<Void> undeployed = deployment == null || !vertx.deploymentIDs().contains(deployment)
        ? Future.succeededFuture() : vertx.undeploy(deployment);
    settings.close();
    if (models != null) {
      models.close();
    }
    return undeployed.eventually(timers::close).eventually(tasks::close)
        .eventually(() -> cache == null ? Future.succeededFuture() : cache.close());
  }
}
