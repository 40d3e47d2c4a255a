package io.harpou.bridge.vertx.agent;

import io.harpou.bridge.api.Json;
import io.harpou.bridge.api.agent.Channel;
import io.harpou.bridge.api.tool.Risk;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the tool policy asks before a call runs. READ and ACT run; PROTECTED (the tool's own risk, a tool name listed
 * here, or a service call reaching an entity of a protected domain or a cover of a protected device class) waits for
 * a confirmation; DANGEROUS is refused unless enabled. A channel may deny a risk level entirely. On a channel whose
 * utterances come from an unauthenticated network peer (Wyoming: Home Assistant's {@code handle}, satellites dialing
 * in), PROTECTED and DANGEROUS calls are refused unless the peer is loopback or listed in the channel's
 * {@code protected_from} (IP addresses, never host names). A channel may have its own
 * {@code confirmation_timeout_ms}; the {@code monitor} channel of repair sessions waits an hour by default. A channel's
 * {@code deny} replaces its default: repair sessions never run DANGEROUS tools, and the {@code mqtt} channel (anyone
 * who may publish on the broker) runs neither PROTECTED nor DANGEROUS ones.
 *
 * <pre>{@code
 * {"protected_tools": ["open_garage"], "protected_domains": ["lock", "alarm_control_panel"],
 *  "protected_device_classes": ["garage", "gate"], "dangerous_enabled": false, "confirmation_timeout_ms": 30000,
 *  "channels": {"satellite": {"deny": ["protected"]}, "wyoming": {"protected_from": ["192.168.1.5"]}}}
 * }</pre>
 */
public final class PolicyOptions {

  private static final Pattern IPV4 = Pattern.compile(
      "(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
  private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9A-Fa-f:.]+");

  /** Domains whose entities are PROTECTED whatever tool acts on them. */
  public static final List<String> DEFAULT_PROTECTED_DOMAINS = List.of("lock", "alarm_control_panel");
  /** Cover device classes whose entities are PROTECTED whatever tool acts on them. */
  public static final List<String> DEFAULT_PROTECTED_DEVICE_CLASSES = List.of("garage", "gate");
  /** How long a confirmation question stays open. */
  public static final long DEFAULT_CONFIRMATION_TIMEOUT_MS = 30_000;
  /**
   * How long a repair session's question stays open: it reaches people through a notification, not a voice waiting
   * for an answer.
   */
  public static final long DEFAULT_MONITOR_CONFIRMATION_TIMEOUT_MS = 3_600_000;

  private Set<String> protectedTools = new LinkedHashSet<>();
  private Set<String> protectedDomains = new LinkedHashSet<>(DEFAULT_PROTECTED_DOMAINS);
  private Set<String> protectedDeviceClasses = new LinkedHashSet<>(DEFAULT_PROTECTED_DEVICE_CLASSES);
  private boolean dangerousEnabled;
  private long confirmationTimeoutMs = DEFAULT_CONFIRMATION_TIMEOUT_MS;
  private final Map<Channel, Set<Risk>> channelDenials = new LinkedHashMap<>();
  private final Map<Channel, Set<InetAddress>> protectedFrom = new LinkedHashMap<>();
  private final Map<Channel, Long> confirmationTimeouts = new LinkedHashMap<>(
      Map.of(Channel.MONITOR, DEFAULT_MONITOR_CONFIRMATION_TIMEOUT_MS));

  /**
   * The defaults: locks and alarms protected, dangerous tools off, the {@code mqtt} channel denied protected and
   * dangerous calls, since anyone who may publish on the broker reaches it, and a monitor's repair session never runs
   * a DANGEROUS tool, even where they are enabled, and waits an hour for its question's answer.
   */
  public PolicyOptions() {
    deny(Channel.MQTT, Risk.PROTECTED);
    deny(Channel.MQTT, Risk.DANGEROUS);
    deny(Channel.MONITOR, Risk.DANGEROUS);
  }

  /** A copy of {@code other}: changing one leaves the other as it was. */
  public PolicyOptions(PolicyOptions other) {
    this(other.toJson());
  }

  /**
   * Reads the {@code policy} section; unknown keys are ignored. A channel's {@code deny} list replaces its default.
   *
   * @throws IllegalArgumentException when a channel or risk name is unknown, or a peer is not an IP address
   */
  public PolicyOptions(JsonObject json) {
    this();
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
      if (rules.containsKey("deny")) {
        channelDenials.put(Channel.fromJson(name), new LinkedHashSet<>());
      }
      if (rules.containsKey("confirmation_timeout_ms")) {
        setConfirmationTimeoutMs(Channel.fromJson(name), rules.getLong("confirmation_timeout_ms"));
      }
      for (String risk : Json.strings(rules, "deny")) {
        deny(Channel.fromJson(name), Risk.fromJson(risk));
      }
      for (String peer : Json.strings(rules, "protected_from")) {
        allowProtectedFrom(Channel.fromJson(name), peer);
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

  /** How long a confirmation asked on {@code channel} waits: the channel's own time, else the common one. */
  public long confirmationTimeoutMs(Channel channel) {
    return confirmationTimeouts.getOrDefault(channel, confirmationTimeoutMs);
  }

  /** Sets how long a confirmation asked on {@code channel} waits. */
  public PolicyOptions setConfirmationTimeoutMs(Channel channel, long millis) {
    if (millis <= 0) {
      throw new IllegalArgumentException("confirmation timeout of channel " + channel.jsonName()
          + " must be positive");
    }
    confirmationTimeouts.put(channel, millis);
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

  /**
   * Lets the network peer at {@code address} (an IP address, as Wyoming reports it) run protected actions on
   * {@code channel}; loopback peers always may.
   *
   * @throws IllegalArgumentException when {@code address} is not an IP address (host names are never resolved here)
   */
  public PolicyOptions allowProtectedFrom(Channel channel, String address) {
    protectedFrom.computeIfAbsent(channel, c -> new LinkedHashSet<>()).add(ipAddress(address)
        .orElseThrow(() -> new IllegalArgumentException("protected_from of channel " + channel.jsonName()
            + " holds IP addresses, not '" + address + "'")));
    return this;
  }

  /**
   * True when an utterance from the network peer {@code peer} on {@code channel} may run protected actions: no peer
   * (an authenticated door, a configured device, the application), a loopback peer, or one the channel lists.
   */
  public boolean trustsPeer(Channel channel, String peer) {
    if (peer == null) {
      return true;
    }
    return ipAddress(peer).map(address -> address.isLoopbackAddress()
        || protectedFrom.getOrDefault(channel, Set.of()).contains(address)).orElse(false);
  }

  /** The peers allowed protected actions on {@code channel} beyond loopback. */
  public List<String> protectedFrom(Channel channel) {
    return protectedFrom.getOrDefault(channel, Set.of()).stream().map(InetAddress::getHostAddress).toList();
  }

  /** An IP literal parsed without any name lookup, or empty when {@code text} is not one. */
  private static Optional<InetAddress> ipAddress(String text) {
    String literal = text == null ? "" : text.strip();
    boolean v4 = IPV4.matcher(literal).matches();
    boolean v6 = literal.indexOf(':') >= 0 && IPV6_CHARACTERS.matcher(literal).matches();
    if (!v4 && !v6) {
      return Optional.empty();
    }
    try {
      // A dotted quad or a string holding ':' is parsed as a literal; no name is looked up.
      return Optional.of(InetAddress.getByName(literal));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  /** The JSON form. */
  public JsonObject toJson() {
    JsonObject channels = new JsonObject();
    channelDenials.forEach((channel, risks) -> channels.put(channel.jsonName(), new JsonObject()
        .put("deny", new JsonArray(risks.stream().map(Risk::jsonName).toList()))));
    protectedFrom.forEach((channel, peers) -> {
      JsonObject rules = channels.getJsonObject(channel.jsonName(), new JsonObject());
      channels.put(channel.jsonName(), rules.put("protected_from", new JsonArray(protectedFrom(channel))));
    });
    confirmationTimeouts.forEach((channel, millis) -> channels.put(channel.jsonName(),
        channels.getJsonObject(channel.jsonName(), new JsonObject()).put("confirmation_timeout_ms", millis)));
    return new JsonObject().put("protected_tools", new JsonArray(List.copyOf(protectedTools)))
        .put("protected_domains", new JsonArray(List.copyOf(protectedDomains)))
        .put("protected_device_classes", new JsonArray(List.copyOf(protectedDeviceClasses)))
        .put("dangerous_enabled", dangerousEnabled).put("confirmation_timeout_ms", confirmationTimeoutMs)
        .put("channels", channels);
  }
}
