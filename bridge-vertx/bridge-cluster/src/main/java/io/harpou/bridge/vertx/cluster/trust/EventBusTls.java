package io.harpou.bridge.vertx.cluster.trust;

import io.harpou.bridge.vertx.cluster.ClusterOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;

/**
 * The clustered event bus over TLS with certificates both ways: a node listens and dials only with its own
 * certificate, and takes only peers whose certificate the household's CA signed. Without one, a process that joined
 * Hazelcast can neither send a request (ask the agent, call Home Assistant) to a node nor receive one: the handshake
 * fails before a message is read. Any certificate of the household's CA is a node's; host names are not checked,
 * since the CA signs nothing else.
 */
public final class EventBusTls {

  private EventBusTls() {
  }

  /** Turns TLS on in {@code bus} when {@code trust} names the certificates; leaves it alone otherwise. */
  public static void apply(EventBusOptions bus, ClusterOptions.Trust trust) {
    if (!trust.hasTls()) {
      return;
    }
    bus.setSsl(true).setClientAuth(ClientAuth.REQUIRED)
        .setKeyCertOptions(new PemKeyCertOptions().setCertPath(trust.getTlsCert()).setKeyPath(trust.getTlsKey()))
        .setTrustOptions(new PemTrustOptions().addCertPath(trust.getTlsCa()));
  }
}
