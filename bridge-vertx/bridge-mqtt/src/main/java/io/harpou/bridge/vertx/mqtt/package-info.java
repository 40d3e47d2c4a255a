/**
 * MQTT discovery: Harpou's hub, satellites, timers, tasks and alerts as Home Assistant devices and entities, and the
 * commands Home Assistant sends back. Off unless the {@code mqtt} section names a broker.
 */
package io.harpou.bridge.vertx.mqtt;
