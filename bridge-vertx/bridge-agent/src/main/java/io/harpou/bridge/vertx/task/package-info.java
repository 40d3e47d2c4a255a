/**
 * Durable background tasks: long tool calls, timers and reminders stored in the embedded database, run off the event
 * loop, and announced on the channel that asked, even across a restart. Also the {@code tasks} tool provider
 * ({@code set_timer}, {@code list_tasks}, {@code cancel_task}), and the voice timers (in memory, as Home
 * Assistant's).
 */
package io.harpou.bridge.vertx.task;
