package io.harpou.bridge.vertx.voice.impl;

import io.harpou.bridge.api.BridgeException;
import io.harpou.bridge.vertx.voice.SatelliteConfig;
import io.harpou.bridge.vertx.voice.SatelliteDialer;
import io.harpou.wyoming.WyomingClient;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The links to the satellites Harpou dials, by id: those configured, started with voice, and those dialed or hung up
 * while it runs. Links change only on voice's event loop, so a dial and a hang-up of one satellite never interleave.
 */
public final class Dialer implements SatelliteDialer {

  private final VoiceRuntime runtime;
  private final WyomingClient client;
  private final Map<String, SatelliteLink> links = new ConcurrentHashMap<>();
  private boolean closed;

  /** A dialer using {@code client} for the satellites of {@code runtime}. */
  public Dialer(VoiceRuntime runtime, WyomingClient client) {
    this.runtime = runtime;
    this.client = client;
  }

  @Override
  public Future<Void> dial(SatelliteConfig satellite) {
    return runtime.onContext(() -> {
      if (closed) {
        return Future.failedFuture(new BridgeException("voice is stopping"));
      }
      if (links.containsKey(satellite.id())) {
        return Future.failedFuture(new BridgeException("satellite " + satellite.id() + " is already dialed"));
      }
      SatelliteLink link = new SatelliteLink(runtime, client, satellite);
      links.put(satellite.id(), link);
      runtime.listed(satellite.id(), satellite.room());
      link.start();
      return Future.succeededFuture();
    });
  }

  @Override
  public Future<Void> hangUp(String satelliteId) {
    return runtime.onContext(() -> {
      SatelliteLink link = links.remove(satelliteId);
      if (link == null) {
        return Future.failedFuture(new BridgeException("satellite " + satelliteId + " is not dialed"));
      }
      return link.close().eventually(() -> {
        runtime.forget(satelliteId);
        return Future.succeededFuture();
      });
    });
  }

  @Override
  public Set<String> dialed() {
    return Set.copyOf(links.keySet());
  }

  /** Hangs up on every satellite (voice is stopping); the Future completes once their connections are closed. */
  public Future<Void> closeAll() {
    return runtime.onContext(() -> {
      closed = true;
      List<SatelliteLink> all = List.copyOf(links.values());
      links.clear();
      return Future.join(all.stream().map(SatelliteLink::close).toList()).mapEmpty();
    });
  }
}
