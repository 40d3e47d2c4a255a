package io.harpou.testkit.ha.impl;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/** What a running service call sees: its validated data, its context, the home, and where to put responses. */
final class CallContext {

  final String domain;
  final String service;
  final JsonObject data;
  final HaContext context;
  final Home home;
  final boolean returnResponse;
  final JsonObject response = new JsonObject();
  final List<Future<?>> pending = new ArrayList<>();

  CallContext(String domain, String service, JsonObject data, HaContext context, Home home,
              boolean returnResponse) {
    this.domain = domain;
    this.service = service;
    this.data = data;
    this.context = context;
    this.home = home;
    this.returnResponse = returnResponse;
  }

  Vertx vertx() {
    return home.vertx;
  }

  EntityState state(String entityId) {
    return home.states.get(entityId);
  }

  /** A copy of the entity's attributes to modify and write back. */
  JsonObject attrs(String entityId) {
    EntityState s = home.states.get(entityId);
    return s == null ? new JsonObject() : s.attributes().copy();
  }

  void write(String entityId, String state, JsonObject attributes) {
    home.states.set(entityId, state, attributes, context, false);
  }

  String name(String entityId) {
    EntityState s = home.states.get(entityId);
    String friendly = s == null ? null : s.attributes().getString("friendly_name");
    return friendly == null ? entityId : friendly;
  }

  /** Waits for this before the call completes (Home Assistant service calls from clients are blocking). */
  void await(Future<?> future) {
    pending.add(future);
  }

  /** Runs another service as part of this call, with this call's context (scenes, scripts, homeassistant.*). */
  void callNested(String domain, String service, JsonObject data) {
    pending.add(home.services.call(domain, service, data, context, false, "internal"));
  }
}
