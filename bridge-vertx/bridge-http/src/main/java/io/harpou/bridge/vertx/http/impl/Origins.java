package io.harpou.bridge.vertx.http.impl;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which Host headers and browser origins the hub answers. A Host must name this machine (localhost, 127.0.0.1,
 * [::1], the bind address, every interface address on a wildcard bind) or an allowed extra name, so a page that
 * rebinds its own DNS name to this machine is refused. An Origin must be the hub's own (the Host it called, over http
 * or https behind a proxy) or an allowed extra origin, so no other site, nor another port of this machine, can act.
 */
final class Origins {

  private final Set<String> hosts = new HashSet<>();
  private final Set<String> origins = new HashSet<>();

  /**
   * @param bindHost the address the server listens on
   * @param localAddresses this machine's interface addresses, used when {@code bindHost} is a wildcard
   * @param allowedHosts extra host names
   * @param allowedOrigins extra origins ({@code scheme://host[:port]})
   */
  Origins(String bindHost, List<String> localAddresses, List<String> allowedHosts, List<String> allowedOrigins) {
    hosts.addAll(List.of("localhost", "127.0.0.1", bare("::1")));
    boolean wildcard = bindHost.equals("0.0.0.0") || bindHost.equals("::");
    if (wildcard) {
      localAddresses.forEach(address -> hosts.add(bare(address)));
    } else {
      hosts.add(bare(bindHost));
    }
    allowedHosts.forEach(host -> hosts.add(bare(host)));
    allowedOrigins.forEach(origin -> origins.add(origin.toLowerCase(Locale.ROOT).replaceAll("/+$", "")));
  }

  /** True when the Host header names this hub. */
  boolean hostAllowed(String hostHeader) {
    String host = hostOf(hostHeader);
    return host != null && hosts.contains(host);
  }

  /** True when a request with this Origin, sent to this Host, comes from the hub's own pages or an allowed origin. */
  boolean originAllowed(String origin, String hostHeader) {
    String normalised = origin.toLowerCase(Locale.ROOT);
    if (origins.contains(normalised)) {
      return true;
    }
    String host = hostHeader == null ? null : hostHeader.toLowerCase(Locale.ROOT);
    return host != null && (normalised.equals("http://" + host) || normalised.equals("https://" + host));
  }

  /** The host name of a Host header, lower case, without port or IPv6 brackets; null when absent or malformed. */
  static String hostOf(String hostHeader) {
    if (hostHeader == null || hostHeader.isBlank()) {
      return null;
    }
    String authority = hostHeader.strip().toLowerCase(Locale.ROOT);
    if (authority.startsWith("[")) {
      int close = authority.indexOf(']');
      return close < 0 ? null : bare(authority.substring(1, close));
    }
    int colon = authority.indexOf(':');
    return colon < 0 ? authority : authority.substring(0, colon);
  }

  /** A host name or address in one spelling: lower case, no brackets or scope, IPv6 literals in Java's full form. */
  private static String bare(String host) {
    String lower = host.toLowerCase(Locale.ROOT);
    if (lower.startsWith("[") && lower.endsWith("]")) {
      lower = lower.substring(1, lower.length() - 1);
    }
    int scope = lower.indexOf('%');
    String unscoped = scope < 0 ? lower : lower.substring(0, scope);
    if (!unscoped.contains(":")) {
      return unscoped;
    }
    try {
      // A literal with a colon is parsed, never looked up.
      return InetAddress.getByName(unscoped).getHostAddress();
    } catch (UnknownHostException e) {
      return unscoped;
    }
  }
}
