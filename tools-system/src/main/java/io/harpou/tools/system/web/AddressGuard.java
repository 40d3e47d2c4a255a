package io.harpou.tools.system.web;

import io.harpou.bridge.api.Json;
import io.vertx.core.json.JsonObject;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Locale;

/**
 * Which addresses {@code read_webpage} may connect to, so the model cannot be turned against the household's own
 * network: never loopback, private (RFC 1918, IPv6 unique local), link-local (cloud metadata included), carrier-grade
 * NAT, multicast, broadcast or unspecified addresses, nor an IPv6 form that embeds one of them (IPv4-mapped,
 * NAT64, 6to4), unless {@code allow_private} is set or the URL's host (with its port) is listed in
 * {@code allowed_hosts}. The check is made on every address the host name resolves to, at every redirect hop.
 */
final class AddressGuard {

  private final boolean allowPrivate;
  private final List<String> allowedHosts;

  AddressGuard(JsonObject web) {
    this.allowPrivate = web.getBoolean("allow_private", false);
    this.allowedHosts = Json.strings(web, "allowed_hosts").stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
  }

  /** True when {@code host}, or {@code host:port}, is one the household listed as reachable. */
  boolean listed(String host, int port) {
    String name = host.toLowerCase(Locale.ROOT);
    return allowedHosts.contains(name) || allowedHosts.contains(name + ":" + port);
  }

  /** Why connecting to {@code address} for {@code host:port} is refused, or null when it is allowed. */
  String refusal(String host, int port, InetAddress address) {
    if (allowPrivate || listed(host, port) || isPublic(address)) {
      return null;
    }
    return host + " is on the household's own network (" + address.getHostAddress() + "); pages there are not"
        + " read unless listed in web.allowed_hosts.";
  }

  /** True for an address on the public internet. */
  static boolean isPublic(InetAddress address) {
    if (address instanceof Inet6Address v6) {
      InetAddress embedded = embeddedV4(v6.getAddress());
      if (embedded != null) {
        return isPublic(embedded);
      }
      byte first = v6.getAddress()[0];
      // fc00::/7 unique local; fec0::/10 (deprecated site-local) is caught by isSiteLocalAddress.
      if ((first & 0xFE) == 0xFC) {
        return false;
      }
    }
    if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
        || address.isSiteLocalAddress() || address.isMulticastAddress()) {
      return false;
    }
    if (address instanceof Inet4Address) {
      byte[] b = address.getAddress();
      int first = b[0] & 0xFF;
      int second = b[1] & 0xFF;
      boolean carrierNat = first == 100 && second >= 64 && second <= 127;
      boolean reserved = first == 0 || first >= 240 || first == 192 && second == 0 && (b[2] & 0xFF) == 0
          || first == 198 && (second == 18 || second == 19);
      return !carrierNat && !reserved;
    }
    return true;
  }

  /** The IPv4 address inside an IPv4-mapped, IPv4-compatible, NAT64 (64:ff9b::/96) or 6to4 (2002::/16) address. */
  private static InetAddress embeddedV4(byte[] b) {
    boolean zeros = true;
    for (int i = 0; i < 10; i++) {
      zeros &= b[i] == 0;
    }
    boolean mapped = zeros && (b[10] == (byte) 0xFF && b[11] == (byte) 0xFF || b[10] == 0 && b[11] == 0);
    boolean nat64 = b[0] == 0 && b[1] == 0x64 && b[2] == (byte) 0xFF && b[3] == (byte) 0x9B;
    try {
      if (mapped || nat64) {
        return InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
      }
      if (b[0] == 0x20 && b[1] == 0x02) {
        return InetAddress.getByAddress(new byte[] {b[2], b[3], b[4], b[5]});
      }
    } catch (java.net.UnknownHostException e) {
      return null;
    }
    return null;
  }
}
