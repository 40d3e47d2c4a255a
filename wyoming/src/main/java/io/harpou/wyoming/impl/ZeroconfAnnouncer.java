package io.harpou.wyoming.impl;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.InetAddress;
import javax.jmdns.JmDNS;
import javax.jmdns.ServiceInfo;

/**
 * Announces a Wyoming server as {@code <name>._wyoming._tcp.local.} with no TXT records, as Home Assistant's
 * discovery expects. JmDNS blocks while it probes the network, so it runs on a worker thread.
 */
final class ZeroconfAnnouncer {

  static final String SERVICE_TYPE = "_wyoming._tcp.local.";

  private final JmDNS jmdns;

  private ZeroconfAnnouncer(JmDNS jmdns) {
    this.jmdns = jmdns;
  }

  static Future<ZeroconfAnnouncer> start(Vertx vertx, String name, String host, int port) {
    return vertx.executeBlocking(() -> {
      InetAddress address = "0.0.0.0".equals(host) || "::".equals(host)
          ? InetAddress.getLocalHost() : InetAddress.getByName(host);
      JmDNS jmdns = JmDNS.create(address, name);
      try {
        jmdns.registerService(ServiceInfo.create(SERVICE_TYPE, name, port, ""));
      } catch (Exception e) {
        jmdns.close();
        throw e;
      }
      return new ZeroconfAnnouncer(jmdns);
    });
  }

  Future<Void> stop(Vertx vertx) {
    return vertx.executeBlocking(() -> {
      jmdns.unregisterAllServices();
      jmdns.close();
      return null;
    });
  }
}
