package io.harpou.testkit.ha.impl;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The {@code search/related} command for scripts, scenes and automations, as Home Assistant's {@code Searcher} answers
 * it: a script's referenced entities (service targets and data, activated scenes, conditions, inside choose, if and
 * parallel, but not repeat), devices and areas; nested scripts searched in full, scenes unwrapped; every entity,
 * device and area resolved up to its area, floor, config entry and integration; the item itself and empty kinds left
 * out. The literal {@code all} of a target is kept, as Home Assistant keeps it.
 */
final class Related {

  private static final Set<String> ITEM_TYPES = Set.of("area", "automation", "automation_blueprint", "config_entry",
      "device", "entity", "floor", "group", "integration", "label", "person", "scene", "script", "script_blueprint");
  private static final Set<String> EXIST_AS_ENTITY = Set.of("automation", "group", "person", "scene", "script");

  private final Home home;
  private final Map<String, Set<String>> results = new LinkedHashMap<>();
  /** Scripts already searched; Home Assistant would recurse for ever on a script that runs itself. */
  private final Set<String> searchedScripts = new LinkedHashSet<>();

  private Related(Home home) {
    this.home = home;
  }

  static void register(WsCommands commands, Home home) {
    commands.add("search/related", Set.of("item_type", "item_id"), Set.of("item_type", "item_id"), (s, id, m) -> {
      String type = WsCommands.typed(m, "item_type", String.class, "str");
      String item = WsCommands.typed(m, "item_id", String.class, "str");
      if (!ITEM_TYPES.contains(type)) {
        throw ServiceError.invalid("expected ItemType or one of '" + String.join("', '", ITEM_TYPES.stream()
            .sorted().toList()) + "' for dictionary value @ data['item_type']. Got " + Repr.of(type));
      }
      s.result(id, new Related(home).search(type, item));
    });
  }

  private JsonObject search(String type, String item) {
    switch (type) {
      case "script" -> searchScript(item);
      case "scene" -> searchScene(item);
      case "automation" -> resolveUpEntity(item);
      default -> {
      }
    }
    Set<String> same = results.get(type);
    if (same != null) {
      same.remove(item);
    }
    JsonObject out = new JsonObject();
    results.forEach((kind, ids) -> {
      if (!ids.isEmpty()) {
        out.put(kind, new JsonArray(ids.stream().toList()));
      }
    });
    return out;
  }

  private void add(String kind, String id) {
    if (id != null) {
      results.computeIfAbsent(kind, k -> new LinkedHashSet<>()).add(id);
    }
  }

  private void searchScript(String scriptId) {
    searchedScripts.add(scriptId);
    resolveUpEntity(scriptId);
    JsonArray sequence = home.house.scripts.get(scriptId);
    if (sequence == null) {
      return;
    }
    References refs = new References();
    refs.sequence(sequence);
    for (String area : refs.areas) {
      add("area", area);
      resolveUpArea(area);
    }
    for (String device : refs.devices) {
      add("device", device);
      resolveUpDevice(device);
    }
    for (String entity : refs.entities) {
      add("entity", entity);
      resolveUpEntity(entity);
      int dot = entity.indexOf('.');
      String domain = dot < 0 ? entity : entity.substring(0, dot);
      if (EXIST_AS_ENTITY.contains(domain)) {
        add(domain, entity);
      }
      if ("scene".equals(domain)) {
        for (String member : home.house.scenes.getOrDefault(entity, new JsonObject()).fieldNames()) {
          add("entity", member);
          resolveUpEntity(member);
        }
      }
      if ("script".equals(domain) && !searchedScripts.contains(entity)) {
        searchScript(entity);
      }
    }
  }

  private void searchScene(String sceneId) {
    resolveUpEntity(sceneId);
    home.house.scripts.forEach((scriptId, sequence) -> {
      References refs = new References();
      refs.sequence(sequence);
      if (refs.entities.contains(sceneId)) {
        add("script", scriptId);
      }
    });
    for (String member : home.house.scenes.getOrDefault(sceneId, new JsonObject()).fieldNames()) {
      add("entity", member);
      resolveUpEntity(member);
    }
  }

  private void resolveUpEntity(String entityId) {
    JsonObject entry = home.house.registries.entity(entityId);
    if (entry == null) {
      return;
    }
    String area = home.house.registries.areaOf(entityId);
    if (area != null) {
      add("area", area);
      resolveUpArea(area);
    }
    add("device", entry.getString("device_id"));
    add("config_entry", entry.getString("config_entry_id"));
    add("integration", entry.getString("platform"));
  }

  private void resolveUpDevice(String deviceId) {
    JsonObject device = home.house.registries.devices.get(deviceId);
    if (device == null) {
      return;
    }
    String area = device.getString("area_id");
    if (area != null) {
      add("area", area);
      resolveUpArea(area);
    }
    add("integration", device.getString("platform"));
  }

  private void resolveUpArea(String areaId) {
    JsonObject area = home.house.registries.areas.get(areaId);
    if (area != null) {
      add("floor", area.getString("floor_id"));
    }
  }

  /** What a script sequence refers to, by Home Assistant's {@code Script._find_referenced_*} rules. */
  private static final class References {
    final Set<String> entities = new LinkedHashSet<>();
    final Set<String> devices = new LinkedHashSet<>();
    final Set<String> areas = new LinkedHashSet<>();

    void sequence(JsonArray steps) {
      for (Object o : steps) {
        if (o instanceof JsonObject step) {
          step(step);
        }
      }
    }

    private void step(JsonObject step) {
      if (step.containsKey("service") || step.containsKey("action")) {
        for (Object data : new Object[] {step, step.getValue("target"), step.getValue("data"),
            step.getValue("data_template")}) {
          extract(data, "entity_id", entities);
          extract(data, "device_id", devices);
          extract(data, "area_id", areas);
        }
      } else if (step.containsKey("scene")) {
        entities.add(step.getString("scene"));
      } else if (step.containsKey("condition")) {
        condition(step);
      } else if (step.containsKey("device_id")) {
        devices.add(step.getString("device_id"));
      } else if (step.getValue("choose") instanceof JsonArray choices) {
        for (Object c : choices) {
          if (c instanceof JsonObject choice) {
            conditions(choice.getValue("conditions"));
            sequence(choice.getJsonArray("sequence", new JsonArray()));
          }
        }
        if (step.getValue("default") instanceof JsonArray otherwise) {
          sequence(otherwise);
        }
      } else if (step.containsKey("if")) {
        conditions(step.getValue("if"));
        sequence(step.getJsonArray("then", new JsonArray()));
        if (step.getValue("else") instanceof JsonArray otherwise) {
          sequence(otherwise);
        }
      } else if (step.getValue("parallel") instanceof JsonArray branches) {
        for (Object b : branches) {
          if (b instanceof JsonObject branch) {
            sequence(branch.getJsonArray("sequence", new JsonArray().add(branch)));
          }
        }
      }
    }

    private void conditions(Object value) {
      if (value instanceof JsonArray list) {
        list.forEach(this::conditions);
      } else if (value instanceof JsonObject condition) {
        condition(condition);
      }
    }

    /** A condition's entities and devices, through {@code and}, {@code or} and {@code not}. */
    private void condition(JsonObject condition) {
      extract(condition, "entity_id", entities);
      extract(condition, "device_id", devices);
      conditions(condition.getValue("conditions"));
    }

    private static void extract(Object data, String key, Set<String> found) {
      if (!(data instanceof JsonObject json)) {
        return;
      }
      Object ids = json.getValue(key);
      if (ids instanceof String single) {
        found.add(single);
      } else if (ids instanceof JsonArray list) {
        list.forEach(id -> found.add(String.valueOf(id)));
      }
    }
  }
}
