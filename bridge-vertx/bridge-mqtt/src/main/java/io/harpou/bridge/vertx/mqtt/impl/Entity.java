package io.harpou.bridge.vertx.mqtt.impl;

import io.vertx.core.json.JsonObject;

/**
 * One Home Assistant entity as Harpou publishes it.
 *
 * @param component Home Assistant's component ({@code sensor}, {@code switch}, ...)
 * @param objectId its object id, unique under the node
 * @param config the discovery configuration
 */
record Entity(String component, String objectId, JsonObject config) {
}
