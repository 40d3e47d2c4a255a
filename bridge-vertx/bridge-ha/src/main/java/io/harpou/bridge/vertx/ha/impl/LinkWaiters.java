package io.harpou.bridge.vertx.ha.impl;

import io.harpou.bridge.api.home.HomeAssistantException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Calls waiting for the WebSocket while it reconnects: each waits a bounded time, all go on once the link is up, and
 * all fail at once when it is known to be down, so nobody waits out the bound for a link that will not come.
 */
final class LinkWaiters {

  private final Vertx vertx;
  private final List<Promise<HaConnection>> waiting = new ArrayList<>();

  LinkWaiters(Vertx vertx) {
    this.vertx = vertx;
  }

  /** The connection once the link is up, or {@code onTimeout}'s failure after {@code waitMs}. */
  Future<HaConnection> await(long waitMs, Supplier<HomeAssistantException> onTimeout) {
    Promise<HaConnection> promise = Promise.promise();
    waiting.add(promise);
    long timer = vertx.setTimer(waitMs, t -> {
      waiting.remove(promise);
      promise.tryFail(onTimeout.get());
    });
    return promise.future().onComplete(r -> vertx.cancelTimer(timer));
  }

  /** Lets every waiting call go on over {@code link}. */
  void ready(HaConnection link) {
    take().forEach(p -> p.tryComplete(link));
  }

  /** Fails every waiting call with {@code cause}. */
  void fail(Throwable cause) {
    take().forEach(p -> p.tryFail(cause));
  }

  private List<Promise<HaConnection>> take() {
    List<Promise<HaConnection>> all = new ArrayList<>(waiting);
    waiting.clear();
    return all;
  }
}
