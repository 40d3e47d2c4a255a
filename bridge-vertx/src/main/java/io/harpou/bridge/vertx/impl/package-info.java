/** The implementation of the {@link io.harpou.bridge.vertx.Bridge} facade, and the event publisher its parts share. */
package io.harpou.bridge.vertx.impl;
