package io.harpou.bridge.vertx.voice;

import io.harpou.bridge.api.BridgeAddresses;
import io.harpou.bridge.api.event.BridgeEvent;
import io.harpou.bridge.api.event.SatelliteStateChanged;
import io.harpou.bridge.api.event.SatelliteStateChanged.State;
import io.harpou.testkit.Await;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Every satellite state change published on the bus, in order. */
final class StateLog {

  private final List<SatelliteStateChanged> events = new CopyOnWriteArrayList<>();

  StateLog(Vertx vertx) {
    vertx.eventBus().<JsonObject>consumer(BridgeAddresses.EVENTS, message -> {
      if ("satellite_state".equals(message.body().getString("kind"))) {
        events.add((SatelliteStateChanged) BridgeEvent.fromJson(message.body()));
      }
    }).completion().await();
  }

  /** The states of one satellite, in order. */
  List<State> of(String satellite) {
    return events.stream().filter(e -> e.satellite().equals(satellite)).map(SatelliteStateChanged::state).toList();
  }

  /** Waits until the satellite's latest state is {@code state}. */
  void await(String satellite, State state) {
    if (!Await.within(Await.DEFAULT_TIMEOUT, () -> {
      List<State> states = of(satellite);
      return !states.isEmpty() && states.get(states.size() - 1) == state;
    })) {
      throw new AssertionError(satellite + " never reached " + state + "; states were " + of(satellite));
    }
  }
}
