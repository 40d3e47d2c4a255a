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
  /** weather entity id → forecast type ({@code daily}, {@code hourly}, {@code twice_daily}) → forecast entries. */
  final Map<String, JsonObject> forecasts = new LinkedHashMap<>();
  /** vacuum entity id → the area ids its room map covers (Home Assistant keeps this in the entity's options). */
  final Map<String, java.util.Set<String>> vacuumAreas = new LinkedHashMap<>();
  /** alarm panel entity id → its code, kept out of the state as Home Assistant keeps it in the integration. */
  final Map<String, String> alarmCodes = new LinkedHashMap<>();
  /** What media players can find with {@code search_media}: BrowseMedia items with an optional {@code artist}. */
  final List<JsonObject> mediaLibrary = new CopyOnWriteArrayList<>();
  final java.util.Set<String> jammedLocks = java.util.concurrent.ConcurrentHashMap.newKeySet();
  String locationName = "Home";
  double latitude = 48.8566;
  double longitude = 2.3522;
  String timeZone = "Europe/Paris";
  String country = "FR";
  String language = "en";
  String currency = "EUR";
}
