/**
 * The agent runtime: {@link io.harpou.bridge.vertx.agent.AgentComponent} builds the agent (interpreters first, then
 * an Ollama or OpenAI-compatible model driving the tools), its policy-enforcing tool executor, the audit log and the
 * durable task service, and {@link io.harpou.bridge.vertx.agent.AgentVerticle} serves it on the event bus.
 */
package io.harpou.bridge.vertx.agent;
