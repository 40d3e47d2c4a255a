package io.harpou.tools.home.impl;

import io.harpou.bridge.api.home.Area;
import io.harpou.bridge.api.home.Device;
import io.harpou.bridge.api.home.EntityEntry;
import io.harpou.bridge.api.home.EntityState;
import io.harpou.bridge.api.home.Floor;
import io.harpou.bridge.api.home.HomeGateway;
import io.harpou.tools.home.Exposure;
import io.harpou.tools.home.ExposurePolicy;
import io.harpou.tools.home.HomeEntity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An immutable snapshot of the visible entities, indexed by id, name key, word, area and domain, with every area and
 * floor of the registries (an area holding nothing visible is still a place people name).
 */
final class HomeIndex {

  final List<HomeEntity> entities;
  final Map<String, HomeEntity> byId = new HashMap<>();
  final Map<String, List<HomeEntity>> byName = new HashMap<>();
  final Map<String, List<HomeEntity>> byWord = new HashMap<>();
  final Map<String, List<HomeEntity>> byArea = new HashMap<>();
  final Map<String, List<HomeEntity>> byDomain = new HashMap<>();
  final Map<String, Area> areasByKey = new HashMap<>();
  final Map<String, Area> areasById = new LinkedHashMap<>();
  final Map<HomeEntity, Set<String>> nameKeys = new HashMap<>();
  /** Per entity id, the words of each of its name keys, split once here rather than at every lookup. */
  final Map<String, String[][]> nameWords = new HashMap<>();
  /** Per area id, its entities by domain. */
  final Map<String, Map<String, List<HomeEntity>>> byAreaDomain = new HashMap<>();
  /** Per entity id, its position in {@link #entities}, to merge per-domain lists in a stable order. */
  final Map<String, Integer> ordinal = new HashMap<>();
  /** The first word of every area key, to skip impossible spans quickly. */
  final Set<String> areaFirstWords = new java.util.HashSet<>();
  int longestAreaKey = 1;
  final Map<String, Floor> floorsById = new LinkedHashMap<>();
  final Map<String, Floor> floorsByKey = new HashMap<>();
  final Set<String> floorFirstWords = new java.util.HashSet<>();
  int longestFloorKey = 1;
  /** Media players of Music Assistant, which plays by name through {@code music_assistant.play_media}. */
  final Set<String> musicAssistant = new java.util.HashSet<>();
  /** Area and floor keys to how they are written, to offer a place back as the household spells it. */
  final Map<String, String> placeNames = new HashMap<>();
  /** Every word of an area or floor name or alias, for telling a misheard place from a device name. */
  final Set<String> placeWords = new java.util.HashSet<>();

  private HomeIndex(List<HomeEntity> entities) {
    this.entities = entities;
  }

  static HomeIndex build(HomeGateway gateway, ExposurePolicy policy) {
    Map<String, EntityEntry> entries = new HashMap<>();
    for (EntityEntry e : gateway.entities()) {
      entries.put(e.entityId(), e);
    }
    Map<String, Device> devices = new HashMap<>();
    for (Device d : gateway.devices()) {
      devices.put(d.deviceId(), d);
    }
    Map<String, Area> areas = new HashMap<>();
    for (Area a : gateway.areas()) {
      areas.put(a.areaId(), a);
    }
    List<HomeEntity> visible = new ArrayList<>();
    for (EntityState state : gateway.states()) {
      EntityEntry entry = entries.get(state.entityId());
      String areaId = entry == null ? null : entry.areaId();
      if (areaId == null && entry != null && entry.deviceId() != null && devices.containsKey(entry.deviceId())) {
        areaId = devices.get(entry.deviceId()).areaId();
      }
      Area area = areaId == null ? null : areas.get(areaId);
      String deviceClass = entry != null && entry.deviceClass() != null ? entry.deviceClass()
          : state.attributes().getString("device_class");
      Exposure exposure = policy.classify(state.entityId(), areaId, deviceClass, entry != null && entry.disabled());
      if (!exposure.visible()) {
        continue;
      }
      String name = entry != null && entry.name() != null ? entry.name() : state.friendlyName();
      List<String> aliases = new ArrayList<>();
      if (entry != null) {
        aliases.addAll(entry.aliases());
        if (!state.friendlyName().equals(name)) {
          aliases.add(state.friendlyName());
        }
      }
      visible.add(new HomeEntity(state.entityId(), name, aliases, areaId, area == null ? null : area.name(),
          deviceClass, exposure));
    }
    HomeIndex index = new HomeIndex(Collections.unmodifiableList(visible));
    for (HomeEntity e : visible) {
      EntityEntry entry = entries.get(e.entityId());
      if (entry != null && "music_assistant".equals(entry.platform())) {
        index.musicAssistant.add(e.entityId());
      }
    }
    for (Floor f : gateway.floors()) {
      index.addFloor(f);
    }
    for (Area a : gateway.areas()) {
      index.addArea(a);
    }
    for (HomeEntity e : visible) {
      index.add(e, areas.get(e.areaId()));
    }
    return index;
  }

  private void add(HomeEntity e, Area area) {
    byId.put(e.entityId(), e);
    byDomain.computeIfAbsent(e.domain(), k -> new ArrayList<>()).add(e);
    Set<String> keys = new LinkedHashSet<>();
    keys.add(Text.key(e.name()));
    for (String alias : e.aliases()) {
      keys.add(Text.key(alias));
    }
    keys.remove("");
    nameKeys.put(e, keys);
    String[][] split = new String[keys.size()][];
    int at = 0;
    for (String key : keys) {
      split[at++] = key.split(" ");
    }
    nameWords.put(e.entityId(), split);
    ordinal.put(e.entityId(), ordinal.size());
    Set<String> words = new LinkedHashSet<>();
    for (String key : keys) {
      byName.computeIfAbsent(key, k -> new ArrayList<>(1)).add(e);
      Collections.addAll(words, key.split(" "));
    }
    // The object id helps partial matches only: as an exact name it would turn "kitchen" into light.kitchen.
    for (String w : Text.key(e.entityId().substring(e.entityId().indexOf('.') + 1)).split(" ")) {
      if (!w.isEmpty()) {
        words.add(w);
      }
    }
    for (String w : words) {
      byWord.computeIfAbsent(w, k -> new ArrayList<>()).add(e);
    }
    if (area != null) {
      byArea.computeIfAbsent(area.areaId(), k -> new ArrayList<>()).add(e);
      byAreaDomain.computeIfAbsent(area.areaId(), k -> new HashMap<>())
          .computeIfAbsent(e.domain(), k -> new ArrayList<>()).add(e);
      addArea(area);
    }
  }

  private void addArea(Area area) {
    if (!areasById.containsKey(area.areaId())) {
      areasById.put(area.areaId(), area);
      addAreaKey(area.areaId(), area);
      addAreaKey(area.name(), area);
      area.aliases().forEach(alias -> addAreaKey(alias, area));
    }
  }

  private void addAreaKey(String text, Area area) {
    String key = Text.key(text.replace('_', ' '));
    if (!key.isEmpty()) {
      areasByKey.putIfAbsent(key, area);
      if (!text.equals(area.areaId())) {
        placeNames.putIfAbsent(key, text);
      }
      int space = key.indexOf(' ');
      areaFirstWords.add(space < 0 ? key : key.substring(0, space));
      Collections.addAll(placeWords, key.split(" "));
      longestAreaKey = Math.max(longestAreaKey, key.split(" ").length);
    }
  }

  private void addFloor(Floor floor) {
    floorsById.put(floor.floorId(), floor);
    List<String> names = new ArrayList<>(floor.aliases());
    names.add(floor.name());
    for (String name : names) {
      String key = Text.key(name);
      if (!key.isEmpty()) {
        floorsByKey.putIfAbsent(key, floor);
        placeNames.putIfAbsent(key, name);
        int space = key.indexOf(' ');
        floorFirstWords.add(space < 0 ? key : key.substring(0, space));
        Collections.addAll(placeWords, key.split(" "));
        longestFloorKey = Math.max(longestFloorKey, key.split(" ").length);
      }
    }
  }

  /** The areas on {@code floorId}. */
  List<Area> areasOn(String floorId) {
    List<Area> out = new ArrayList<>();
    for (Area a : areasById.values()) {
      if (floorId.equals(a.floorId())) {
        out.add(a);
      }
    }
    return out;
  }

  /** The floor of an area, or null. */
  Floor floorOf(String areaId) {
    Area area = areaId == null ? null : areasById.get(areaId);
    return area == null || area.floorId() == null ? null : floorsById.get(area.floorId());
  }

  /** True when some visible entity is in {@code areaId}. */
  boolean hasEntities(String areaId) {
    return byArea.containsKey(areaId);
  }

  /** An area by id, name or alias. */
  Area area(String idOrName) {
    if (idOrName == null) {
      return null;
    }
    Area byIdHit = areasById.get(idOrName);
    return byIdHit != null ? byIdHit : areasByKey.get(Text.key(idOrName));
  }

  List<HomeEntity> inArea(String areaId) {
    return byArea.getOrDefault(areaId, List.of());
  }

  List<HomeEntity> ofDomain(String domain) {
    return byDomain.getOrDefault(domain, List.of());
  }

  /** The entities of {@code areaId} in {@code domains} (every domain when empty), in index order. */
  List<HomeEntity> inArea(String areaId, Set<String> domains) {
    if (domains.isEmpty()) {
      return inArea(areaId);
    }
    Map<String, List<HomeEntity>> perDomain = byAreaDomain.get(areaId);
    return perDomain == null ? List.of() : merge(perDomain, domains);
  }

  /** The entities of {@code domains} anywhere, in index order. */
  List<HomeEntity> ofDomains(Set<String> domains) {
    return merge(byDomain, domains);
  }

  private List<HomeEntity> merge(Map<String, List<HomeEntity>> perDomain, Set<String> domains) {
    List<HomeEntity> only = null;
    int lists = 0;
    int size = 0;
    for (String d : domains) {
      List<HomeEntity> l = perDomain.get(d);
      if (l != null && !l.isEmpty()) {
        only = l;
        lists++;
        size += l.size();
      }
    }
    if (lists <= 1) {
      return only == null ? List.of() : only;
    }
    List<HomeEntity> out = new ArrayList<>(size);
    for (String d : domains) {
      out.addAll(perDomain.getOrDefault(d, List.of()));
    }
    out.sort((a, b) -> Integer.compare(ordinal.get(a.entityId()), ordinal.get(b.entityId())));
    return out;
  }

  /** The names and aliases of {@code e}, as written. */
  List<String> nameTexts(HomeEntity e) {
    List<String> out = new ArrayList<>(e.aliases().size() + 1);
    out.add(e.name());
    out.addAll(e.aliases());
    return out;
  }

  /** True when one of {@code e}'s names holds every word of {@code words}. */
  boolean nameHasAll(HomeEntity e, List<String> words) {
    for (String[] name : nameWords.get(e.entityId())) {
      if (containsAll(name, words)) {
        return true;
      }
    }
    return false;
  }

  private static boolean containsAll(String[] name, List<String> words) {
    for (String w : words) {
      boolean found = false;
      for (String n : name) {
        if (n.equals(w)) {
          found = true;
          break;
        }
      }
      if (!found) {
        return false;
      }
    }
    return true;
  }
}
