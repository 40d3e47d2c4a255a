/** Implementation of the Home Assistant client: connection, commands, state cache, registries, REST fallback. */
package io.harpou.bridge.vertx.ha.impl;
