package io.harpou.tools.media.impl;

import io.harpou.bridge.api.BridgeException;
import io.harpou.tools.media.MopidyOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Mopidy's JSON-RPC 2.0 API over {@code POST /mopidy/rpc}: one request per call, named parameters, answers bounded
 * in size and time. A JSON-RPC error fails the call with a {@link BridgeException} carrying Mopidy's message.
 */
final class MopidyClient {

  private static final long ANSWER_LIMIT = 4L << 20;
  private static final AtomicLong IDS = new AtomicLong();

  private final HttpClientAgent http;
  private final MopidyOptions options;

  MopidyClient(Vertx vertx, MopidyOptions options) {
    this.http = vertx.createHttpClient();
    this.options = options;
  }

  /** Calls {@code method} (such as {@code core.playback.play}) with {@code params}; the result may be null. */
  Future<Object> call(String method, JsonObject params) {
    JsonObject request = new JsonObject().put("jsonrpc", "2.0").put("id", IDS.incrementAndGet())
        .put("method", method).put("params", params == null ? new JsonObject() : params);
    return HttpFetch.send(http, HttpMethod.POST, options.url() + "/mopidy/rpc", request.toBuffer(), ANSWER_LIMIT,
            options.timeoutMs())
        .recover(e -> Future.failedFuture(new BridgeException("Mopidy at " + options.url() + " did not answer "
            + method + ": " + e.getMessage(), e)))
        .compose(answer -> {
          JsonObject json;
          try {
            json = answer.body().toJsonObject();
          } catch (RuntimeException notJson) {
            return Future.failedFuture(new BridgeException("Mopidy answered " + method + " with HTTP "
                + answer.status() + " and no JSON-RPC answer"));
          }
          if (json.getValue("error") instanceof JsonObject error) {
            Object data = error.getValue("data");
            String detail = data instanceof JsonObject d ? d.getString("message", "") : String.valueOf(data);
            return Future.failedFuture(new BridgeException("Mopidy refused " + method + ": "
                + error.getString("message", "error") + (detail.isBlank() || "null".equals(detail) ? ""
                : " (" + detail + ")")));
          }
          return Future.succeededFuture(json.getValue("result"));
        });
  }

  /** The call's result as an array, empty when it is not one. */
  Future<JsonArray> array(String method, JsonObject params) {
    return call(method, params).map(r -> r instanceof JsonArray a ? a : new JsonArray());
  }

  /** Closes the connections. */
  Future<Void> close() {
    return http.close();
  }
}
