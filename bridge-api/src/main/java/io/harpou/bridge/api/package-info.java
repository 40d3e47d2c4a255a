/**
 * Harpou's contracts: the pieces every module agrees on. Subpackages hold the tool SPI, the agent, events, the home
 * model, voice, memory and tasks; this package holds the exception root, the event-bus addresses, JSON helpers and ULIDs.
 */
package io.harpou.bridge.api;
