package io.harpou.bridge.vertx.agent;

import io.harpou.bridge.api.Json;
import io.harpou.bridge.api.agent.Channel;
import io.harpou.bridge.api.tool.Risk;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the tool policy asks before a call runs. READ and ACT run; PROTECTED (the tool's own risk, a tool name listed
 * here, or a service call reaching an entity of a protected domain or a cover of a protected device class) waits for
 * a confirmation; DANGEROUS is refused unless enabled. A channel may deny a risk level entirely.
 *
 * <pre>{@code
 * {"protected_tools": ["open_garage"], "protected_domains": ["lock", "alarm_control_panel"],
 *  "protected_device_classes": ["garage", "gate"], "dangerous_enabled": false, "confirmation_timeout_ms": 30000,
 *  "channels": {"satellite": {"deny": ["protected"]}}}
 * }</pre>
 */
public final class PolicyOptions {

  /** Domains whose entities are PROTECTED whatever tool acts on them. */
  public static final List<String> DEFAULT_PROTECTED_DOMAINS = List.of("lock", "alarm_control_panel");
  /** Cover device classes whose entities are PROTECTED whatever tool acts on them. */
  public static final List<String> DEFAULT_PROTECTED_DEVICE_CLASSES = List.of("garage", "gate");
  /** How long a confirmation question stays open. */
  public static final long DEFAULT_CONFIRMATION_TIMEOUT_MS = 30_000;

  private Set<String> protectedTools = new LinkedHashSet<>();
  private Set<String> protectedDomains = new LinkedHashSet<>(DEFAULT_PROTECTED_DOMAINS);
  private Set<String> protectedDeviceClasses = new LinkedHashSet<>(DEFAULT_PROTECTED_DEVICE_CLASSES);
  private boolean dangerousEnabled;
  private long confirmationTimeoutMs = DEFAULT_CONFIRMATION_TIMEOUT_MS;
  private final Map<Channel, Set<Risk>> channelDenials = new LinkedHashMap<>();

  /** The defaults: locks and alarms protected, dangerous tools off, no channel overrides. */
  public PolicyOptions() {
  }

  /**
   * Reads the {@code policy} section; unknown keys are ignored.
   *
   * @throws IllegalArgumentException when a channel or risk name is unknown
   */
  public PolicyOptions(JsonObject json) {
    JsonArray tools = json.getJsonArray("protected_tools");
    if (tools != null) {
      protectedTools = new LinkedHashSet<>(Json.strings(json, "protected_tools"));
    }
    if (json.getJsonArray("protected_domains") != null) {
      protectedDomains = new LinkedHashSet<>(Json.strings(json, "protected_domains"));
    }
    if (json.getJsonArray("protected_device_classes") != null) {
      protectedDeviceClasses = new LinkedHashSet<>(Json.strings(json, "protected_device_classes"));
    }
    dangerousEnabled = json.getBoolean("dangerous_enabled", false);
    setConfirmationTimeoutMs(json.getLong("confirmation_timeout_ms", DEFAULT_CONFIRMATION_TIMEOUT_MS));
    JsonObject channels = json.getJsonObject("channels", new JsonObject());
    for (String name : channels.fieldNames()) {
      JsonObject rules = channels.getJsonObject(name, new JsonObject());
      for (String risk : Json.strings(rules, "deny")) {
        deny(Channel.fromJson(name), Risk.fromJson(risk));
      }
    }
  }

  /** Tool names treated as PROTECTED whatever their declared risk. */
  public Set<String> getProtectedTools() {
    return Collections.unmodifiableSet(protectedTools);
  }

  /** Sets the tool names treated as PROTECTED. */
  public PolicyOptions setProtectedTools(Set<String> names) {
    this.protectedTools = new LinkedHashSet<>(names);
    return this;
  }

  /** Entity domains whose entities make a call PROTECTED. */
  public Set<String> getProtectedDomains() {
    return Collections.unmodifiableSet(protectedDomains);
  }

  /** Sets the protected entity domains. */
  public PolicyOptions setProtectedDomains(Set<String> domains) {
    this.protectedDomains = new LinkedHashSet<>(domains);
    return this;
  }

  /** Cover device classes (garage, gate) whose entities make a call PROTECTED. */
  public Set<String> getProtectedDeviceClasses() {
    return Collections.unmodifiableSet(protectedDeviceClasses);
  }

  /** Sets the protected cover device classes. */
  public PolicyOptions setProtectedDeviceClasses(Set<String> deviceClasses) {
    this.protectedDeviceClasses = new LinkedHashSet<>(deviceClasses);
    return this;
  }

  /** Whether DANGEROUS tools may run. */
  public boolean isDangerousEnabled() {
    return dangerousEnabled;
  }

  /** Enables or disables DANGEROUS tools. */
  public PolicyOptions setDangerousEnabled(boolean enabled) {
    this.dangerousEnabled = enabled;
    return this;
  }

  /** How long a pending confirmation waits, in milliseconds. */
  public long getConfirmationTimeoutMs() {
    return confirmationTimeoutMs;
  }

  /** Sets how long a pending confirmation waits. */
  public PolicyOptions setConfirmationTimeoutMs(long millis) {
    if (millis <= 0) {
      throw new IllegalArgumentException("confirmation timeout must be positive");
    }
    this.confirmationTimeoutMs = millis;
    return this;
  }

  /** Refuses every call of {@code risk} arriving on {@code channel}. */
  public PolicyOptions deny(Channel channel, Risk risk) {
    channelDenials.computeIfAbsent(channel, c -> new LinkedHashSet<>()).add(risk);
    return this;
  }

  /** True when {@code channel} may not run calls of {@code risk} at all. */
  public boolean denies(Channel channel, Risk risk) {
    return channelDenials.getOrDefault(channel, Set.of()).contains(risk);
  }

  /** The JSON form. */
  public JsonObject toJson() {
    JsonObject channels = new JsonObject();
    channelDenials.forEach((channel, risks) -> channels.put(channel.jsonName(), new JsonObject()
        .put("deny", new JsonArray(risks.stream().map(Risk::jsonName).toList()))));
    return new JsonObject().put("protected_tools", new JsonArray(List.copyOf(protectedTools)))
        .put("protected_domains", new JsonArray(List.copyOf(protectedDomains)))
        .put("protected_device_classes", new JsonArray(List.copyOf(protectedDeviceClasses)))
        .put("dangerous_enabled", dangerousEnabled).put("confirmation_timeout_ms", confirmationTimeoutMs)
        .put("channels", channels);
  }
}
