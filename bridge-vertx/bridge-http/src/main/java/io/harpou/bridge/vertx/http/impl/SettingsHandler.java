package io.harpou.bridge.vertx.http.impl;

import io.harpou.bridge.vertx.http.HttpApiServices;
import io.harpou.bridge.vertx.settings.HouseholdSettings;
import io.harpou.bridge.vertx.settings.LiveSettings;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET} and {@code PUT /api/settings}: the household's settings that apply without a restart (persona, thinking,
 * reply language, hidden and protected entities), with the model and the satellites' rooms shown read-only, since
 * changing them takes a restart. Like the API keys, only this machine's console (or a program on this machine while no
 * key exists) may read or change them: a request made with an API key is refused, so a leaked key cannot rewrite the
 * agent's instructions or unhide the locks.
 */
public final class SettingsHandler {

  /** The largest body a save may carry: a full persona and both entity lists fit well within it. */
  static final int MAX_BODY_BYTES = 64 * 1024;

  private final HttpApiServices bridge;

  /** A handler over the bridge's settings. */
  public SettingsHandler(HttpApiServices bridge) {
    this.bridge = bridge;
  }

  /** Adds the routes. */
  public void mount(Router router) {
    router.route("/api/settings").handler(this::fromThisMachine);
    router.get("/api/settings").handler(this::read);
    router.put("/api/settings").handler(this::save);
  }

  private void fromThisMachine(RoutingContext ctx) {
    if (ctx.get(AccessGuard.KEY_NAME) != null) {
      new ApiError(403, "forbidden", "settings are changed from this machine, through the console link, not with an"
          + " API key").send(ctx);
      return;
    }
    ctx.next();
  }

  private LiveSettings settings() {
    return bridge.settings().orElseThrow(() -> ApiError.unavailable("the agent"));
  }

  private void read(RoutingContext ctx) {
    Requests.json(ctx, answer(settings().current()));
  }

  private void save(RoutingContext ctx) {
    LiveSettings settings = settings();
    if (ctx.body().length() > MAX_BODY_BYTES) {
      throw new ApiError(413, "too_large", "settings are at most " + MAX_BODY_BYTES + " bytes");
    }
    JsonObject body = Requests.jsonBody(ctx);
    List<String> unknown = new ArrayList<>(body.fieldNames());
    unknown.removeAll(HouseholdSettings.KEYS);
    if (!unknown.isEmpty()) {
      throw ApiError.invalid("unknown settings " + unknown + "; these can be changed: "
          + HouseholdSettings.KEYS.stream().sorted().toList());
    }
    HouseholdSettings changed;
    try {
      changed = settings.current().with(body);
    } catch (IllegalArgumentException e) {
      throw ApiError.invalid(e.getMessage());
    }
    settings.save(changed).onSuccess(saved -> Requests.json(ctx, answer(saved))).onFailure(ctx::fail);
  }

  private JsonObject answer(HouseholdSettings settings) {
    JsonArray satellites = new JsonArray();
    bridge.satellites().list().forEach(satellite -> satellites.add(new JsonObject()
        .put("id", satellite.getString("id")).put("room", satellite.getString("room"))));
    JsonObject limits = new JsonObject().put("persona", HouseholdSettings.MAX_PERSONA)
        .put("entities", HouseholdSettings.MAX_ENTITIES).put("languages", new JsonArray(HouseholdSettings.LANGUAGES));
    return settings.toJson().put("limits", limits).put("restart_needed", new JsonObject()
            .put("model", bridge.modelDescription().orElse(null)).put("satellites", satellites));
  }
}
