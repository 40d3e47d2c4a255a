/**
 * Harpou's runtime on Vert.x: {@link io.harpou.bridge.vertx.Bridge} composes the verticles (Home Assistant client,
 * agent, voice, HTTP API) from one configuration, for the hub and for applications that embed Harpou.
 */
package io.harpou.bridge.vertx;
