package io.harpou.testkit.ha.impl;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Map;

/** switch, fan, lock, scene, script, persistent_notification, notify and the homeassistant.* services. */
final class BasicDomains {

  private static final Map<String, String[]> GENERIC_ON_OFF = Map.of(
      "cover", new String[] {"open_cover", "close_cover", "toggle"},
      "lock", new String[] {"lock", "unlock", null});

  private BasicDomains() {
  }

  static void register(Home home) {
    ServiceRegistry s = home.services;
    s.register(ServiceDef.entity("switch", "turn_on", (c, id) -> c.write(id, "on", c.attrs(id))));
    s.register(ServiceDef.entity("switch", "turn_off", (c, id) -> c.write(id, "off", c.attrs(id))));
    s.register(ServiceDef.entity("switch", "toggle", (c, id) ->
        c.write(id, "on".equals(c.state(id).state()) ? "off" : "on", c.attrs(id))));
    registerFan(s);
    registerLock(home);
    for (String service : new String[] {"turn_on", "turn_off", "toggle"}) {
      s.register(ServiceDef.entity("homeassistant", service, (c, id) -> generic(c, id, service)).anyDomain());
    }
    s.register(ServiceDef.plain("persistent_notification", "create", c -> {
      JsonObject n = new JsonObject().put("notification_id", c.data.getString("notification_id", Ids.hex32()))
          .put("title", c.data.getString("title")).put("message", c.data.getString("message"))
          .put("created_at", Ids.iso(Ids.nowMicros()));
      home.house.notifications.removeIf(o -> o.getString("notification_id").equals(n.getString("notification_id")));
      home.house.notifications.add(n);
    }).field("message", Field.string().req()).field("title", Field.string()).field("notification_id",
        Field.string()));
    s.register(ServiceDef.plain("persistent_notification", "dismiss", c -> home.house.notifications
        .removeIf(o -> o.getString("notification_id").equals(c.data.getString("notification_id"))))
        .field("notification_id", Field.string().req()));
    // notify.notify and the companion app of the household's phone, as the mobile_app integration adds them: the
    // call is recorded (calls()), and an actionable notification's buttons ride in data.actions.
    for (String service : new String[] {"notify", "mobile_app_phone"}) {
      s.register(ServiceDef.plain("notify", service, c -> { }).field("message", Field.string().req())
          .field("title", Field.string()).field("target", Field.any()).field("data", Field.any()));
    }
    s.register(ServiceDef.entity("scene", "turn_on", BasicDomains::applyScene).field("transition",
        Field.number(0, 6553)));
    registerScripts(home);
  }

  private static void generic(CallContext c, String id, String service) {
    String domain = id.substring(0, id.indexOf('.'));
    String[] mapped = GENERIC_ON_OFF.get(domain);
    String target = mapped == null ? service
        : "turn_on".equals(service) ? mapped[0] : "turn_off".equals(service) ? mapped[1] : mapped[2];
    if (target != null && c.home.services.has(domain, target)) {
      c.callNested(domain, target, new JsonObject().put("entity_id", id));
    }
  }

  private static void registerFan(ServiceRegistry s) {
    s.register(ServiceDef.entity("fan", "turn_on", (c, id) -> {
      JsonObject a = c.attrs(id);
      int pct = c.data.getInteger("percentage", a.getInteger("percentage", 0) == 0 ? 50 : a.getInteger("percentage"));
      if (c.data.containsKey("preset_mode")) {
        a.put("preset_mode", c.data.getString("preset_mode"));
      }
      c.write(id, pct == 0 ? "off" : "on", a.put("percentage", pct));
    }).field("percentage", Field.integer(0, 100)).field("preset_mode", Field.string()));
    s.register(ServiceDef.entity("fan", "turn_off", (c, id) -> c.write(id, "off", c.attrs(id).put("percentage", 0))));
    s.register(ServiceDef.entity("fan", "toggle", (c, id) -> {
      boolean on = "on".equals(c.state(id).state());
      c.write(id, on ? "off" : "on", c.attrs(id).put("percentage", on ? 0 : 50));
    }));
    s.register(ServiceDef.entity("fan", "set_percentage", (c, id) -> {
      int pct = c.data.getInteger("percentage");
      c.write(id, pct == 0 ? "off" : "on", c.attrs(id).put("percentage", pct));
    }).field("percentage", Field.integer(0, 100).req()));
    s.register(ServiceDef.entity("fan", "set_preset_mode", (c, id) -> {
      JsonObject a = c.attrs(id);
      String preset = c.data.getString("preset_mode");
      io.vertx.core.json.JsonArray presets = a.getJsonArray("preset_modes");
      if (presets == null || !presets.contains(preset)) {
        throw new ServiceError("service_validation_error", "Validation error: The preset_mode " + preset
            + " is not a valid preset_mode: " + (presets == null ? "[]" : presets.encode()), "fan",
            "not_valid_preset_mode", new JsonObject().put("preset_mode", preset));
      }
      c.write(id, "on", a.put("preset_mode", preset));
    }).field("preset_mode", Field.string().req()));
    for (String[] step : new String[][] {{"increase_speed", "1"}, {"decrease_speed", "-1"}}) {
      s.register(ServiceDef.entity("fan", step[0], (c, id) -> {
        JsonObject a = c.attrs(id);
        int by = c.data.getInteger("percentage_step", (int) Math.round(a.getDouble("percentage_step", 25.0)));
        int pct = Math.max(0, Math.min(100, a.getInteger("percentage", 0) + Integer.parseInt(step[1]) * by));
        c.write(id, pct == 0 ? "off" : "on", a.put("percentage", pct));
      }).field("percentage_step", Field.integer(0, 100)));
    }
    s.register(ServiceDef.entity("fan", "oscillate", (c, id) -> c.write(id, c.state(id).state(),
        c.attrs(id).put("oscillating", c.data.getBoolean("oscillating")))).field("oscillating", Field.bool().req()));
  }

  private static void registerLock(Home home) {
    for (String[] pair : new String[][] {{"lock", "locked"}, {"unlock", "unlocked"}, {"open", "open"}}) {
      home.services.register(ServiceDef.entity("lock", pair[0], (c, id) -> {
        if (home.house.jammedLocks.contains(id)) {
          throw new ServiceError("home_assistant_error", c.name(id) + " is jammed", "lock", "jammed",
              new JsonObject().put("entity_id", id));
        }
        c.write(id, pair[1], c.attrs(id));
      }).field("code", Field.string()));
    }
  }

  private static void applyScene(CallContext c, String sceneId) {
    JsonObject members = c.home.house.scenes.getOrDefault(sceneId, new JsonObject());
    for (String entityId : members.fieldNames()) {
      if (!c.home.states.contains(entityId)) {
        continue;
      }
      Object spec = members.getValue(entityId);
      JsonObject wanted = spec instanceof JsonObject o ? o.copy() : new JsonObject().put("state", String.valueOf(spec));
      String state = String.valueOf(wanted.remove("state"));
      String domain = entityId.substring(0, entityId.indexOf('.'));
      String service = "on".equals(state) ? "turn_on" : "off".equals(state) ? "turn_off" : null;
      ServiceDef def = service == null ? null : c.home.services.find(domain, service);
      if (def != null) {
        JsonObject data = new JsonObject().put("entity_id", entityId);
        JsonObject rest = new JsonObject();
        wanted.forEach(e -> (def.fields.containsKey(e.getKey()) ? data : rest).put(e.getKey(), e.getValue()));
        c.callNested(domain, service, data);
        if (!rest.isEmpty()) {
          // Attributes the service cannot set (a TV's source) are reproduced directly, as reproduce_state would.
          c.write(entityId, c.state(entityId).state(), c.attrs(entityId).mergeIn(rest));
        }
      } else {
        c.write(entityId, state, c.attrs(entityId).mergeIn(wanted));
      }
    }
    c.write(sceneId, Ids.iso(Ids.nowMicros()), c.attrs(sceneId));
  }

  private static void registerScripts(Home home) {
    ServiceDef.EntityAction run = BasicDomains::runScript;
    home.services.register(ServiceDef.entity("script", "turn_on", run).field("variables", Field.any()));
    home.services.register(ServiceDef.entity("script", "turn_off", (c, id) ->
        c.write(id, "off", c.attrs(id).put("current", 0))));
    home.services.register(ServiceDef.entity("script", "toggle", run));
    for (String scriptId : home.house.scripts.keySet()) {
      String objectId = scriptId.substring("script.".length());
      home.services.register(ServiceDef.plain("script", objectId, c -> {
        runScript(c, scriptId);
        c.response.put("script_id", scriptId);
      }).field("variables", Field.any()).response(ServiceDef.Response.OPTIONAL));
    }
  }

  private static void runScript(CallContext c, String scriptId) {
    c.write(scriptId, "on", c.attrs(scriptId).put("last_triggered", Ids.iso(Ids.nowMicros())).put("current", 1));
    JsonArray steps = c.home.house.scripts.getOrDefault(scriptId, new JsonArray());
    int before = c.pending.size();
    for (Object o : steps) {
      if (o instanceof JsonObject step && step.getString("service") != null && step.getString("service")
          .contains(".")) {
        String[] ds = step.getString("service").split("\\.", 2);
        JsonObject data = step.getJsonObject("data", new JsonObject()).copy()
            .mergeIn(step.getJsonObject("target", new JsonObject()));
        c.callNested(ds[0], ds[1], data);
      }
    }
    Future<?> steps0 = Future.all(c.pending.subList(before, c.pending.size()));
    c.await(steps0.andThen(ar -> c.write(scriptId, "off", c.attrs(scriptId).put("current", 0))));
  }
}
