/**
 * What happens, as it happens: a sealed family of {@link io.harpou.bridge.api.event.BridgeEvent}s published on
 * {@link io.harpou.bridge.api.BridgeAddresses#EVENTS} for the WebSocket API, the console, metrics and the audit log.
 */
package io.harpou.bridge.api.event;
