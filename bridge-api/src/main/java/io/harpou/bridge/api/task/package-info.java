/**
 * Durable background work: long tool calls, timers and reminders that answer later on the channel that asked.
 */
package io.harpou.bridge.api.task;
