/**
 * A protocol-faithful virtual Home Assistant: the WebSocket API at {@code /api/websocket}, the REST API under
 * {@code /api/}, a demo house (or a generated one) whose entities behave as Home Assistant's would, and fault
 * injection for tests. Start one with {@link io.harpou.testkit.ha.VirtualHomeAssistant#create}.
 */
package io.harpou.testkit.ha;
