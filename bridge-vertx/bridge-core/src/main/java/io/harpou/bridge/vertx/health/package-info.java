/** What each component of the hub is doing, gathered from component events for {@code /health}. */
package io.harpou.bridge.vertx.health;
