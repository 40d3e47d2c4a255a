package io.harpou.tools.home.impl;

import io.harpou.tools.home.Exposure;
import io.harpou.tools.home.ExposureOptions;
import io.harpou.tools.home.ExposurePolicy;
import java.util.Set;

/** The exposure rules of {@link ExposureOptions}, copied at creation. */
public final class ExposurePolicyImpl implements ExposurePolicy {

  private final Set<String> domains;
  private final Set<String> protectedDomains;
  private final Set<String> protectedDeviceClasses;
  private final Set<String> includeAreas;
  private final Set<String> excludeAreas;
  private final Set<String> includeEntities;
  private final Set<String> excludeEntities;
  private final Set<String> protectedEntities;

  /** Copies the options. */
  public ExposurePolicyImpl(ExposureOptions options) {
    domains = Set.copyOf(options.getDomains());
    protectedDomains = Set.copyOf(options.getProtectedDomains());
    protectedDeviceClasses = Set.copyOf(options.getProtectedDeviceClasses());
    includeAreas = Set.copyOf(options.getIncludeAreas());
    excludeAreas = Set.copyOf(options.getExcludeAreas());
    includeEntities = Set.copyOf(options.getIncludeEntities());
    excludeEntities = Set.copyOf(options.getExcludeEntities());
    protectedEntities = Set.copyOf(options.getProtectedEntities());
  }

  @Override
  public Exposure classify(String entityId, String areaId, String deviceClass, boolean disabled) {
    if (entityId == null || excludeEntities.contains(entityId)) {
      return Exposure.HIDDEN;
    }
    int dot = entityId.indexOf('.');
    String domain = dot > 0 ? entityId.substring(0, dot) : entityId;
    boolean isProtected = protectedEntities.contains(entityId) || protectedDomains.contains(domain)
        || ("cover".equals(domain) && deviceClass != null && protectedDeviceClasses.contains(deviceClass));
    if (includeEntities.contains(entityId)) {
      return isProtected ? Exposure.PROTECTED : Exposure.EXPOSED;
    }
    if (disabled) {
      return Exposure.HIDDEN;
    }
    if (areaId != null && excludeAreas.contains(areaId)) {
      return Exposure.HIDDEN;
    }
    if (!includeAreas.isEmpty() && (areaId == null || !includeAreas.contains(areaId))) {
      return Exposure.HIDDEN;
    }
    if (!domains.contains(domain) && !protectedDomains.contains(domain)) {
      return Exposure.HIDDEN;
    }
    return isProtected ? Exposure.PROTECTED : Exposure.EXPOSED;
  }
}
