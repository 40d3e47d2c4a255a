package io.harpou.testkit.ha.impl;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Everything the virtual home knows beyond states: registries, scene and script definitions, to-do items. */
final class House {

  final Registries registries = new Registries();
  /** scene entity id → {entity id → {"state":…, attributes…}}. */
  final Map<String, JsonObject> scenes = new LinkedHashMap<>();
  /** script entity id → list of {"service":"d.s","target":{…},"data":{…}}. */
  final Map<String, JsonArray> scripts = new LinkedHashMap<>();
  /** to-do entity id → items {"summary","uid","status"[,"description","due"]}. */
  final Map<String, List<JsonObject>> todoItems = new LinkedHashMap<>();
  /** Services copied from a real Home Assistant ({@code get_services}' shape), served when not implemented here. */
  JsonObject copiedServices = new JsonObject();
  final List<JsonObject> notifications = new CopyOnWriteArrayList<>();
  final java.util.Set<String> jammedLocks = java.util.concurrent.ConcurrentHashMap.newKeySet();
  String locationName = "Home";
  double latitude = 48.8566;
  double longitude = 2.3522;
  String timeZone = "Europe/Paris";
  String country = "FR";
  String language = "en";
  String currency = "EUR";
}
