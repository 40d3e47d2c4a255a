package io.harpou.bridge.vertx.artifact.impl;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import java.util.function.Supplier;

/** Reads a stream to its end into memory, but never more than a limit: past it, reading stops and the read fails. */
final class BoundedRead {

  private BoundedRead() {
  }

  static Future<Buffer> collect(ReadStream<Buffer> stream, long limit, Supplier<? extends RuntimeException> tooLarge) {
    Promise<Buffer> done = Promise.promise();
    Buffer collected = Buffer.buffer();
    stream.exceptionHandler(done::tryFail);
    stream.endHandler(v -> done.tryComplete(collected));
    stream.handler(chunk -> {
      if (collected.length() + (long) chunk.length() > limit) {
        stream.pause();
        stream.handler(null);
        done.tryFail(tooLarge.get());
      } else {
        collected.appendBuffer(chunk);
      }
    });
    stream.resume();
    return done.future();
  }
}
