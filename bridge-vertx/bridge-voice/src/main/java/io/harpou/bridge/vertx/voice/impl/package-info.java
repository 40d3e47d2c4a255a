/** The voice implementation: the Wyoming service connections, satellite sessions and links, audio helpers. */
package io.harpou.bridge.vertx.voice.impl;
