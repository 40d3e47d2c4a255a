/**
 * The home as Harpou sees it: live entity states, the registries (floors, areas, devices, entities) joined so every
 * entity knows its area, and service calls. {@link io.harpou.bridge.api.home.HomeGateway} is the one way in; the
 * runtime implements it over Home Assistant's WebSocket API.
 */
package io.harpou.bridge.api.home;
