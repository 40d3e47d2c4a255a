/** Implementations of the speech engines; nothing here is public API. */
package io.harpou.bridge.vertx.speech.impl;
