package io.harpou.bridge.vertx.ha.impl;

import io.harpou.bridge.api.home.HomeAssistantException;
import io.harpou.bridge.api.home.ServiceCall;
import io.harpou.bridge.vertx.ha.HomeAssistantOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Home Assistant's REST API, used while the WebSocket is down: {@code GET /api/states} to refresh the cache and
 * {@code POST /api/services/<domain>/<service>} to act. A transport failure fails with
 * {@link HomeAssistantException#NOT_CONNECTED}; an HTTP error with a code named after its status.
 */
final class RestFallback {

  private final WebClient client;
  private final HomeAssistantOptions options;

  RestFallback(Vertx vertx, HomeAssistantOptions options) {
    this.options = options;
    this.client = WebClient.create(vertx, new WebClientOptions()
        .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, options.getConnectTimeoutMs()))
        .setDecompressionSupported(true));
  }

  /** Every state, as full state objects. */
  Future<JsonArray> states() {
    return send(client.getAbs(options.getUrl() + "/api/states"), null).map(Buffer::toJsonArray);
  }

  /**
   * Calls a service; the target is merged into the service data, as HA itself does.
   *
   * @return {@code changed_states} (the states the call changed) and, when asked for, {@code response}
   */
  Future<JsonObject> callService(ServiceCall call) {
    HttpRequest<Buffer> request = client.postAbs(options.getUrl() + "/api/services/" + encode(call.domain()) + "/"
        + encode(call.service()));
    if (call.returnResponse()) {
      request.addQueryParam("return_response", "");
    }
    JsonObject body = call.data().copy().mergeIn(call.target().toJson());
    return send(request, body).map(buffer -> {
      String text = buffer.toString().stripLeading();
      if (text.startsWith("[")) {
        return new JsonObject().put("changed_states", new JsonArray(text));
      }
      JsonObject reply = new JsonObject(text);
      return new JsonObject().put("changed_states", reply.getJsonArray("changed_states", new JsonArray()))
          .put("response", reply.getValue("service_response"));
    });
  }

  void close() {
    client.close();
  }

  private Future<Buffer> send(HttpRequest<Buffer> request, JsonObject body) {
    request.bearerTokenAuthentication(options.getToken() == null ? "" : options.getToken())
        .timeout(options.getCallTimeoutMs());
    Future<HttpResponse<Buffer>> sent = body == null ? request.send() : request.sendJsonObject(body);
    return sent.recover(e -> Future.failedFuture(new HomeAssistantException(HomeAssistantException.NOT_CONNECTED,
            "Home Assistant's REST API is unreachable: " + e.getMessage(), e)))
        .compose(response -> {
          if (response.statusCode() / 100 == 2) {
            return Future.succeededFuture(response.body() == null ? Buffer.buffer("null") : response.body());
          }
          return Future.failedFuture(new HomeAssistantException(code(response.statusCode()),
              "Home Assistant's REST API answered " + response.statusCode() + ": " + message(response)));
        });
  }

  private static String code(int status) {
    return switch (status) {
      case 400 -> "invalid_format";
      case 401, 403 -> "unauthorized";
      case 404 -> "not_found";
      default -> "home_assistant_error";
    };
  }

  private static String message(HttpResponse<Buffer> response) {
    String text = response.bodyAsString();
    if (text == null) {
      return "";
    }
    try {
      return new JsonObject(text).getString("message", text);
    } catch (RuntimeException notJson) {
      return text.length() > 200 ? text.substring(0, 200) : text;
    }
  }

  private static String encode(String part) {
    return URLEncoder.encode(part, StandardCharsets.UTF_8);
  }
}
