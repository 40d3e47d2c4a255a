package io.harpou.bridge.vertx.mcp;

import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/** Opens an HTTP+SSE session by hand and returns where its first event says to post messages. */
final class LegacySsePeer {

  private LegacySsePeer() {
  }

  static String open(Vertx vertx, int port, String key) {
    HttpClient client = vertx.createHttpClient();
    Promise<String> endpoint = Promise.promise();
    StringBuilder received = new StringBuilder();
    client.request(new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1").setPort(port)
            .setURI("/mcp/sse").putHeader("accept", "text/event-stream")
            .putHeader("authorization", "Bearer " + key))
        .compose(request -> request.send())
        .onSuccess(response -> response.handler(chunk -> {
          received.append(chunk.toString());
          int data = received.indexOf("data: ");
          int end = data < 0 ? -1 : received.indexOf("\n", data);
          if (end > 0) {
            endpoint.tryComplete(received.substring(data + 6, end).trim());
          }
        }))
        .onFailure(endpoint::tryFail);
    return endpoint.future().await();
  }
}
