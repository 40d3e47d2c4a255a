/** The broker link, the discovery payloads, the states and the commands behind {@code MqttDiscovery}. */
package io.harpou.bridge.vertx.mqtt.impl;
