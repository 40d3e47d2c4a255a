/** Finds the speech engines on the class path and makes them available to voice. */
package io.harpou.bridge.vertx.speech;
