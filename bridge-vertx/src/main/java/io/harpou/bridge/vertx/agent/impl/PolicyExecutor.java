package io.harpou.bridge.vertx.agent.impl;

import io.harpou.bridge.api.agent.PolicyException;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.event.ToolFinished;
import io.harpou.bridge.api.event.ToolStarted;
import io.harpou.bridge.api.home.ConnectionState;
import io.harpou.bridge.api.task.TaskInfo;
import io.harpou.bridge.api.task.TaskRequest;
import io.harpou.bridge.api.tool.Risk;
import io.harpou.bridge.api.tool.Tool;
import io.harpou.bridge.api.tool.ToolArgumentsException;
import io.harpou.bridge.api.tool.ToolCall;
import io.harpou.bridge.api.tool.ToolContext;
import io.harpou.bridge.api.tool.ToolExecutor;
import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.bridge.vertx.BridgeContext;
import io.harpou.bridge.vertx.agent.AgentOptions;
import io.harpou.bridge.vertx.agent.PolicyOptions;
import io.harpou.bridge.vertx.audit.AuditEntry;
import io.harpou.bridge.vertx.audit.AuditLog;
import io.harpou.bridge.vertx.task.DurableTaskService;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where tool calls run: the policy (channel denials, DANGEROUS off, PROTECTED waits for a "yes"), the
 * argument check, the timeout, the hand-over of long calls to background tasks, the tool events and the audit row,
 * stored before the turn replies (see {@link #auditsOf}) or, for a background task, before its result is returned.
 */
public final class PolicyExecutor implements ToolExecutor {

  private static final Logger LOG = LoggerFactory.getLogger(PolicyExecutor.class);

  /** How a call reaches the executor, which decides what the policy may still ask. */
  enum Mode {
    TURN, CONFIRMED, TASK, TASK_APPROVED;

    /** A call made while someone waits for the turn's answer. */
    boolean interactive() {
      return this == TURN || this == CONFIRMED;
    }
  }

  private final BridgeContext context;
  private final AgentOptions options;
  private final PolicyOptions policy;
  private final AuditLog audit;
  private final DurableTaskService tasks;
  private final PendingConfirmations pending;
  private final TurnEvents events;
  private final Map<String, List<Future<Void>>> turnAudits = new ConcurrentHashMap<>();

  /** Creates the executor; {@code tasks} may be null, then long calls simply run to their timeout. */
  public PolicyExecutor(BridgeContext context, AgentOptions options, AuditLog audit, DurableTaskService tasks,
                        PendingConfirmations pending, TurnEvents events) {
    this.context = context;
    this.options = options;
    this.policy = options.getPolicy();
    this.audit = audit;
    this.tasks = tasks;
    this.pending = pending;
    this.events = events;
  }

  @Override
  public Future<ToolResult> execute(ToolCall call, Utterance utterance) {
    return run(call, utterance, Mode.TURN, null);
  }

  /** Runs a call the user just confirmed. */
  public Future<ToolResult> executeConfirmed(ToolCall call, Utterance utterance) {
    return run(call, utterance, Mode.CONFIRMED, null);
  }

  /**
   * Runs the call of background task {@code taskId}; {@code approved} when the policy let it through before it
   * became a task. The tool's progress reports go to that task.
   */
  public Future<ToolResult> executeForTask(ToolCall call, Utterance origin, boolean approved, String taskId) {
    return run(call, origin, approved ? Mode.TASK_APPROVED : Mode.TASK, taskId);
  }

  private Future<ToolResult> run(ToolCall call, Utterance u, Mode mode, String taskId) {
    Tool tool = context.tools().tool(call.name()).orElse(null);
    if (tool == null) {
      ToolResult unknown = ToolResult.error("Unknown tool '" + call.name() + "'. Use one of: "
          + String.join(", ", context.tools().specs().stream().map(s -> s.name()).limit(40).toList()) + ".");
      return finish(mode, call, u, Risk.READ, "unknown_tool", 0, unknown).map(unknown);
    }
    Risk risk = riskOf(tool, call);
    boolean interactive = mode.interactive();
    if (mode != Mode.TASK_APPROVED && mode != Mode.CONFIRMED) {
      if (policy.denies(u.channel(), risk)) {
        return deny(mode, call, u, risk, french(u) ? "Désolé, je ne peux pas faire cela depuis cet appareil."
            : "Sorry, I can't do that from this device.");
      }
      if (risk == Risk.DANGEROUS && !policy.isDangerousEnabled()) {
        return deny(mode, call, u, risk, french(u) ? "Désolé, cette action système est désactivée sur ce hub."
            : "Sorry, " + call.name() + " is a system action and is disabled on this hub.");
      }
    }
    List<String> problems = ArgumentValidator.validate(tool.spec().parameters(), call.arguments());
    if (!problems.isEmpty()) {
      String message = "Invalid arguments for " + call.name() + ": " + String.join("; ", problems) + ".";
      return finish(mode, call, u, risk, "invalid_arguments", 0, ToolResult.error(message))
          .compose(v -> Future.failedFuture(new ToolArgumentsException(message)));
    }
    if (risk == Risk.PROTECTED && mode == Mode.TURN) {
      pending.put(call, u);
      String question = ConfirmationQuestions.ask(call, u.language(), context.home().orElse(null));
      return finish(mode, call, u, risk, "confirmation_required", 0, ToolResult.error(question))
          .compose(v -> Future.failedFuture(PolicyException.confirm(question)));
    }
    if (risk == Risk.PROTECTED && mode == Mode.TASK) {
      return deny(mode, call, u, risk,
          "A protected action needs a spoken confirmation and cannot run as a background task.");
    }
    events.publish(new ToolStarted(Instant.now(), events.turnOf(u.conversationId()), u.conversationId(), call));
    long start = System.nanoTime();
    boolean canDefer = tasks != null && interactive && homeLinkUp();
    if (canDefer && tool.spec().longRunning()) {
      return tasks.submitApproved(TaskRequest.run(title(call), u, call))
          .compose(task -> started(mode, call, u, risk, task, start));
    }
    ToolContext toolContext = toolContext(u, call.name());
    ProgressContext reporting = tasks == null ? null : new ProgressContext(toolContext, tasks, taskId);
    Future<ToolResult> running = invoke(tool, call, reporting == null ? toolContext : reporting);
    if (!canDefer) {
      long timeout = interactive ? options.getToolTimeoutMs() : options.getTaskTimeoutMs();
      return running.timeout(timeout, TimeUnit.MILLISECONDS)
          .recover(e -> e instanceof TimeoutException
              ? Future.succeededFuture(ToolResult.error(call.name() + " timed out after " + timeout + " ms."))
              : Future.failedFuture(e))
          .transform(ar -> completed(mode, call, u, risk, start, ar.succeeded() ? ar.result() : null, ar.cause()));
    }
    Promise<ToolResult> first = Promise.promise();
    AtomicBoolean decided = new AtomicBoolean();
    long timer = context.vertx().setTimer(options.getTaskThresholdMs(), t -> {
      if (decided.compareAndSet(false, true)) {
        tasks.adopt(TaskRequest.run(title(call), u, call), running)
            .compose(task -> {
              reporting.attach(task.id());
              running.onComplete(ar -> completed(Mode.TASK_APPROVED, call, u, risk, start,
                  ar.succeeded() ? ar.result() : null, ar.cause()));
              return started(mode, call, u, risk, task, start);
            })
            .onComplete(first);
      }
    });
    running.onComplete(ar -> {
      if (decided.compareAndSet(false, true)) {
        context.vertx().cancelTimer(timer);
        completed(mode, call, u, risk, start, ar.succeeded() ? ar.result() : null, ar.cause()).onComplete(first);
      }
    });
    return first.future();
  }

  private Future<ToolResult> invoke(Tool tool, ToolCall call, ToolContext toolContext) {
    try {
      return tool.call(call, toolContext).recover(e -> e instanceof ToolArgumentsException
          ? Future.failedFuture(e) : Future.succeededFuture(ToolResult.error(call.name() + " failed: "
          + e.getMessage())));
    } catch (ToolArgumentsException e) {
      return Future.failedFuture(e);
    } catch (RuntimeException e) {
      LOG.warn("Tool {} threw: {}", call.name(), e.toString());
      return Future.succeededFuture(ToolResult.error(call.name() + " failed: " + e.getMessage()));
    }
  }

  private Future<ToolResult> completed(Mode mode, ToolCall call, Utterance u, Risk risk, long start,
                                       ToolResult result, Throwable failure) {
    long millis = (System.nanoTime() - start) / 1_000_000;
    if (failure != null) {
      String outcome = failure instanceof ToolArgumentsException ? "invalid_arguments" : "error";
      return finish(mode, call, u, risk, outcome, millis, ToolResult.error(String.valueOf(failure.getMessage())))
          .compose(v -> Future.failedFuture(failure));
    }
    String outcome = result.outcomeUnknown() ? "unknown"
        : result.error() && result.content().contains("timed out") ? "timeout" : result.error() ? "error" : "ok";
    return finish(mode, call, u, risk, outcome, millis, result).map(result);
  }

  private Future<ToolResult> started(Mode mode, ToolCall call, Utterance u, Risk risk, TaskInfo task, long start) {
    boolean french = french(u);
    String text = french ? "J'ai lancé « " + task.title() + " » ; je vous préviendrai quand ce sera fini."
        : "I've started " + task.title() + "; I'll tell you when it's done.";
    ToolResult result = ToolResult.ok(new JsonObject().put("task_id", task.id()).put("status", "started")
        .put("title", task.title()).put("message", text));
    return finish(mode, call, u, risk, "task", (System.nanoTime() - start) / 1_000_000, result).map(result);
  }

  private Future<ToolResult> deny(Mode mode, ToolCall call, Utterance u, Risk risk, String message) {
    return finish(mode, call, u, risk, "denied", 0, ToolResult.error(message))
        .compose(v -> Future.failedFuture(PolicyException.denied(message)));
  }

  /**
   * The audit rows of a turn's calls, written while the turn goes on: the turn waits for this before it replies, so
   * no reply is ever sent for an action whose row is not stored, and a command pays for one trip to the database.
   */
  public Future<Void> auditsOf(String turnId) {
    List<Future<Void>> writes = turnAudits.remove(turnId);
    return writes == null ? Future.succeededFuture() : Future.join(writes).mapEmpty();
  }

  /**
   * Publishes the finished event and writes the audit row; an audit failure is logged, never fatal to the turn. A
   * call inside a turn leaves the write to {@link #auditsOf}; a task's call waits for it here.
   */
  private Future<Void> finish(Mode mode, ToolCall call, Utterance u, Risk risk, String outcome, long millis,
                              ToolResult result) {
    String turnId = events.turnOf(u.conversationId());
    events.publish(new ToolFinished(Instant.now(), turnId, u.conversationId(), call.id(), call.name(), outcome,
        result, millis));
    AuditEntry entry = new AuditEntry(Instant.now(), u.conversationId(), u.channel().jsonName(), u.room(), u.user(),
        call.name(), call.arguments(), risk.jsonName(), outcome, millis, result.content());
    Future<Void> written = audit.record(entry).recover(e -> {
      LOG.warn("Audit row for {} could not be written: {}", call.name(), e.getMessage());
      return Future.succeededFuture();
    });
    if (mode.interactive() && events.inTurn(u.conversationId())) {
      turnAudits.computeIfAbsent(turnId, id -> new CopyOnWriteArrayList<>()).add(written);
      return Future.succeededFuture();
    }
    return written;
  }

  private Risk riskOf(Tool tool, ToolCall call) {
    Risk declared = tool.spec().risk();
    if (declared.ordinal() >= Risk.PROTECTED.ordinal()) {
      return declared;
    }
    if (policy.getProtectedTools().contains(call.name())) {
      return Risk.PROTECTED;
    }
    for (String id : CallTargets.entityIds(call.arguments())) {
      if (policy.getProtectedDomains().contains(id.substring(0, id.indexOf('.')))) {
        return Risk.PROTECTED;
      }
    }
    return declared;
  }

  /**
   * While Home Assistant's link is down a slow call is most likely waiting for it, not working: it stays in the turn
   * (within the tool timeout) so its failure is answered, rather than becoming a task that fails where nobody hears.
   */
  private boolean homeLinkUp() {
    return context.home().map(home -> home.connectionState() == ConnectionState.CONNECTED).orElse(true);
  }

  private static String title(ToolCall call) {
    return call.name().replace('_', ' ');
  }

  private static boolean french(Utterance u) {
    return u.language().startsWith("fr");
  }

  private ToolContext toolContext(Utterance u, String toolName) {
    JsonObject config = context.tools().providerOf(toolName)
        .map(id -> context.options().section("tools").getJsonObject(id, new JsonObject()))
        .orElseGet(JsonObject::new);
    return ToolContext.builder(context.vertx(), u).config(config).dataDir(context.options().dataDir())
        .home(context.home().orElse(null)).memory(context.memory().orElse(null))
        .tasks(context.tasks().orElse(null)).announcer(context.announcer().orElse(null)).build();
  }
}
