package io.harpou.bridge.vertx.speech.impl;

import io.harpou.bridge.api.BridgeException;
import io.harpou.bridge.vertx.speech.WyomingSpeechOptions;
import io.harpou.wyoming.WyomingClient;
import io.harpou.wyoming.WyomingConnection;
import io.harpou.wyoming.WyomingMessage;
import io.harpou.wyoming.WyomingStreams;
import io.harpou.wyoming.message.Control;
import io.harpou.wyoming.message.WyomingMessages;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.Iterator;

/**
 * One request to a Wyoming service on its own connection: connect, send, read events until the answer, close.
 * Fails with {@link BridgeException} on a refused connection, a timeout, an {@code error} event, or a connection
 * that closes before answering; the result is delivered on the caller's context.
 */
abstract class WyomingExchange<T> {

  private final Promise<T> promise = Promise.promise();
  private volatile WyomingConnection connection;

  /** Sends the request once connected; a failed Future fails the exchange. */
  protected abstract Future<Void> begin(WyomingConnection connection);

  /** Handles one event of the answer, completing or failing the exchange when it is done. */
  protected abstract void onMessage(WyomingMessage message);

  protected final void complete(T value) {
    promise.tryComplete(value);
  }

  protected final void fail(String message) {
    promise.tryFail(new BridgeException(message));
  }

  protected final boolean done() {
    return promise.future().isComplete();
  }

  /** Runs the exchange against the options' host and port; {@code what} names it in error messages. */
  final Future<T> run(Vertx vertx, WyomingClient client, WyomingSpeechOptions options, String what) {
    Context caller = vertx.getOrCreateContext();
    String where = options.getHost() + ":" + options.getPort();
    long timer = vertx.setTimer(options.getTimeoutMillis(),
        id -> fail(what + " at " + where + " timed out after " + options.getTimeoutMillis() + " ms"));
    client.connect(options.getHost(), options.getPort()).onComplete(connected -> {
      if (connected.failed()) {
        promise.tryFail(new BridgeException("cannot reach the Wyoming service at " + where + ": "
            + connected.cause().getMessage(), connected.cause()));
        return;
      }
      WyomingConnection c = connected.result();
      connection = c;
      if (done()) {
        c.close();
        return;
      }
      c.exceptionHandler(e -> promise.tryFail(new BridgeException(what + " at " + where + " failed: "
          + e.getMessage(), e)));
      c.closeHandler(v -> fail("the Wyoming service at " + where + " closed the connection before answering " + what));
      c.handler(event -> {
        if (done()) {
          return;
        }
        try {
          WyomingMessage message = WyomingMessages.read(event);
          if (message instanceof Control.ErrorMessage error) {
            fail("the Wyoming service at " + where + " reported an error for " + what + ": " + error.text()
                + (error.code() == null ? "" : " (" + error.code() + ")"));
          } else {
            onMessage(message);
          }
        } catch (RuntimeException e) {
          promise.tryFail(new BridgeException("bad answer to " + what + " from " + where + ": " + e.getMessage(), e));
        }
      });
      begin(c).onFailure(e -> promise.tryFail(new BridgeException("sending " + what + " to " + where + " failed: "
          + e.getMessage(), e)));
    });
    Promise<T> result = Promise.promise();
    promise.future().onComplete(outcome -> {
      vertx.cancelTimer(timer);
      WyomingConnection c = connection;
      if (c != null && !c.isClosed()) {
        c.close();
      }
      caller.runOnContext(v -> result.handle(outcome));
    });
    return result.future();
  }

  /** Writes messages in order, piped with Vert.x's back-pressure; the connection stays open. */
  static Future<Void> writeAll(WyomingConnection connection, Iterator<? extends WyomingMessage> messages) {
    return WyomingStreams.of(messages).pipe().endOnComplete(false).to(connection);
  }
}
