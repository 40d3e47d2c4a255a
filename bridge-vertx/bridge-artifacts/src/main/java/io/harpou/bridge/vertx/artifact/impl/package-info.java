/** The indexed store over a backend, and the local-disk backend. */
package io.harpou.bridge.vertx.artifact.impl;
