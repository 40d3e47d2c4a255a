package io.harpou.testkit.ha.impl;

import io.vertx.core.json.JsonObject;

/** A failure answered to the client as a Home Assistant error result (code, message, optional translation). */
final class ServiceError extends RuntimeException {

  final String code;
  final String translationDomain;
  final String translationKey;
  final JsonObject placeholders;

  ServiceError(String code, String message) {
    this(code, message, null, null, null);
  }

  ServiceError(String code, String message, String translationDomain, String translationKey,
               JsonObject placeholders) {
    super(message, null, false, false);
    this.code = code;
    this.translationDomain = translationDomain;
    this.translationKey = translationKey;
    this.placeholders = placeholders;
  }

  static ServiceError invalid(String message) {
    return new ServiceError("invalid_format", message);
  }

  /** The {@code error} object of a result message; translation keys only when a key is set, as in HA. */
  JsonObject toJson() {
    JsonObject json = new JsonObject().put("code", code).put("message", getMessage());
    if (translationKey != null) {
      json.put("translation_key", translationKey).put("translation_placeholders", placeholders)
          .put("translation_domain", translationDomain);
    }
    return json;
  }
}
