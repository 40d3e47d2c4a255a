package io.harpou.tools.home;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One visible entity with what people call it and where it is.
 *
 * @param entityId for example {@code light.kitchen}
 * @param name the name people use (registry name, else friendly name, else the object id)
 * @param aliases other names, in any language
 * @param areaId the area (own or device's), or null
 * @param areaName the area's name, or null
 * @param deviceClass the device class, or null
 * @param exposure EXPOSED or PROTECTED (hidden entities are never represented)
 */
public record HomeEntity(String entityId, String name, List<String> aliases, String areaId, String areaName,
                         String deviceClass, Exposure exposure) {

  /** Validates the id and exposure and copies the aliases. */
  public HomeEntity {
    Objects.requireNonNull(entityId, "entityId");
    if (entityId.indexOf('.') <= 0) {
      throw new IllegalArgumentException("entity id must be domain.object_id: " + entityId);
    }
    if (exposure == null || exposure == Exposure.HIDDEN) {
      throw new IllegalArgumentException("a home entity is visible: " + entityId);
    }
    name = name == null || name.isBlank() ? entityId : name;
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
  }

  /** The domain, for example {@code light}. */
  public String domain() {
    return entityId.substring(0, entityId.indexOf('.'));
  }

  /** True when only PROTECTED tools may act on it. */
  public boolean isProtected() {
    return exposure == Exposure.PROTECTED;
  }

  /**
   * The name to say in {@code language}: for French, an alias that reads as French when there is one, otherwise the
   * name.
   */
  public String displayName(String language) {
    if (language != null && language.toLowerCase(Locale.ROOT).startsWith("fr")) {
      for (String alias : aliases) {
        if (readsFrench(alias)) {
          return alias;
        }
      }
    }
    return name;
  }

  private static boolean readsFrench(String text) {
    String t = " " + text.toLowerCase(Locale.ROOT) + " ";
    return t.matches(".*[éèêàùçôî].*") || t.contains(" de ") || t.contains(" du ") || t.contains(" des ")
        || t.contains(" la ") || t.contains(" le ") || t.contains(" les ") || t.contains(" l'") || t.contains(" d'");
  }
}
