package io.harpou.bridge.vertx.agent.impl;

import io.harpou.bridge.api.agent.Channel;
import io.harpou.bridge.api.agent.PolicyException;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.event.ToolFinished;
import io.harpou.bridge.api.event.ToolStarted;
import io.harpou.bridge.api.home.ConnectionState;
import io.harpou.bridge.api.home.HomeAssistantException;
import io.harpou.bridge.api.home.HomeGateway;
import io.harpou.bridge.api.home.ServiceCall;
import io.harpou.bridge.api.task.TaskInfo;
import io.harpou.bridge.api.task.TaskRequest;
import io.harpou.bridge.api.timer.TimerService;
import io.harpou.bridge.api.tool.Risk;
import io.harpou.bridge.api.tool.Tool;
import io.harpou.bridge.api.tool.ToolArgumentsException;
import io.harpou.bridge.api.tool.ToolCall;
import io.harpou.bridge.api.tool.ToolContext;
import io.harpou.bridge.api.tool.ToolGate;
import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.bridge.vertx.agent.AgentOptions;
import io.harpou.bridge.vertx.agent.AgentServices;
import io.harpou.bridge.vertx.agent.PolicyOptions;
import io.harpou.bridge.vertx.audit.AuditEntry;
import io.harpou.bridge.vertx.audit.AuditLog;
import io.harpou.bridge.vertx.settings.HouseholdSettings;
import io.harpou.bridge.vertx.settings.LiveSettings;
import io.harpou.bridge.vertx.task.DurableTaskService;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
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
 * The one place where tool calls run: the policy (channel denials, untrusted network peers, DANGEROUS off, PROTECTED
 * waits for a "yes"), the argument check, the timeout, the hand-over of long calls to background tasks, the tool
 * events and the audit row, stored before the turn replies (see {@link #auditsOf}) or, for a background task, before
 * its result is returned.
 *
 * <p>A tool sees the home through a {@link HomeGuard}: a service call reaching a protected entity (any service call of
 * a PROTECTED tool) is held back, and the user is asked about exactly the held calls, phrased from the entities the
 * tool resolved. On "yes" those calls, and nothing else, are sent. A PROTECTED tool that acts outside Home Assistant
 * is asked about before it runs, bound to the call as it was made.
 */
public final class PolicyGate implements ToolGate {

  private static final Logger LOG = LoggerFactory.getLogger(PolicyGate.class);
  private static final String NEEDS_CONFIRMATION =
      "A protected action needs a spoken confirmation and cannot run as a background task.";

  /** How a call reaches the gate, which decides what the policy may still ask. */
  enum Mode {
    TURN, CONFIRMED, TASK, TASK_APPROVED;

    /** A call made while someone waits for the turn's answer. */
    boolean interactive() {
      return this == TURN || this == CONFIRMED;
    }
  }

  private final Vertx vertx;
  private final AgentServices services;
  private final AgentOptions options;
  private final PolicyOptions policy;
  private final PolicyRules rules;
  private final LiveSettings settings;
  private final AuditLog audit;
  private final DurableTaskService tasks;
  private final TimerService timers;
  private final PendingConfirmations pending;
  private final TurnEvents events;
  private final Map<String, List<Future<Void>>> turnAudits = new ConcurrentHashMap<>();

  /** Creates the gate; {@code tasks} may be null, then long calls simply run to their timeout. */
  PolicyGate(Vertx vertx, AgentServices services, AgentOptions options, LiveSettings settings, AuditLog audit,
             DurableTaskService tasks, TimerService timers, PendingConfirmations pending, TurnEvents events) {
    this.vertx = vertx;
    this.settings = settings;
    this.services = services;
    this.options = options;
    this.policy = options.getPolicy();
    this.rules = new PolicyRules(policy);
    this.audit = audit;
    this.tasks = tasks;
    this.timers = timers;
    this.pending = pending;
    this.events = events;
  }

  @Override
  public Future<ToolResult> execute(ToolCall call, Utterance utterance) {
    return run(call, utterance, Mode.TURN, null);
  }

  /**
   * Runs what the user just confirmed, on behalf of the utterance that asked for it: exactly the held service calls,
   * one after the other (stopping at the first Home Assistant refuses), or the confirmed tool call itself.
   */
  public Future<ToolResult> executeConfirmed(PendingConfirmations.Confirmation confirmation, Utterance yes) {
    Utterance u = confirmation.utterance().withText(yes.text());
    events.join(u, yes);
    if (confirmation.actions().isEmpty()) {
      return run(confirmation.call(), u, Mode.CONFIRMED, null);
    }
    ToolCall call = confirmation.call();
    HomeGateway home = services.home().orElse(null);
    if (home == null) {
      ToolResult none = ToolResult.error("Home Assistant is not connected; nothing was sent.");
      return finish(Mode.CONFIRMED, call, u, Risk.PROTECTED, "error", 0, none).map(none);
    }
    events.publish(new ToolStarted(Instant.now(), events.turnOf(u), u.conversationId(), call));
    long start = System.nanoTime();
    List<String> sent = new ArrayList<>();
    Future<Void> chain = Future.succeededFuture();
    for (ServiceCall action : confirmation.actions()) {
      chain = chain.compose(v -> home.callService(action).map(r -> {
        sent.add(action.domain() + "." + action.service() + " " + action.target().toJson().encode());
        return null;
      }));
    }
    return chain.transform(ar -> {
      if (ar.failed() && ar.cause() instanceof HomeAssistantException h
          && h.outcome() == HomeAssistantException.Outcome.UNKNOWN) {
        return UnconfirmedActions.truth(home, confirmation.actions(), french(u)).compose(truth -> {
          ToolResult unknown = ToolResult.unknown(truth);
          return finish(Mode.CONFIRMED, call, u, Risk.PROTECTED, "unknown", (System.nanoTime() - start) / 1_000_000,
              unknown).map(unknown);
        });
      }
      ToolResult result = ar.succeeded() ? ToolResult.ok("Sent " + String.join("; ", sent) + ".")
          : ToolResult.error(ar.cause().getMessage());
      return finish(Mode.CONFIRMED, call, u, Risk.PROTECTED, ar.succeeded() ? "ok" : "error",
          (System.nanoTime() - start) / 1_000_000, result).map(result);
    });
  }

  /**
   * Runs the call of background task {@code taskId}; {@code approved} when the policy let it through before it
   * became a task. The tool's progress reports go to that task.
   */
  public Future<ToolResult> executeForTask(ToolCall call, Utterance origin, boolean approved, String taskId) {
    return run(call, origin, approved ? Mode.TASK_APPROVED : Mode.TASK, taskId);
  }

  private Future<ToolResult> run(ToolCall call, Utterance u, Mode mode, String taskId) {
    Tool tool = services.tools().tool(call.name()).orElse(null);
    if (tool == null) {
      ToolResult unknown = ToolResult.error("Unknown tool '" + call.name() + "'. Use one of: "
          + String.join(", ", services.tools().specs().stream().map(s -> s.name()).limit(40).toList()) + ".");
      return finish(mode, call, u, Risk.READ, "unknown_tool", 0, unknown).map(unknown);
    }
    HomeGateway home = services.home().orElse(null);
    // The household's settings as they are now: a save applies from the next call.
    HouseholdSettings now = settings.current();
    ProtectedReach reach = home == null ? null : new ProtectedReach(policy, home, now.protectedEntities());
    Risk risk = rules.riskOf(tool, call, reach);
    String outsideProfile = rules.outsideProfile(u, call.name(), services.profiles());
    if (outsideProfile != null) {
      return deny(mode, call, u, risk, outsideProfile);
    }
    boolean interactive = mode.interactive();
    if (mode != Mode.TASK_APPROVED && mode != Mode.CONFIRMED) {
      String refusal = rules.refusal(u, risk, call.name());
      if (refusal != null) {
        return deny(mode, call, u, risk, refusal);
      }
    }
    List<String> problems = ArgumentValidator.validate(tool.spec().parameters(), call.arguments());
    if (!problems.isEmpty()) {
      String message = "Invalid arguments for " + call.name() + ": " + String.join("; ", problems) + ".";
      return finish(mode, call, u, risk, "invalid_arguments", 0, ToolResult.error(message))
          .compose(v -> Future.failedFuture(new ToolArgumentsException(message)));
    }
    boolean asksFirst = risk == Risk.PROTECTED && !tool.actsThroughHome();
    if (asksFirst && mode == Mode.TURN) {
      pending.put(call, List.of(), u);
      String own = tool.confirmation(call, u.language());
      String question = own != null ? own : ConfirmationQuestions.ask(call, u.language(), home);
      return finish(mode, call, u, risk, "confirmation_required", 0, ToolResult.error(question))
          .compose(v -> Future.failedFuture(PolicyException.confirm(question)));
    }
    if (asksFirst && mode == Mode.TASK) {
      return deny(mode, call, u, risk, NEEDS_CONFIRMATION);
    }
    events.publish(new ToolStarted(Instant.now(), events.turnOf(u), u.conversationId(), call));
    long start = System.nanoTime();
    // A repair session reads its tools' results itself; nobody waits on a voice, so nothing becomes a task.
    boolean canDefer = tasks != null && interactive && homeLinkUp() && u.channel() != Channel.MONITOR;
    if (canDefer && tool.spec().longRunning()) {
      return tasks.submitApproved(TaskRequest.run(title(call), u, call))
          .compose(task -> started(mode, call, u, risk, task, start));
    }
    // Only a confirmed call runs on the home as it is; every other call has its protected service calls held.
    HomeGuard guard = home == null || mode == Mode.CONFIRMED ? null
        : new HomeGuard(home, reach, now.hiddenEntities(), risk == Risk.PROTECTED);
    ToolContext toolContext = toolContext(u, call.name(), guard == null ? home : guard);
    ProgressContext reporting = tasks == null ? null : new ProgressContext(toolContext, tasks, taskId);
    Future<ToolResult> running = invoke(tool, call, reporting == null ? toolContext : reporting);
    if (!canDefer) {
      long timeout = interactive ? options.getToolTimeoutMs() : options.getTaskTimeoutMs();
      return running.timeout(timeout, TimeUnit.MILLISECONDS)
          .recover(e -> e instanceof TimeoutException
              ? Future.succeededFuture(ToolResult.error(call.name() + " timed out after " + timeout + " ms."))
              : Future.failedFuture(e))
          .transform(ar -> completed(mode, call, u, risk, guard, start, ar));
    }
    Promise<ToolResult> first = Promise.promise();
    AtomicBoolean decided = new AtomicBoolean();
    long timer = vertx.setTimer(options.getTaskThresholdMs(), t -> {
      if (decided.compareAndSet(false, true)) {
        tasks.adopt(TaskRequest.run(title(call), u, call), running)
            .compose(task -> {
              reporting.attach(task.id());
              running.onComplete(ar -> completed(Mode.TASK_APPROVED, call, u, risk, guard, start, ar));
              return started(mode, call, u, risk, task, start);
            })
            .onComplete(first);
      }
    });
    running.onComplete(ar -> {
      if (decided.compareAndSet(false, true)) {
        vertx.cancelTimer(timer);
        completed(mode, call, u, risk, guard, start, ar).onComplete(first);
      }
    });
    return first.future();
  }

  /**
   * What the held service calls of a finished tool call come to: a question about exactly them inside a turn, a
   * refusal anywhere else or for an asker who may not act on protected entities.
   */
  private Future<ToolResult> held(Mode mode, ToolCall call, Utterance u, List<HomeGuard.Held> held) {
    String refusal = rules.refusal(u, Risk.PROTECTED, call.name());
    if (refusal != null) {
      return deny(mode, call, u, Risk.PROTECTED, refusal);
    }
    if (mode != Mode.TURN) {
      return deny(mode, call, u, Risk.PROTECTED, NEEDS_CONFIRMATION);
    }
    pending.put(call, held.stream().map(HomeGuard.Held::call).toList(), u);
    String question = ConfirmationQuestions.ask(held, u.language(), services.home().orElse(null));
    return finish(mode, call, u, Risk.PROTECTED, "confirmation_required", 0, ToolResult.error(question))
        .compose(v -> Future.failedFuture(PolicyException.confirm(question)));
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

  private Future<ToolResult> completed(Mode mode, ToolCall call, Utterance u, Risk risk, HomeGuard guard,
                                       long start, AsyncResult<ToolResult> ran) {
    if (guard != null) {
      guard.end();
      if (!guard.held().isEmpty()) {
        return held(mode, call, u, guard.held());
      }
    }
    ToolResult result = ran.succeeded() ? ran.result() : null;
    Throwable failure = ran.cause();
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
    String turnId = events.turnOf(u);
    events.publish(new ToolFinished(Instant.now(), turnId, u.conversationId(), call.id(), call.name(), outcome,
        result, millis));
    AuditEntry entry = new AuditEntry(Instant.now(), u.conversationId(), u.channel().jsonName(), u.room(), u.user(),
        call.name(), call.arguments(), risk.jsonName(), outcome, millis, result.content());
    Future<Void> written = audit.record(entry).recover(e -> {
      LOG.warn("Audit row for {} could not be written: {}", call.name(), e.getMessage());
      return Future.succeededFuture();
    });
    if (mode.interactive() && events.inTurn(u)) {
      turnAudits.computeIfAbsent(turnId, id -> new CopyOnWriteArrayList<>()).add(written);
      return Future.succeededFuture();
    }
    return written;
  }

  /**
   * While Home Assistant's link is down a slow call is most likely waiting for it, not working: it stays in the turn
   * (within the tool timeout) so its failure is answered, rather than becoming a task that fails where nobody hears.
   */
  private boolean homeLinkUp() {
    return services.home().map(home -> home.connectionState() == ConnectionState.CONNECTED).orElse(true);
  }

  private static String title(ToolCall call) {
    return call.name().replace('_', ' ');
  }

  private static boolean french(Utterance u) {
    return u.language().startsWith("fr");
  }

  /**
   * The context an interpreter works in for {@code u}: every service, no provider's configuration. Its home is seen
   * without the entities the household's settings hide and sends no service call itself (an interpreter acts
   * through this gate).
   */
  ToolContext toolContext(Utterance u) {
    HomeGateway home = services.home().orElse(null);
    HouseholdSettings now = settings.current();
    return toolContext(u, new JsonObject(), home == null ? null
        : new HomeGuard(home, new ProtectedReach(policy, home, now.protectedEntities()), now.hiddenEntities(), true));
  }

  private ToolContext toolContext(Utterance u, String toolName, HomeGateway home) {
    return toolContext(u, services.tools().configOf(toolName), home);
  }

  private ToolContext toolContext(Utterance u, JsonObject config, HomeGateway home) {
    return ToolContext.builder(vertx, u).config(config).dataDir(services.dataDir())
        .home(home).memory(services.memory()
            .map(memory -> ProfileMemory.of(memory, services.profiles().forUtterance(u), u)).orElse(null))
        .tasks(tasks).timers(timers).announcer(services.announcer().orElse(null))
        .artifacts(services.artifacts().orElse(null)).vision(services.vision().orElse(null)).build();
  }
}
