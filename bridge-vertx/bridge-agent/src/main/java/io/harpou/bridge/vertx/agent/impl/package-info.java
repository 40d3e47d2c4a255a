/**
 * The agent's implementation: the turn (confirmations, interpreters, the model loop), the tool executor that
 * enforces the policy and writes the audit, the prompt and its home selection, the conversation history, and the
 * bridge between LangChain4j's streaming clients and Vert.x.
 */
package io.harpou.bridge.vertx.agent.impl;
