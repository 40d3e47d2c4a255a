/**
 * Home Assistant for the agent: the exposure policy and the exposed view of the home, the {@code home} tool provider
 * and the local intent matcher that understands common English and French commands without an LLM.
 */
package io.harpou.tools.home;
