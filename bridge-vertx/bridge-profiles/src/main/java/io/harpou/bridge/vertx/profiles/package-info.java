/** Agent profiles: kept in the embedded database, edited over {@code /api/profiles}, read by the agent and policy. */
package io.harpou.bridge.vertx.profiles;
