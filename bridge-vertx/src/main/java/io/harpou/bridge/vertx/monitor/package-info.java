/**
 * Monitors and self-healing: the runtime that schedules the {@link io.harpou.bridge.api.monitor.Monitor}s, turns
 * lasting problems into alerts and runs one repair session per alert through the agent and its policy point. Wired
 * into the bridge by {@link io.harpou.bridge.vertx.monitor.MonitorComponent} alone.
 */
package io.harpou.bridge.vertx.monitor;
