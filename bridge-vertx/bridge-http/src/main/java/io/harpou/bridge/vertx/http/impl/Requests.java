package io.harpou.bridge.vertx.http.impl;

import io.harpou.bridge.api.Ids;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Reading and answering requests the same way in every handler. */
final class Requests {

  private Requests() {
  }

  /** The body as a JSON object. @throws ApiError 400 when it is missing or not an object */
  static JsonObject jsonBody(RoutingContext ctx) {
    Buffer body = ctx.body().buffer();
    if (body == null || body.length() == 0) {
      throw ApiError.invalid("the request needs a JSON body");
    }
    Object value;
    try {
      value = body.toJsonValue();
    } catch (DecodeException e) {
      throw ApiError.invalid("the body is not valid JSON");
    }
    if (!(value instanceof JsonObject json)) {
      throw ApiError.invalid("the body must be a JSON object");
    }
    return json;
  }

  /** An optional string field. @throws ApiError 400 when present but not a string */
  static String optionalString(JsonObject json, String field) {
    Object value = json.getValue(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String text)) {
      throw ApiError.invalid("'" + field + "' must be a string");
    }
    return text;
  }

  /**
   * An optional id field (a conversation id, a user): null when absent or blank.
   *
   * @throws ApiError 400 when present but not a string or not a valid {@link Ids id}
   */
  static String optionalId(JsonObject json, String field) {
    String value = optionalString(json, field);
    return value == null || value.isBlank() ? null : id(value, "'" + field + "'");
  }

  /** A valid {@link Ids id}. @throws ApiError 400 naming {@code what} and what is wrong with it */
  static String id(String value, String what) {
    String problem = Ids.problem(value, what);
    if (problem != null) {
      throw ApiError.invalid(problem);
    }
    return value;
  }

  /** A required non-blank string field, at most {@code max} characters. */
  static String requiredText(JsonObject json, String field, int max) {
    String text = optionalString(json, field);
    if (text == null || text.isBlank()) {
      throw ApiError.invalid("'" + field + "' is required and must not be blank");
    }
    if (text.length() > max) {
      throw ApiError.invalid("'" + field + "' is longer than " + max + " characters");
    }
    return text;
  }

  /** An integer query parameter within bounds, or the default. */
  static int intParam(RoutingContext ctx, String name, int defaultValue, int min, int max) {
    String raw = ctx.request().getParam(name);
    if (raw == null || raw.isBlank()) {
      return defaultValue;
    }
    try {
      int value = Integer.parseInt(raw.trim());
      if (value < min || value > max) {
        throw ApiError.invalid("'" + name + "' must be between " + min + " and " + max);
      }
      return value;
    } catch (NumberFormatException e) {
      throw ApiError.invalid("'" + name + "' must be a whole number");
    }
  }

  /** Sends a JSON value with status 200. */
  static void json(RoutingContext ctx, Object body) {
    ctx.response().putHeader("content-type", "application/json").end(
        body instanceof JsonObject o ? o.encode() : io.vertx.core.json.Json.encode(body));
  }
}
