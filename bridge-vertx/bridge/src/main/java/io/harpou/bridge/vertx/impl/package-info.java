/** The implementation of the {@link io.harpou.bridge.vertx.Bridge} facade. */
package io.harpou.bridge.vertx.impl;
