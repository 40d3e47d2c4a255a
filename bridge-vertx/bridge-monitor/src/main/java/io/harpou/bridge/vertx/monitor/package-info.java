/**
 * Monitors and self-healing: the runtime that schedules the {@link io.harpou.bridge.api.monitor.Monitor}s, turns
 * lasting problems into alerts and runs one repair session per alert through the agent and its policy point. Started
 * by {@link io.harpou.bridge.vertx.monitor.MonitorRuntime#start} with what it needs in
 * {@link io.harpou.bridge.vertx.monitor.MonitorServices}; the {@code repairs} tools
 * ({@link io.harpou.bridge.vertx.monitor.RepairToolProvider}) let the household answer.
 */
package io.harpou.bridge.vertx.monitor;
