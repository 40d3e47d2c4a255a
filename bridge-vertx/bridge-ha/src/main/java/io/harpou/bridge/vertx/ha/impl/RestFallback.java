package io.harpou.bridge.vertx.ha.impl;

import io.harpou.bridge.api.home.CameraImage;
import io.harpou.bridge.api.home.EntityState;
import io.harpou.bridge.api.home.HomeAssistantException;
import io.harpou.bridge.api.home.ServiceCall;
import io.harpou.bridge.vertx.ha.HomeAssistantOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Home Assistant's REST API, used while the WebSocket is down: {@code GET /api/states} to refresh the cache,
 * {@code GET /api/states/<id>} to re-read one entity and {@code POST /api/services/<domain>/<service>} to act; and
 * always for what only REST serves, a camera's image ({@code GET /api/camera_proxy/<id>}).
 *
 * <p>Failures say whether Home Assistant may have run the request: no connection means it was never sent
 * ({@link HomeAssistantException#NOT_CONNECTED}); a connection lost after sending, or no answer in time, means it may
 * have run ({@link HomeAssistantException#CONNECTION_LOST}, {@link HomeAssistantException#TIMEOUT}), as does a 502,
 * 503 or 504 from a proxy in front of it. Any other HTTP error gets a code named after its status.
 */
final class RestFallback {

  /** The largest camera image read; a 4K JPEG is a few megabytes. */
  static final int MAX_CAMERA_IMAGE_BYTES = 16 * 1024 * 1024;

  private final HttpClientAgent client;
  private final HomeAssistantOptions options;

  RestFallback(Vertx vertx, HomeAssistantOptions options) {
    this.options = options;
    this.client = vertx.createHttpClient(new HttpClientOptions().setDecompressionSupported(true));
  }

  /** Every state, as full state objects. */
  Future<JsonArray> states() {
    return send(HttpMethod.GET, "/api/states", null).map(Buffer::toJsonArray);
  }

  /** One entity's state as Home Assistant has it now; empty when there is no such entity. */
  Future<Optional<EntityState>> state(String entityId) {
    return send(HttpMethod.GET, "/api/states/" + encode(entityId), null)
        .map(body -> Optional.of(EntityState.fromJson(body.toJsonObject())))
        .recover(e -> e instanceof HomeAssistantException h && "not_found".equals(h.code())
            ? Future.succeededFuture(Optional.empty()) : Future.failedFuture(e));
  }

  /**
   * Calls a service; the target is merged into the service data, as HA itself does.
   *
   * @return {@code changed_states} (the states the call changed) and, when asked for, {@code response}
   */
  Future<JsonObject> callService(ServiceCall call) {
    String path = "/api/services/" + encode(call.domain()) + "/" + encode(call.service())
        + (call.returnResponse() ? "?return_response" : "");
    JsonObject body = call.data().copy().mergeIn(call.target().toJson());
    return send(HttpMethod.POST, path, body).map(buffer -> {
      String text = buffer.toString().stripLeading();
      if (text.startsWith("[")) {
        return new JsonObject().put("changed_states", new JsonArray(text));
      }
      JsonObject reply = new JsonObject(text);
      return new JsonObject().put("changed_states", reply.getJsonArray("changed_states", new JsonArray()))
          .put("response", reply.getValue("service_response"));
    });
  }

  /**
   * A camera's still image through {@code GET /api/camera_proxy/<id>}, read no further than
   * {@value #MAX_CAMERA_IMAGE_BYTES} bytes (a camera or proxy that sends more, or never stops, fails
   * {@code too_large}) and within the call timeout however slowly it trickles.
   */
  Future<CameraImage> cameraImage(String entityId) {
    RequestOptions request = new RequestOptions().setMethod(HttpMethod.GET)
        .setAbsoluteURI(options.getUrl() + "/api/camera_proxy/" + encode(entityId))
        .setConnectTimeout(options.getConnectTimeoutMs()).setIdleTimeout(options.getCallTimeoutMs())
        .putHeader("Authorization", "Bearer " + (options.getToken() == null ? "" : options.getToken()));
    return client.request(request)
        .recover(e -> Future.failedFuture(new HomeAssistantException(HomeAssistantException.NOT_CONNECTED,
            "Home Assistant at " + options.getUrl() + " is unreachable: " + reason(e), e)))
        .compose(sending -> sending.send().compose(response -> {
          if (response.statusCode() != 200) {
            return response.body().compose(content -> answer(response, content)).map(ignored -> (CameraImage) null);
          }
          String type = String.valueOf(response.getHeader("content-type")).split(";", 2)[0].strip();
          if (!type.startsWith("image/")) {
            sending.reset();
            return Future.failedFuture(new HomeAssistantException("invalid_response", "camera " + entityId
                + " did not answer with an image but " + type));
          }
          return bounded(response, MAX_CAMERA_IMAGE_BYTES).map(bytes -> new CameraImage(bytes, type))
              .timeout(options.getCallTimeoutMs(), TimeUnit.MILLISECONDS)
              .onFailure(e -> sending.reset());
        }))
        .recover(e -> e instanceof HomeAssistantException ? Future.failedFuture(e)
            : Future.failedFuture(new HomeAssistantException(HomeAssistantException.TIMEOUT, "camera " + entityId
            + " sent no whole image within " + options.getCallTimeoutMs() + " ms: " + reason(e), e)));
  }

  private static Future<Buffer> bounded(HttpClientResponse response, int limit) {
    Promise<Buffer> done = Promise.promise();
    Buffer collected = Buffer.buffer();
    response.exceptionHandler(done::tryFail);
    response.endHandler(v -> done.tryComplete(collected));
    response.handler(chunk -> {
      if (collected.length() + chunk.length() > limit) {
        response.handler(null);
        done.tryFail(new HomeAssistantException("too_large", "the camera image is larger than " + limit
            + " bytes"));
      } else {
        collected.appendBuffer(chunk);
      }
    });
    return done.future();
  }

  /** Closes the HTTP client; the Future completes once its connections are closed. */
  Future<Void> close() {
    return client.close();
  }

  /**
   * Sends one request. The request is bound to a connection before any byte goes out, so a failure to get one is
   * the only failure that proves Home Assistant never saw it.
   */
  private Future<Buffer> send(HttpMethod method, String path, JsonObject body) {
    RequestOptions request = new RequestOptions().setMethod(method).setAbsoluteURI(options.getUrl() + path)
        .setConnectTimeout(options.getConnectTimeoutMs()).setIdleTimeout(options.getCallTimeoutMs())
        .putHeader("Authorization", "Bearer " + (options.getToken() == null ? "" : options.getToken()));
    if (body != null) {
      request.putHeader("Content-Type", "application/json");
    }
    return client.request(request)
        .recover(e -> Future.failedFuture(new HomeAssistantException(HomeAssistantException.NOT_CONNECTED,
            "Home Assistant at " + options.getUrl() + " is unreachable: " + reason(e), e)))
        .compose(sending -> (body == null ? sending.send() : sending.send(body.toBuffer()))
            .compose(response -> response.body().compose(content -> answer(response, content)))
            .recover(e -> e instanceof HomeAssistantException ? Future.failedFuture(e)
                : Future.failedFuture(lostAfterSending(method, path, e))));
  }

  private Future<Buffer> answer(HttpClientResponse response, Buffer content) {
    int status = response.statusCode();
    if (status / 100 == 2) {
      return Future.succeededFuture(content.length() == 0 ? Buffer.buffer("null") : content);
    }
    String message = "Home Assistant's REST API answered " + status + ": " + message(content);
    if (status == 502 || status == 503 || status == 504) {
      // A proxy answers these when it lost Home Assistant after handing the request over, or could not say.
      return Future.failedFuture(new HomeAssistantException(status == 504 ? HomeAssistantException.TIMEOUT
          : HomeAssistantException.CONNECTION_LOST, message));
    }
    return Future.failedFuture(new HomeAssistantException(code(status), message));
  }

  private HomeAssistantException lostAfterSending(HttpMethod method, String path, Throwable e) {
    String request = method.name() + " " + path.replaceFirst("\\?.*", "");
    if (e instanceof TimeoutException) {
      return new HomeAssistantException(HomeAssistantException.TIMEOUT, request + " got no answer from Home Assistant"
          + " within " + options.getCallTimeoutMs() + " ms", e);
    }
    return new HomeAssistantException(HomeAssistantException.CONNECTION_LOST, request + " was sent to Home Assistant"
        + " but its answer was lost: " + reason(e), e);
  }

  private static String reason(Throwable e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static String code(int status) {
    return switch (status) {
      case 400 -> "invalid_format";
      case 401, 403 -> "unauthorized";
      case 404 -> "not_found";
      default -> "home_assistant_error";
    };
  }

  private static String message(Buffer content) {
    String text = content.toString();
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
