package io.harpou.bridge.api.tool;

/**
 * How much harm a tool can do, which decides what the policy asks before it runs. The policy is enforced in one place,
 * where tools execute; a tool only declares its level.
 */
public enum Risk {
  /** Reads state; runs freely. */
  READ,
  /** Changes something harmless in the home (a light, a list); runs freely and is audited. */
  ACT,
  /** Acts on the physical security of the home (locks, alarms, garage doors); needs an explicit confirmation. */
  PROTECTED,
  /** Acts on the host (processes, files); refused unless explicitly enabled. */
  DANGEROUS;

  /** The lower-case name used in JSON and configuration. */
  public String jsonName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Parses a name in any case. */
  public static Risk fromJson(String name) {
    return valueOf(name.toUpperCase(java.util.Locale.ROOT));
  }
}
