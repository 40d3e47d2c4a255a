package io.harpou.bridge.vertx.agent;

import io.harpou.bridge.vertx.BridgeComponent;
import io.harpou.bridge.vertx.BridgeContext;
import io.harpou.bridge.vertx.agent.impl.AgentImpl;
import io.harpou.bridge.vertx.agent.impl.ChatBackend;
import io.harpou.bridge.vertx.agent.impl.ConversationStore;
import io.harpou.bridge.vertx.agent.impl.Models;
import io.harpou.bridge.vertx.agent.impl.PendingConfirmations;
import io.harpou.bridge.vertx.agent.impl.PolicyExecutor;
import io.harpou.bridge.vertx.agent.impl.TurnEvents;
import io.harpou.bridge.vertx.audit.AuditLog;
import io.harpou.bridge.vertx.task.DurableTaskService;
import io.harpou.bridge.vertx.task.VoiceTimers;
import io.vertx.core.Future;

/**
 * Starts the agent from the {@code agent} section ({@link AgentOptions}): opens the audit log, the conversation
 * history and the task service in the database, publishes the {@link io.harpou.bridge.api.agent.Agent}, the
 * {@link io.harpou.bridge.api.task.TaskService} and the voice timers, resumes tasks left by the previous run, and
 * serves {@link io.harpou.bridge.api.BridgeAddresses#AGENT_ASK}. With {@code "enabled": false} nothing starts.
 */
public final class AgentComponent implements BridgeComponent {

  private DurableTaskService tasks;
  private AgentImpl agent;
  private VoiceTimers timers;

  @Override
  public String name() {
    return "agent";
  }

  @Override
  public Future<Void> start(BridgeContext context) {
    if (!context.options().section("agent").getBoolean("enabled", true)) {
      return Future.succeededFuture();
    }
    AgentOptions options;
    ChatBackend backend;
    try {
      options = new AgentOptions(context.options().section("agent"));
      backend = Models.create(context.vertx(), options).orElse(null);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(new io.harpou.bridge.api.BridgeException("bad agent configuration: "
          + e.getMessage(), e));
    }
    ChatBackend chosen = backend;
    TurnEvents events = new TurnEvents(context.vertx());
    PendingConfirmations pending = new PendingConfirmations(options.getPolicy().getConfirmationTimeoutMs());
    return AuditLog.open(context.database()).compose(audit -> DurableTaskService.open(context,
            options.isNotifyHome(), options.getTaskTimeoutMs())
        .compose(taskService -> ConversationStore.open(context.database(), options.getHistoryLimit())
            .compose(history -> {
              tasks = taskService;
              PolicyExecutor executor = new PolicyExecutor(context, options, audit, taskService, pending, events);
              taskService.runner(executor::executeForTask);
              context.tasks(taskService);
              agent = new AgentImpl(context, options, executor, pending, history, events, chosen);
              context.agent(agent);
              timers = VoiceTimers.create(context.vertx(), context::agent);
              context.timers(timers);
              return taskService.resume();
            })))
        .compose(v -> context.deploy(new AgentVerticle(agent)))
        .onSuccess(id -> context.health().report(name(), "ready",
            chosen == null ? "interpreters only (no model configured)" : chosen.description()))
        .mapEmpty();
  }

  @Override
  public Future<Void> stop() {
    if (agent != null) {
      agent.stop();
    }
    if (tasks != null) {
      tasks.close();
    }
    if (timers != null) {
      timers.close();
    }
    return Future.succeededFuture();
  }
}
