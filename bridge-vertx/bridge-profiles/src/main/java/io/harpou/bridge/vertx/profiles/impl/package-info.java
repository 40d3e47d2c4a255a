/** The profile table and the HTTP handlers. */
package io.harpou.bridge.vertx.profiles.impl;
