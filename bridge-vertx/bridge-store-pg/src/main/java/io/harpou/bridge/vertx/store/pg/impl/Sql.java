package io.harpou.bridge.vertx.store.pg.impl;

import io.harpou.bridge.api.BridgeException;
import io.vertx.core.Future;

/** How the PostgreSQL tables report failures: as {@link BridgeException}, like the embedded database. */
final class Sql {

  private Sql() {
  }

  /** {@code work}, failing with a {@link BridgeException} that wraps the client's error. */
  static <T> Future<T> mapped(Future<T> work) {
    return work.recover(e -> Future.failedFuture(e instanceof BridgeException ? e
        : new BridgeException("database error: " + e.getMessage(), e)));
  }
}
