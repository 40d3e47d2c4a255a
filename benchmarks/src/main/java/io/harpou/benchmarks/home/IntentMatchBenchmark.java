package io.harpou.benchmarks.home;

import io.harpou.bridge.api.home.Area;
import io.harpou.bridge.api.home.ConnectionState;
import io.harpou.bridge.api.home.Device;
import io.harpou.bridge.api.home.EntityEntry;
import io.harpou.bridge.api.home.EntityState;
import io.harpou.bridge.api.home.Floor;
import io.harpou.bridge.api.home.HomeGateway;
import io.harpou.bridge.api.home.Registration;
import io.harpou.bridge.api.home.ServiceCall;
import io.harpou.bridge.api.home.StateChange;
import io.harpou.tools.home.ExposedHome;
import io.harpou.tools.home.ExposurePolicy;
import io.harpou.tools.home.IntentMatch;
import io.harpou.tools.home.IntentMatcher;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Local intent matching (no I/O) against a generated 5,000-entity house held in memory: five floors, 100 rooms, lights,
 * covers of several classes, sensors, plugs, motion sensors, thermostats, players and locks. The sentences cover a
 * name, a room, a floor, "all", a place said at the end, a misheard room (a question), a timer, a question about a
 * state, French, and a sentence that is not for the matcher.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class IntentMatchBenchmark {

  @Param({"turn on the light in room 15|en|room_3", "set the lamp 40 in room 40 to fifty percent|en|",
      "allume toutes les lumières|fr|", "what is the capital of france|en|", "ferme les volets de la pièce 41|fr|",
      "turn off the lamps in room 20|en|", "turn off the lights upstairs|en|room_5",
      "turn the lights on in room 35|en|", "turn on the lights in the rom 35|en|",
      "set a pasta timer for 8 minutes|en|room_1", "add 5 minutes to the pasta timer|en|room_1",
      "is the window 14 open|en|", "what's the temperature in room 12|en|", "close the blinds on floor 2|en|",
      "éteins les lumières du salon 25 dans dix minutes|fr|"})
  public String utterance;

  private IntentMatcher matcher;
  private String text;
  private String language;
  private String room;

  @Setup
  public void setup() {
    String[] parts = utterance.split("\\|", -1);
    text = parts[0];
    language = parts[1];
    room = parts[2].isEmpty() ? null : parts[2];
    matcher = IntentMatcher.create(ExposedHome.create(new GeneratedHouse(5_000), ExposurePolicy.create(null)), null);
    matcher.match(text, language, room);
  }

  @Benchmark
  public IntentMatch match() {
    return matcher.match(text, language, room);
  }

  /** A read-only gateway over a generated house: 100 rooms on five floors, with many kinds of devices. */
  static final class GeneratedHouse implements HomeGateway {
    private final Map<String, EntityState> states = new LinkedHashMap<>();
    private final List<EntityEntry> entries = new ArrayList<>();
    private final List<Area> areas = new ArrayList<>();
    private final List<Floor> floors = new ArrayList<>();

    GeneratedHouse(int count) {
      for (int f = 0; f < 5; f++) {
        floors.add(new Floor("floor_" + f, "Floor " + f, f, List.of("étage " + f)));
      }
      for (int a = 0; a < 100; a++) {
        String name = a % 10 == 5 ? "Salon " + a : "Room " + a;
        areas.add(new Area("room_" + a, name, "floor_" + (a / 20), List.of("pièce " + a)));
      }
      String[] domains = {"light", "cover", "sensor", "switch", "binary_sensor", "light", "cover", "climate",
          "media_player", "lock"};
      String[] nouns = {"lamp", "shutter", "temperature", "plug", "window", "ceiling light", "blinds", "thermostat",
          "speaker", "door lock"};
      String[] classes = {null, "shutter", "temperature", "outlet", "window", null, "blind", null, "speaker", null};
      for (int i = 0; i < count; i++) {
        int d = i % domains.length;
        String id = domains[d] + "." + nouns[d].replace(' ', '_') + "_" + i;
        String name = nouns[d] + " " + i + " in room " + (i % 100);
        JsonObject attributes = new JsonObject().put("friendly_name", name);
        if (classes[d] != null) {
          attributes.put("device_class", classes[d]);
        }
        if ("sensor".equals(domains[d])) {
          attributes.put("unit_of_measurement", "°C");
        }
        states.put(id, new EntityState(id, "sensor".equals(domains[d]) ? "20.5" : "off", attributes, null, null));
        entries.add(new EntityEntry(id, name, null, List.of(), "room_" + (i % 100), null, classes[d], "demo",
            false, false));
      }
    }

    @Override public ConnectionState connectionState() { return ConnectionState.values()[0]; }
    @Override public Collection<EntityState> states() { return states.values(); }
    @Override public Optional<EntityState> state(String entityId) { return Optional.ofNullable(states.get(entityId)); }
    @Override public List<Floor> floors() { return floors; }
    @Override public List<Area> areas() { return areas; }
    @Override public List<Device> devices() { return List.of(); }
    @Override public List<EntityEntry> entities() { return entries; }
    @Override public Optional<Area> areaOf(String entityId) { return Optional.empty(); }
    @Override public Future<JsonObject> callService(ServiceCall call) { return Future.succeededFuture(new JsonObject()); }
    @Override public Future<JsonObject> searchRelated(String type, String id) { return Future.succeededFuture(new JsonObject()); }
    @Override public Future<Void> fireEvent(String eventType, JsonObject data) { return Future.succeededFuture(); }
    @Override public Future<String> renderTemplate(String template) { return Future.succeededFuture(""); }
    @Override public Future<JsonObject> processConversation(String t, String l, String c) { return Future.succeededFuture(new JsonObject()); }
    @Override public Registration onStateChange(Handler<StateChange> handler) { return () -> { }; }
  }
}
