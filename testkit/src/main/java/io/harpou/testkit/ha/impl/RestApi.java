package io.harpou.testkit.ha.impl;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/** Home Assistant's REST API under {@code /api/}, with Bearer auth answered 401 as Home Assistant does. */
final class RestApi {

  private final Home home;
  private final FaultsImpl faults;

  RestApi(Home home, FaultsImpl faults) {
    this.home = home;
    this.faults = faults;
  }

  void mount(Router router) {
    router.route("/api/*").handler(this::authenticate);
    router.route("/api/*").handler(BodyHandler.create().setBodyLimit(4 * 1024 * 1024));
    router.get("/api/").handler(rc -> json(rc, 200, message("API running.")));
    router.get("/api/config").handler(rc -> json(rc, 200, home.config()));
    router.get("/api/core/state").handler(rc -> json(rc, 200, new JsonObject().put("state", "RUNNING")
        .put("recorder_state", new JsonObject().put("migration_in_progress", false).put("migration_is_live", false))));
    router.get("/api/states").handler(rc -> {
      JsonArray out = new JsonArray();
      home.states.all().forEach(s -> out.add(s.toJson()));
      json(rc, 200, out);
    });
    router.get("/api/states/:entity_id").handler(rc -> {
      EntityState s = home.states.get(rc.pathParam("entity_id"));
      json(rc, s == null ? 404 : 200, s == null ? message("Entity not found.") : s.toJson());
    });
    router.post("/api/states/:entity_id").handler(this::postState);
    router.delete("/api/states/:entity_id").handler(rc -> {
      boolean removed = home.states.remove(rc.pathParam("entity_id"), HaContext.create(WsBasicCommands.USER_ID));
      json(rc, removed ? 200 : 404, message(removed ? "Entity removed." : "Entity not found."));
    });
    router.get("/api/services").handler(rc -> {
      JsonArray out = new JsonArray();
      JsonObject all = home.services.describeAll();
      all.fieldNames().forEach(d -> out.add(new JsonObject().put("domain", d).put("services", all.getValue(d))));
      json(rc, 200, out);
    });
    router.post("/api/services/:domain/:service").handler(this::callService);
    router.post("/api/events/:event_type").handler(this::fireEvent);
    router.post("/api/template").handler(this::template);
    router.post("/api/conversation/process").handler(rc -> {
      Object body = parse(rc);
      if (!(body instanceof JsonObject b) || !(b.getValue("text") instanceof String text)) {
        plain(rc, 400, "400: Bad Request");
        return;
      }
      json(rc, 200, home.conversation.process(text, b.getString("language"), b.getString("conversation_id")));
    });
    router.route(HttpMethod.GET, "/api/camera_proxy/:entity_id").handler(rc -> {
      EntityState s = home.states.get(rc.pathParam("entity_id"));
      if (s == null || !"camera".equals(s.domain())) {
        plain(rc, 404, "404: Not Found");
        return;
      }
      rc.response().putHeader("Content-Type", "image/png").end(Images.snapshot(s.entityId()));
    });
  }

  private void authenticate(RoutingContext rc) {
    String path = rc.request().path();
    if ("/api/websocket".equals(path)) {
      rc.next();
      return;
    }
    String header = rc.request().getHeader("Authorization");
    boolean ok = header != null && header.equals("Bearer " + home.options.getAccessToken());
    if (!ok && path.startsWith("/api/camera_proxy/")) {
      EntityState s = home.states.get(path.substring("/api/camera_proxy/".length()));
      String token = rc.request().getParam("token");
      ok = s != null && token != null && token.equals(s.attributes().getString("access_token"));
    }
    if (!ok || faults.authRejected()) {
      rc.response().putHeader("WWW-Authenticate", "Bearer");
      plain(rc, 401, "401: Unauthorized");
      return;
    }
    rc.next();
  }

  private void postState(RoutingContext rc) {
    Object body = parse(rc);
    String entityId = rc.pathParam("entity_id");
    if (!(body instanceof JsonObject b)) {
      json(rc, 400, message("State data should be a JSON object"));
    } else if (!b.containsKey("state") || b.getValue("state") == null) {
      json(rc, 400, message("No state attribute specified."));
    } else if (!entityId.matches("^[a-z0-9_]+\\.[a-z0-9_]+$")) {
      json(rc, 400, message("Invalid entity ID specified."));
    } else {
      String state = String.valueOf(b.getValue("state"));
      if (state.length() > 255) {
        json(rc, 400, message("Invalid state specified."));
        return;
      }
      boolean existed = home.states.contains(entityId);
      EntityState s = home.states.set(entityId, state, b.getJsonObject("attributes", new JsonObject()),
          HaContext.create(WsBasicCommands.USER_ID), b.getBoolean("force_update", false));
      rc.response().putHeader("Location", "/api/states/" + entityId);
      json(rc, existed ? 200 : 201, s.toJson());
    }
  }

  private void callService(RoutingContext rc) {
    Object body;
    try {
      body = rc.body().length() == 0 ? new JsonObject() : Json.decodeValue(rc.body().buffer());
    } catch (DecodeException e) {
      json(rc, 400, message("Data should be valid JSON."));
      return;
    }
    if (!(body instanceof JsonObject data)) {
      json(rc, 400, message("Data should be valid JSON."));
      return;
    }
    String domain = rc.pathParam("domain");
    String service = rc.pathParam("service");
    boolean wantResponse = rc.queryParams().contains("return_response");
    ServiceDef def = home.services.find(domain, service);
    if (def != null && wantResponse && def.response == ServiceDef.Response.NONE) {
      json(rc, 400, message("Service does not support responses. Remove return_response from request."));
      return;
    }
    if (def != null && !wantResponse && def.response == ServiceDef.Response.ONLY) {
      json(rc, 400, message("Service call requires responses but caller did not ask for responses. Add "
          + "?return_response to query parameters."));
      return;
    }
    HaContext ctx = HaContext.create(WsBasicCommands.USER_ID);
    home.services.call(domain, service, data, ctx, wantResponse, "rest").onSuccess(outcome -> {
      if (faults.takeRestReplyDrop()) {
        rc.request().connection().close();
        return;
      }
      JsonArray changed = new JsonArray();
      home.states.all().stream().filter(s -> s.context().id().equals(ctx.id())).forEach(s -> changed.add(s.toJson()));
      json(rc, 200, wantResponse ? new JsonObject().put("changed_states", changed)
          .put("service_response", outcome.response()) : changed);
    }).onFailure(err -> plain(rc, 400, "400: Bad Request"));
  }

  private void fireEvent(RoutingContext rc) {
    Object body;
    try {
      body = rc.body().length() == 0 ? new JsonObject() : Json.decodeValue(rc.body().buffer());
    } catch (DecodeException e) {
      json(rc, 400, message("Event data should be valid JSON."));
      return;
    }
    if (!(body instanceof JsonObject data)) {
      json(rc, 400, message("Event data should be a JSON object"));
      return;
    }
    String type = rc.pathParam("event_type");
    home.states.fire(type, data, "REMOTE", HaContext.create(WsBasicCommands.USER_ID));
    json(rc, 200, message("Event " + type + " fired."));
  }

  private void template(RoutingContext rc) {
    Object body = parse(rc);
    if (!(body instanceof JsonObject b) || !(b.getValue("template") instanceof String t)) {
      json(rc, 400, message("Template data should be a JSON object"));
      return;
    }
    try {
      rc.response().putHeader("Content-Type", "text/plain; charset=utf-8").end(Template.render(t, home.states).text());
    } catch (ServiceError e) {
      json(rc, 400, message("Error rendering template: " + e.getMessage()));
    }
  }

  private static Object parse(RoutingContext rc) {
    Buffer buf = rc.body().buffer();
    if (buf == null || buf.length() == 0) {
      return null;
    }
    try {
      return Json.decodeValue(buf);
    } catch (DecodeException e) {
      return null;
    }
  }

  private static JsonObject message(String text) {
    return new JsonObject().put("message", text);
  }

  private static void json(RoutingContext rc, int status, Object body) {
    rc.response().setStatusCode(status).putHeader("Content-Type", "application/json")
        .end(body instanceof JsonArray a ? a.encode() : ((JsonObject) body).encode());
  }

  private static void plain(RoutingContext rc, int status, String text) {
    rc.response().setStatusCode(status).putHeader("Content-Type", "text/plain; charset=utf-8").end(text);
  }
}
