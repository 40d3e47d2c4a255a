package io.harpou.bridge.vertx.profiles.impl;

import dev.langchain4j.model.chat.ChatModel;
import io.harpou.bridge.api.agent.AgentProfile;
import io.harpou.bridge.api.memory.MemoryScope;
import io.harpou.bridge.api.tool.ToolSpec;
import io.harpou.bridge.vertx.audit.AuditEntry;
import io.harpou.bridge.vertx.audit.AuditLog;
import io.harpou.bridge.vertx.profiles.ProfileConflictException;
import io.harpou.bridge.vertx.profiles.ProfileNotFoundException;
import io.harpou.bridge.vertx.profiles.ProfileStore;
import io.harpou.bridge.vertx.profiles.ProfilesApi;
import io.harpou.bridge.vertx.tools.ToolRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The profile endpoints; every change writes an audit row (tool {@code profiles}) before it is answered. */
public final class ProfilesHandler implements ProfilesApi {

  private static final Logger LOG = LoggerFactory.getLogger(ProfilesHandler.class);
  private static final int MAX_DESCRIPTION = 2000;

  private final ProfileStore store;
  private final ProfileRules rules;
  private final ToolRegistry tools;
  private final Set<String> models;
  private final AuditLog audit;
  private final ProfileGenerator generator;
  private Function<RoutingContext, Optional<String>> keyName;

  /** Handlers over {@code store}; see {@link ProfilesApi#create}. */
  public ProfilesHandler(Vertx vertx, ProfileStore store, ToolRegistry tools, Set<String> models, AuditLog audit,
                         ChatModel model) {
    this.store = store;
    this.rules = new ProfileRules(tools, models);
    this.tools = tools;
    this.models = models;
    this.audit = audit;
    this.generator = model == null ? null : new ProfileGenerator(vertx, model, tools);
  }

  @Override
  public void mount(Router router, Function<RoutingContext, Optional<String>> keyName) {
    this.keyName = keyName;
    router.get("/api/profiles").handler(ctx -> json(ctx, 200, new JsonObject().put("profiles",
        new JsonArray(store.all().stream().map(AgentProfile::toJson).toList()))));
    router.get("/api/profiles/options").handler(this::options);
    router.get("/api/profiles/:id").handler(ctx -> store.byId(ctx.pathParam("id"))
        .ifPresentOrElse(p -> json(ctx, 200, p.toJson()), () -> notFound(ctx, ctx.pathParam("id"))));
    router.post("/api/profiles").handler(this::create);
    router.post("/api/profiles/generate").handler(this::generate);
    router.put("/api/profiles/:id").handler(this::replace);
    router.delete("/api/profiles/:id").handler(this::delete);
  }

  private void options(RoutingContext ctx) {
    JsonArray toolList = new JsonArray(tools.specs().stream().map(ToolSpec::toJson)
        .map(t -> new JsonObject().put("name", t.getString("name")).put("description", t.getString("description"))
            .put("risk", t.getString("risk"))).toList());
    json(ctx, 200, new JsonObject().put("tools", toolList).put("models", new JsonArray(models.stream().sorted()
            .toList()))
        .put("memory_scopes", new JsonArray(Arrays.stream(MemoryScope.values()).map(MemoryScope::jsonName).toList())));
  }

  private void create(RoutingContext ctx) {
    AgentProfile profile = read(ctx, null);
    if (profile != null) {
      answer(ctx, "created", profile, 201, store.create(profile));
    }
  }

  private void generate(RoutingContext ctx) {
    JsonObject body;
    try {
      body = ctx.body().asJsonObject();
    } catch (DecodeException | ClassCastException e) {
      body = null;
    }
    Object description = body == null ? null : body.getValue("description");
    if (!(description instanceof String text) || text.isBlank() || text.length() > MAX_DESCRIPTION) {
      error(ctx, 400, "invalid_request", "description must be text of 1 to " + MAX_DESCRIPTION + " characters");
      return;
    }
    if (!(body.getValue("allow_protected", false) instanceof Boolean allowProtected)) {
      error(ctx, 400, "invalid_request", "allow_protected must be true or false");
      return;
    }
    if (generator == null) {
      error(ctx, 503, "unavailable", "no language model is configured to write profiles");
      return;
    }
    generator.generate(text, allowProtected).onComplete(ar -> {
      if (ar.succeeded()) {
        json(ctx, 200, new JsonObject().put("profile", ar.result().profile().toJson())
            .put("warnings", new JsonArray(ar.result().warnings())));
      } else if (ar.cause() instanceof ProfileGenerator.UnusableAnswer unusable) {
        error(ctx, 502, "model_answer_unusable", unusable.getMessage() + "; nothing was saved, try again or"
            + " describe the agent differently");
      } else {
        LOG.warn("Generating a profile failed: {}", ar.cause().toString());
        error(ctx, 502, "model_failed", "the language model did not answer: " + ar.cause().getMessage());
      }
    });
  }

  private void replace(RoutingContext ctx) {
    AgentProfile profile = read(ctx, ctx.pathParam("id"));
    if (profile == null) {
      return;
    }
    if (profile.updatedAt() == null) {
      error(ctx, 400, "invalid_request", "updated_at must name the version this replaces (as the profile was read)");
      return;
    }
    answer(ctx, "updated", profile, 200, store.update(profile, profile.updatedAt()));
  }

  private void delete(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    store.delete(id).onComplete(ar -> {
      if (ar.failed()) {
        failed(ctx, ar.cause());
      } else if (!ar.result()) {
        notFound(ctx, id);
      } else {
        record(ctx, "deleted", id, null).onComplete(v -> ctx.response().setStatusCode(204).end());
      }
    });
  }

  private void answer(RoutingContext ctx, String outcome, AgentProfile asked, int status, Future<AgentProfile> saved) {
    saved.onComplete(ar -> {
      if (ar.failed()) {
        failed(ctx, ar.cause());
        return;
      }
      record(ctx, outcome, asked.id(), ar.result()).onComplete(v -> json(ctx, status, ar.result().toJson()));
    });
  }

  /** The body as a valid profile with the path's id, or null once the request was answered with why not. */
  private AgentProfile read(RoutingContext ctx, String pathId) {
    JsonObject body;
    try {
      body = ctx.body().asJsonObject();
    } catch (DecodeException | ClassCastException e) {
      body = null;
    }
    if (body == null) {
      error(ctx, 400, "invalid_request", "send the profile as a JSON object");
      return null;
    }
    if (pathId != null) {
      if (body.getValue("id") != null && !pathId.equals(body.getValue("id"))) {
        error(ctx, 400, "invalid_request", "the body's id differs from the path's");
        return null;
      }
      body.put("id", pathId);
    }
    try {
      AgentProfile profile = AgentProfile.fromJson(body);
      String problem = rules.problem(profile);
      if (problem != null) {
        error(ctx, 400, "invalid_profile", problem);
        return null;
      }
      return profile;
    } catch (IllegalArgumentException | DateTimeParseException e) {
      error(ctx, 400, "invalid_profile", e.getMessage());
      return null;
    }
  }

  private Future<Void> record(RoutingContext ctx, String outcome, String id, AgentProfile saved) {
    AuditEntry entry = new AuditEntry(Instant.now(), null, "http", null, keyName.apply(ctx).orElse(null), "profiles",
        new JsonObject().put("id", id), "act", outcome, 0, saved == null ? null : saved.toJson().encode());
    return audit.record(entry).recover(e -> {
      LOG.warn("Audit row for profile {} could not be written: {}", id, e.getMessage());
      return Future.succeededFuture();
    });
  }

  private void failed(RoutingContext ctx, Throwable e) {
    if (e instanceof ProfileConflictException) {
      error(ctx, 409, "conflict", e.getMessage());
    } else if (e instanceof ProfileNotFoundException) {
      error(ctx, 404, "not_found", e.getMessage());
    } else {
      LOG.warn("A profile change failed: {}", e.toString());
      error(ctx, 500, "internal_error", "the profile could not be stored");
    }
  }

  private static void notFound(RoutingContext ctx, String id) {
    error(ctx, 404, "not_found", "no profile with id '" + (id.length() > 64 ? id.substring(0, 64) : id) + "'");
  }

  private static void error(RoutingContext ctx, int status, String code, String message) {
    json(ctx, status, new JsonObject().put("error", new JsonObject().put("code", code).put("message", message)));
  }

  private static void json(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("content-type", "application/json").end(body.encode());
  }
}
