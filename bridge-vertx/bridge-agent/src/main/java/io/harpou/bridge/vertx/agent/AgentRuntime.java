package io.harpou.bridge.vertx.agent;

import io.harpou.bridge.api.agent.Agent;
import io.harpou.bridge.api.agent.ConversationLog;
import io.harpou.bridge.api.plan.Plans;
import io.harpou.bridge.api.task.TaskService;
import io.harpou.bridge.api.tool.ToolGate;
import io.harpou.bridge.api.timer.TimerService;
import io.harpou.bridge.vertx.agent.impl.AgentRuntimeImpl;
import io.harpou.bridge.vertx.model.ModelUsage;
import io.harpou.bridge.vertx.settings.LiveSettings;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Optional;

/**
 * The agent as it runs: the {@link Agent} (interpreters, then the model with tools, every call through the policy and
 * the audit log), its background {@link TaskService}, the household's voice timers (each change published as a
 * {@link io.harpou.bridge.api.event.TimerChanged} event, which voice relays to satellites), and
 * {@link io.harpou.bridge.api.BridgeAddresses#AGENT_ASK} served on the event bus.
 */
public interface AgentRuntime {

  /**
   * Opens the audit log, the history, the tasks and the plans in the services' database, resumes the tasks left by the previous
   * run and serves {@link io.harpou.bridge.api.BridgeAddresses#AGENT_ASK}. The Future fails with
   * {@link io.harpou.bridge.api.BridgeException} when the model's configuration is unusable or the database fails.
   */
  static Future<AgentRuntime> start(Vertx vertx, AgentOptions options, AgentServices services) {
    return AgentRuntimeImpl.start(vertx, options, services);
  }

  /** The agent. */
  Agent agent();

  /** The conversations the agent keeps, for front ends that list them. */
  ConversationLog conversations();

  /** The household's settings the agent reads at each turn; saving them applies them from the next turn. */
  LiveSettings settings();

  /** The background tasks. */
  TaskService tasks();

  /** The ledger of model calls, for {@code /api/usage}; empty without a model. */
  Optional<ModelUsage> usage();

  /** The plans the agent has made, kept across restarts, for {@code /api/plans}. */
  Plans plans();

  /** The voice timers tools start, change and read. */
  TimerService timers();

  /**
   * The policy point, for doors that run tools without a turn of the agent (an MCP client, the console's controls):
   * every call through it is judged and audited as the agent's own calls are.
   */
  ToolGate gate();

  /** Which model answers after the interpreters ({@code ollama qwen3:8b at ...}), or what answers without one. */
  String modelDescription();

  /** Stops serving, refuses further turns, and stops the task timers and the voice timers. */
  Future<Void> close();
}
