/**
 * The agent: an {@link io.harpou.bridge.api.agent.Utterance} in, a {@link io.harpou.bridge.api.agent.Reply} out.
 * {@link io.harpou.bridge.api.agent.Interpreter}s are tried in order before the LLM, as openHAB chains its
 * interpreters.
 */
package io.harpou.bridge.api.agent;
