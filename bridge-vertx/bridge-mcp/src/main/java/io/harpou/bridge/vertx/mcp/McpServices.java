package io.harpou.bridge.vertx.mcp;

import io.harpou.bridge.api.agent.Agent;
import io.harpou.bridge.api.home.HomeGateway;
import io.harpou.bridge.api.memory.MemoryStore;
import io.harpou.bridge.api.tool.ToolGate;
import io.harpou.bridge.vertx.tools.ToolRegistry;
import java.util.Objects;
import java.util.Optional;

/**
 * What the MCP server serves, fixed when it is made: the tools and the policy point their calls go through, the agent
 * that settles a confirmed protected action, and the home and memory its resources read. An absent service leaves
 * its resources out.
 */
public final class McpServices {

  private final ToolRegistry tools;
  private final ToolGate gate;
  private final Agent agent;
  private final HomeGateway home;
  private final MemoryStore memory;

  private McpServices(ToolRegistry tools, ToolGate gate, Agent agent, HomeGateway home, MemoryStore memory) {
    this.tools = Objects.requireNonNull(tools, "tools");
    this.gate = Objects.requireNonNull(gate, "gate");
    this.agent = agent;
    this.home = home;
    this.memory = memory;
  }

  /** The tools and their policy point; the rest starts absent. */
  public static McpServices of(ToolRegistry tools, ToolGate gate) {
    return new McpServices(tools, gate, null, null, null);
  }

  /** A copy whose confirmed protected actions are settled by {@code agent} (null for none: they are refused). */
  public McpServices withAgent(Agent agent) {
    return new McpServices(tools, gate, agent, home, memory);
  }

  /** A copy reading this home (null for none). */
  public McpServices withHome(HomeGateway home) {
    return new McpServices(tools, gate, agent, home, memory);
  }

  /** A copy reading this memory store (null for none). */
  public McpServices withMemory(MemoryStore memory) {
    return new McpServices(tools, gate, agent, home, memory);
  }

  /** The tools offered. */
  public ToolRegistry tools() {
    return tools;
  }

  /** The policy point every call goes through. */
  public ToolGate gate() {
    return gate;
  }

  /** The agent, when there is one. */
  public Optional<Agent> agent() {
    return Optional.ofNullable(agent);
  }

  /** Home Assistant, when there is one. */
  public Optional<HomeGateway> home() {
    return Optional.ofNullable(home);
  }

  /** The memory store, when there is one. */
  public Optional<MemoryStore> memory() {
    return Optional.ofNullable(memory);
  }
}
