package io.harpou.tools.media.impl;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP exchange with a media server (ComfyUI, Mopidy) that cannot make Harpou hold more than it should: the body
 * is read no further than a limit (a server that sends more, or never stops, fails the call and the connection is
 * reset), and the whole answer must arrive within a deadline however slowly it trickles.
 */
final class HttpFetch {

  /** An answer: its status, media type (without parameters) and body. */
  record Answer(int status, String contentType, Buffer body) {
  }

  private HttpFetch() {
  }

  static Future<Answer> send(HttpClientAgent client, HttpMethod method, String url, Buffer body, long maxBytes,
                             long timeoutMs) {
    RequestOptions options = new RequestOptions().setMethod(method).setAbsoluteURI(url)
        .setConnectTimeout(Math.min(timeoutMs, 10_000)).setIdleTimeout(timeoutMs);
    if (body != null) {
      options.putHeader("content-type", "application/json");
    }
    return client.request(options).compose(request -> (body == null ? request.send() : request.send(body))
        .compose(response -> read(request, response, maxBytes))
        .timeout(timeoutMs, TimeUnit.MILLISECONDS)
        .onFailure(e -> request.reset()));
  }

  private static Future<Answer> read(HttpClientRequest request, HttpClientResponse response, long maxBytes) {
    String type = String.valueOf(response.getHeader("content-type")).split(";", 2)[0].strip();
    String length = response.getHeader("content-length");
    if (length != null && length.matches("[0-9]{1,18}") && Long.parseLong(length) > maxBytes) {
      request.reset();
      return Future.failedFuture(new IllegalStateException("the answer is larger than " + maxBytes + " bytes"));
    }
    Promise<Answer> done = Promise.promise();
    Buffer collected = Buffer.buffer();
    response.exceptionHandler(done::tryFail);
    response.endHandler(v -> done.tryComplete(new Answer(response.statusCode(), type, collected)));
    response.handler(chunk -> {
      if (collected.length() + (long) chunk.length() > maxBytes) {
        response.handler(null);
        // Failed before the reset, whose own failure would otherwise name a stream reset instead of the limit.
        done.tryFail(new IllegalStateException("the answer is larger than " + maxBytes + " bytes"));
        request.reset();
      } else {
        collected.appendBuffer(chunk);
      }
    });
    return done.future();
  }
}
