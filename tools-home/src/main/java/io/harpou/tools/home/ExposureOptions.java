package io.harpou.tools.home;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the household shows to Harpou: exposed and protected domains, protected device classes, and includes and
 * excludes by area and by entity. An entity exclude beats an entity include, which beats the area and domain rules.
 */
public class ExposureOptions {

  /**
   * Domains exposed by default: what Home Assistant exposes to Assist for its intents (lights, switches, fans, covers,
   * valves, thermostats, humidifiers, media players, vacuums, lawn mowers, lists, scenes, weather), plus sensors,
   * scripts, cameras and people for questions.
   */
  public static final List<String> DEFAULT_DOMAINS = List.of("light", "switch", "fan", "cover", "valve", "climate",
      "humidifier", "media_player", "vacuum", "lawn_mower", "sensor", "binary_sensor", "scene", "script", "todo",
      "camera", "weather", "person");
  /** Domains exposed as protected by default. */
  public static final List<String> DEFAULT_PROTECTED_DOMAINS = List.of("lock", "alarm_control_panel");
  /** Cover device classes exposed as protected by default. */
  public static final List<String> DEFAULT_PROTECTED_DEVICE_CLASSES = List.of("garage", "gate");

  private Set<String> domains = new LinkedHashSet<>(DEFAULT_DOMAINS);
  private Set<String> protectedDomains = new LinkedHashSet<>(DEFAULT_PROTECTED_DOMAINS);
  private Set<String> protectedDeviceClasses = new LinkedHashSet<>(DEFAULT_PROTECTED_DEVICE_CLASSES);
  private Set<String> includeAreas = new LinkedHashSet<>();
  private Set<String> excludeAreas = new LinkedHashSet<>();
  private Set<String> includeEntities = new LinkedHashSet<>();
  private Set<String> excludeEntities = new LinkedHashSet<>();
  private Set<String> protectedEntities = new LinkedHashSet<>();

  /** Options with the defaults. */
  public ExposureOptions() {
  }

  /** A copy of {@code other}: changing one leaves the other as it was. */
  public ExposureOptions(ExposureOptions other) {
    this(other.toJson());
  }

  /**
   * Options from JSON; keys {@code domains, protected_domains, protected_device_classes, include_areas,
   * exclude_areas, include_entities, exclude_entities, protected_entities} (lists of strings), plus
   * {@code extra_domains} added to the default domains. Unknown keys are ignored.
   */
  public ExposureOptions(JsonObject json) {
    this();
    domains = read(json, "domains", domains);
    domains.addAll(read(json, "extra_domains", Set.of()));
    protectedDomains = read(json, "protected_domains", protectedDomains);
    protectedDeviceClasses = read(json, "protected_device_classes", protectedDeviceClasses);
    includeAreas = read(json, "include_areas", includeAreas);
    excludeAreas = read(json, "exclude_areas", excludeAreas);
    includeEntities = read(json, "include_entities", includeEntities);
    excludeEntities = read(json, "exclude_entities", excludeEntities);
    protectedEntities = read(json, "protected_entities", protectedEntities);
  }

  private static Set<String> read(JsonObject json, String key, Set<String> fallback) {
    JsonArray array = json == null ? null : json.getJsonArray(key);
    if (array == null) {
      return new LinkedHashSet<>(fallback);
    }
    Set<String> out = new LinkedHashSet<>();
    array.forEach(v -> out.add(String.valueOf(v)));
    return out;
  }

  /** Exposed domains. */
  public Set<String> getDomains() {
    return domains;
  }

  /** Sets the exposed domains. */
  public ExposureOptions setDomains(Set<String> value) {
    domains = new LinkedHashSet<>(value);
    return this;
  }

  /** Domains exposed as protected. */
  public Set<String> getProtectedDomains() {
    return protectedDomains;
  }

  /** Sets the domains exposed as protected. */
  public ExposureOptions setProtectedDomains(Set<String> value) {
    protectedDomains = new LinkedHashSet<>(value);
    return this;
  }

  /** Cover device classes exposed as protected. */
  public Set<String> getProtectedDeviceClasses() {
    return protectedDeviceClasses;
  }

  /** Sets the cover device classes exposed as protected. */
  public ExposureOptions setProtectedDeviceClasses(Set<String> value) {
    protectedDeviceClasses = new LinkedHashSet<>(value);
    return this;
  }

  /** Areas (ids) to which exposure is limited; empty means every area. */
  public Set<String> getIncludeAreas() {
    return includeAreas;
  }

  /** Limits exposure to these areas (ids); empty means every area. */
  public ExposureOptions setIncludeAreas(Set<String> value) {
    includeAreas = new LinkedHashSet<>(value);
    return this;
  }

  /** Areas (ids) whose entities are hidden. */
  public Set<String> getExcludeAreas() {
    return excludeAreas;
  }

  /** Hides the entities of these areas (ids). */
  public ExposureOptions setExcludeAreas(Set<String> value) {
    excludeAreas = new LinkedHashSet<>(value);
    return this;
  }

  /** Entities exposed whatever their domain or area. */
  public Set<String> getIncludeEntities() {
    return includeEntities;
  }

  /** Exposes these entities whatever their domain or area. */
  public ExposureOptions setIncludeEntities(Set<String> value) {
    includeEntities = new LinkedHashSet<>(value);
    return this;
  }

  /** Entities always hidden. */
  public Set<String> getExcludeEntities() {
    return excludeEntities;
  }

  /** Always hides these entities. */
  public ExposureOptions setExcludeEntities(Set<String> value) {
    excludeEntities = new LinkedHashSet<>(value);
    return this;
  }

  /** Entities always protected when visible. */
  public Set<String> getProtectedEntities() {
    return protectedEntities;
  }

  /** Protects these entities when visible. */
  public ExposureOptions setProtectedEntities(Set<String> value) {
    protectedEntities = new LinkedHashSet<>(value);
    return this;
  }

  /** The JSON form. */
  public JsonObject toJson() {
    return new JsonObject()
        .put("domains", new JsonArray(List.copyOf(domains)))
        .put("protected_domains", new JsonArray(List.copyOf(protectedDomains)))
        .put("protected_device_classes", new JsonArray(List.copyOf(protectedDeviceClasses)))
        .put("include_areas", new JsonArray(List.copyOf(includeAreas)))
        .put("exclude_areas", new JsonArray(List.copyOf(excludeAreas)))
        .put("include_entities", new JsonArray(List.copyOf(includeEntities)))
        .put("exclude_entities", new JsonArray(List.copyOf(excludeEntities)))
        .put("protected_entities", new JsonArray(List.copyOf(protectedEntities)));
  }
}
