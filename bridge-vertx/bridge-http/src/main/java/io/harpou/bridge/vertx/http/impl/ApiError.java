package io.harpou.bridge.vertx.http.impl;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A request that cannot be served, answered as {@code {"error": {"code", "message"}}} with an HTTP status. */
public final class ApiError extends RuntimeException {

  private static final Logger LOG = LoggerFactory.getLogger(ApiError.class);

  private final int status;
  private final String code;

  /** An error with its HTTP status, a stable code and a message for people. */
  public ApiError(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  /** A 400 for a request that is not valid. */
  public static ApiError invalid(String message) {
    return new ApiError(400, "invalid_request", message);
  }

  /** A 404 for something that does not exist. */
  public static ApiError notFound(String message) {
    return new ApiError(404, "not_found", message);
  }

  /** A 503 for a service that is not running in this hub. */
  public static ApiError unavailable(String service) {
    return new ApiError(503, "unavailable", service + " is not running in this hub");
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** The stable error code. */
  public String code() {
    return code;
  }

  /** The JSON body. */
  public JsonObject toJson() {
    return new JsonObject().put("error", new JsonObject().put("code", code).put("message", getMessage())
        .put("type", code));
  }

  /** Sends this error unless the response has already started. */
  public void send(RoutingContext ctx) {
    if (ctx.response().headWritten()) {
      ctx.response().reset();
      return;
    }
    ctx.response().setStatusCode(status).putHeader("content-type", "application/json").end(toJson().encode());
  }

  /** The router's failure handler: every failure becomes a JSON error, details of bugs stay in the log. */
  public static void handleFailure(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    ApiError error;
    if (failure instanceof ApiError api) {
      error = api;
    } else if (failure instanceof DecodeException) {
      error = invalid("the body is not valid JSON");
    } else if (failure instanceof IllegalArgumentException bad) {
      error = invalid(bad.getMessage());
    } else if (ctx.statusCode() == 413) {
      error = new ApiError(413, "body_too_large", "the request body is too large");
    } else if (failure == null && ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
      error = new ApiError(ctx.statusCode(), "bad_request", "the request was refused");
    } else {
      LOG.warn("{} {} failed", ctx.request().method(), ctx.request().path(), failure);
      error = new ApiError(500, "internal_error", "the request failed inside Harpou");
    }
    error.send(ctx);
  }
}
