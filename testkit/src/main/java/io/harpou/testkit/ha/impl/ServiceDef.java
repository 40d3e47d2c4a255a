package io.harpou.testkit.ha.impl;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.LinkedHashMap;
import java.util.Map;

/** A registered service: its schema, whether it targets entities, its response mode and what it does. */
final class ServiceDef {

  enum Response { NONE, OPTIONAL, ONLY }

  /** Acts on one resolved entity. */
  @FunctionalInterface
  interface EntityAction {
    void apply(CallContext call, String entityId);
  }

  /** Acts once, whatever the target. */
  @FunctionalInterface
  interface Action {
    void apply(CallContext call);
  }

  static final java.util.Set<String> TARGET_KEYS =
      java.util.Set.of("entity_id", "device_id", "area_id", "floor_id", "label_id");

  final String domain;
  final String service;
  final Map<String, Field> fields = new LinkedHashMap<>();
  boolean entityService;
  /** Domains whose entities this service acts on (null = its own domain; empty = any domain). */
  java.util.Set<String> targetDomains;
  Response response = Response.NONE;
  EntityAction entityAction;
  Action action;
  /** The description of a service copied from a real Home Assistant, which accepts any data; null otherwise. */
  JsonObject copied;

  private ServiceDef(String domain, String service) {
    this.domain = domain;
    this.service = service;
  }

  static ServiceDef entity(String domain, String service, EntityAction action) {
    ServiceDef def = new ServiceDef(domain, service);
    def.entityService = true;
    def.entityAction = action;
    return def;
  }

  static ServiceDef plain(String domain, String service, Action action) {
    ServiceDef def = new ServiceDef(domain, service);
    def.action = action;
    return def;
  }

  /**
   * A service copied with a house from a real Home Assistant that the virtual home does not implement: it is
   * described as Home Assistant described it, takes any data, is recorded, and changes nothing, so a household can
   * rehearse calling it without touching a device.
   */
  static ServiceDef copied(String domain, String service, JsonObject description) {
    boolean targeted = description.containsKey("target");
    ServiceDef def = targeted ? entity(domain, service, (c, id) -> { }).anyDomain() : plain(domain, service, c -> { });
    def.copied = description.copy();
    JsonObject response = description.getJsonObject("response");
    if (response != null) {
      def.response = response.getBoolean("optional", true) ? Response.OPTIONAL : Response.ONLY;
    }
    return def;
  }

  ServiceDef field(String name, Field field) {
    fields.put(name, field);
    return this;
  }

  ServiceDef response(Response mode) {
    this.response = mode;
    return this;
  }

  ServiceDef anyDomain() {
    this.targetDomains = java.util.Set.of();
    return this;
  }

  /** Acts on the entities of {@code entityDomain} rather than its own (Music Assistant on media players). */
  ServiceDef onDomain(String entityDomain) {
    this.targetDomains = java.util.Set.of(entityDomain);
    return this;
  }

  /** Validates and coerces service data (target already merged), as the service schema would. */
  JsonObject validate(JsonObject data) {
    if (copied != null) {
      JsonObject out = data.copy();
      if (entityService) {
        TARGET_KEYS.stream().filter(out::containsKey)
            .forEach(key -> out.put(key, Targets.toList(key, out.getValue(key))));
      }
      return out;
    }
    JsonObject out = new JsonObject();
    for (String key : data.fieldNames()) {
      Object value = data.getValue(key);
      if (entityService && TARGET_KEYS.contains(key)) {
        out.put(key, Targets.toList(key, value));
        continue;
      }
      Field field = fields.get(key);
      if (field == null) {
        throw ServiceError.invalid("extra keys not allowed @ data['" + key + "']");
      }
      try {
        out.put(key, field.check().apply(value));
      } catch (IllegalArgumentException e) {
        throw ServiceError.invalid(e.getMessage() + " for dictionary value @ data['" + key + "']");
      }
    }
    for (Map.Entry<String, Field> e : fields.entrySet()) {
      if (e.getValue().required() && !out.containsKey(e.getKey())) {
        throw ServiceError.invalid("required key not provided @ data['" + e.getKey() + "']");
      }
    }
    return out;
  }

  /** The {@code get_services} description of this service. */
  JsonObject describe() {
    if (copied != null) {
      return copied.copy();
    }
    JsonObject f = new JsonObject();
    fields.forEach((name, field) -> f.put(name, field.describe(name)));
    JsonObject json = new JsonObject().put("name", service.replace('_', ' ')).put("description", "").put("fields", f);
    if (entityService) {
      JsonObject entity = new JsonObject();
      if (targetDomains == null) {
        entity.put("domain", new JsonArray().add(domain));
      } else if (!targetDomains.isEmpty()) {
        entity.put("domain", new JsonArray(new java.util.ArrayList<>(targetDomains)));
      }
      json.put("target", new JsonObject().put("entity", new JsonArray().add(entity)));
    }
    if (response != Response.NONE) {
      json.put("response", new JsonObject().put("optional", response == Response.OPTIONAL));
    }
    return json;
  }
}
