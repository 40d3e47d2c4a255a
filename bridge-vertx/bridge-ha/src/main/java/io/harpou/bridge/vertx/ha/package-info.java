/**
 * The Home Assistant client: a WebSocket connection that authenticates, keeps every entity state in a live cache,
 * joins the registries into a home model, acts through service calls and survives drops; plus the verticle that runs
 * it in the hub. {@link io.harpou.bridge.vertx.ha.HomeAssistantClient} implements
 * {@link io.harpou.bridge.api.home.HomeGateway}.
 */
package io.harpou.bridge.vertx.ha;
