package io.harpou.bridge.vertx.http.impl;

import io.harpou.bridge.api.rules.RuleBook;
import io.harpou.bridge.api.rules.RuleException;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /api/rules}, {@code POST /api/rules} (a rule in the shape of {@code notifications.rules}) and
 * {@code DELETE /api/rules/{id}}: the notification rules, through the {@link RuleBook} wherever the rules run. A rule
 * names what to watch, what to say and where; never which service Harpou calls, which only the configuration does.
 */
public final class RulesHandler {

  private final RuleBook book;

  /** A handler over the rule book served on {@code vertx}'s event bus. */
  public RulesHandler(Vertx vertx) {
    this.book = RuleBook.overEventBus(vertx);
  }

  /** Adds the routes. */
  public void mount(Router router) {
    router.get("/api/rules").handler(this::list);
    router.post("/api/rules").handler(this::add);
    router.delete("/api/rules/:id").handler(this::remove);
  }

  private void list(RoutingContext ctx) {
    book.list().onSuccess(rules -> Requests.json(ctx, new JsonObject().put("rules", rules)))
        .onFailure(e -> ctx.fail(refusal(e)));
  }

  private void add(RoutingContext ctx) {
    JsonObject rule = Requests.jsonBody(ctx).copy();
    rule.remove("origin");
    book.add(rule).onSuccess(kept -> {
      ctx.response().setStatusCode(201);
      Requests.json(ctx, new JsonObject().put("rule", kept));
    }).onFailure(e -> ctx.fail(refusal(e)));
  }

  private void remove(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    book.remove(id).onSuccess(removed -> {
      if (!removed) {
        ctx.fail(ApiError.notFound("no rule with id " + id));
      } else {
        Requests.json(ctx, new JsonObject().put("removed", true));
      }
    }).onFailure(e -> ctx.fail(refusal(e)));
  }

  private static ApiError refusal(Throwable e) {
    if (e instanceof RuleException refused) {
      return refused.code() == RuleBook.FORBIDDEN ? new ApiError(403, "rule_from_configuration", e.getMessage())
          : ApiError.invalid(e.getMessage());
    }
    return ApiError.unavailable("notification rules");
  }
}
