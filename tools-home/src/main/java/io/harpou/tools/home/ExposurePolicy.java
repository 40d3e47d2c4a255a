package io.harpou.tools.home;

import io.harpou.tools.home.impl.ExposurePolicyImpl;

/** Decides, entity by entity, what Harpou may see and touch. */
public interface ExposurePolicy {

  /** A policy applying {@code options}. */
  static ExposurePolicy create(ExposureOptions options) {
    return new ExposurePolicyImpl(options == null ? new ExposureOptions() : options);
  }

  /**
   * Classifies one entity.
   *
   * @param entityId the entity
   * @param areaId its area (own or device's), or null
   * @param deviceClass its device class from the registry or the state attributes, or null
   * @param disabled true when the registry says it is disabled
   */
  Exposure classify(String entityId, String areaId, String deviceClass, boolean disabled);
}
