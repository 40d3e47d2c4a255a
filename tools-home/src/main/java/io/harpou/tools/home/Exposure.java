package io.harpou.tools.home;

/** How far an entity is shown to the matcher, the tools and the model. */
public enum Exposure {
  /** The entity does not exist for Harpou. */
  HIDDEN,
  /** The entity can be read and acted on by ordinary tools. */
  EXPOSED,
  /** The entity can be read, and acted on only through tools whose risk is PROTECTED (they need a confirmation). */
  PROTECTED;

  /** True unless hidden. */
  public boolean visible() {
    return this != HIDDEN;
  }
}
