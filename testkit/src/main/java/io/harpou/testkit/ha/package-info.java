/**
 * A protocol-faithful virtual Home Assistant: the WebSocket API at {@code /api/websocket}, the REST API under
 * {@code /api/}, a demo house (or a generated one) whose entities behave as Home Assistant's would, and fault
 * injection for tests. Start one with {@link io.harpou.testkit.ha.VirtualHomeAssistant#create}.
 *
 * <p>WebSocket: the auth phase with Home Assistant's exact messages and timeout; the id rules ({@code invalid_format},
 * {@code id_reuse}, {@code unknown_command}); {@code ping}, {@code supported_features} (message coalescing),
 * {@code get_states}, {@code get_config}, {@code get_services}, {@code get_panels}, {@code auth/current_user},
 * {@code call_service}, {@code subscribe_events}, {@code unsubscribe_events}, {@code subscribe_entities} (compressed
 * format), {@code fire_event}, {@code render_template}, the floor/area/device/entity registry lists,
 * {@code config/entity_registry/get} and {@code conversation/process}. Malformed JSON closes the socket; a message
 * over 4 MiB closes it too.
 *
 * <p>Known simplifications: templates support only literal text and {@code states('x')}, {@code state_attr('x','a')},
 * {@code is_state('x','v')} inside {@code {{ }}}; every connection acts as one admin user; covers and locks reach their
 * end state at once (no {@code opening}/{@code locking}); the entity registry list also carries {@code aliases}
 * (Home Assistant keeps them for {@code config/entity_registry/get}); by default an unknown entity in a service call
 * answers {@code not_found} where Home Assistant only logs a warning (see
 * {@link io.harpou.testkit.ha.VirtualHomeOptions#setStrictEntityReferences}); the conversation agent understands only
 * "turn on/off X" and "allume/éteins X".
 */
package io.harpou.testkit.ha;
