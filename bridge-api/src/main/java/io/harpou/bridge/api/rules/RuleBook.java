package io.harpou.bridge.api.rules;

import io.harpou.bridge.api.BridgeAddresses;
import io.harpou.bridge.api.BridgeException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The household's notification rules: what Harpou watches in Home Assistant and tells people about (a door left
 * open, a leak, a low battery). Rules are JSON objects in the shape of the {@code notifications.rules} configuration;
 * those added here (by speech, the console or the API) are kept across restarts, those from the configuration can
 * be read but not removed.
 */
public interface RuleBook {

  /** Reply code of a rule that is malformed or names nothing Harpou knows. */
  int INVALID = 400;
  /** Reply code of a rule that may not be removed (it comes from the configuration). */
  int FORBIDDEN = 403;

  /**
   * The book served on {@link BridgeAddresses#RULES}, wherever the rules run. Its Futures fail with
   * {@link RuleException} when the rule is refused, and {@link BridgeException} when no rules run.
   */
  static RuleBook overEventBus(Vertx vertx) {
    DeliveryOptions options = new DeliveryOptions().setSendTimeout(10_000);
    return new RuleBook() {
      private Future<JsonObject> request(JsonObject message) {
        return vertx.eventBus().<JsonObject>request(BridgeAddresses.RULES, message, options)
            .map(reply -> reply.body())
            .recover(e -> Future.failedFuture(refused(e)));
      }

      @Override
      public Future<JsonArray> list() {
        return request(new JsonObject().put("action", "list")).map(body -> body.getJsonArray("rules"));
      }

      @Override
      public Future<JsonObject> add(JsonObject rule) {
        return request(new JsonObject().put("action", "add").put("rule", rule))
            .map(body -> body.getJsonObject("rule"));
      }

      @Override
      public Future<Boolean> remove(String id) {
        return request(new JsonObject().put("action", "remove").put("id", id))
            .map(body -> body.getBoolean("removed"));
      }
    };
  }

  private static BridgeException refused(Throwable e) {
    if (e instanceof ReplyException reply && reply.failureType() == ReplyFailure.RECIPIENT_FAILURE) {
      return new RuleException(reply.failureCode(), reply.getMessage());
    }
    return new BridgeException("notification rules are not running: " + e.getMessage(), e);
  }

  /** Every rule, from the configuration first, each with its {@code id} and {@code origin}. */
  Future<JsonArray> list();

  /**
   * Adds a rule and starts watching for it; the Future holds the rule as kept (with its id). It fails with
   * {@link RuleException} ({@link #INVALID}) when the rule is malformed.
   */
  Future<JsonObject> add(JsonObject rule);

  /**
   * Removes a rule added by speech, the console or the API; false when there is none with this id. It fails with
   * {@link RuleException} ({@link #FORBIDDEN}) for a rule of the configuration.
   */
  Future<Boolean> remove(String id);
}
