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

/** Local intent matching (no I/O) against a generated 5,000-entity house held in memory. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class IntentMatchBenchmark {

  @Param({"turn on the light in room 17|en|room_3", "set the lamp 42 in room 7 to fifty percent|en|",
      "allume toutes les lumières|fr|", "what is the capital of france|en|", "ferme le volet 12|fr|room_12",
      "turn off the lamps in room 20|en|"})
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

  /** A read-only gateway over generated lights, covers, sensors and switches in 100 rooms. */
  static final class GeneratedHouse implements HomeGateway {
    private final Map<String, EntityState> states = new LinkedHashMap<>();
    private final List<EntityEntry> entries = new ArrayList<>();
    private final List<Area> areas = new ArrayList<>();

    GeneratedHouse(int count) {
      for (int a = 0; a < 100; a++) {
        areas.add(new Area("room_" + a, "Room " + a, null, List.of("pièce " + a)));
      }
      String[] domains = {"light", "cover", "sensor", "switch", "binary_sensor"};
      String[] nouns = {"lamp", "shutter", "temperature", "plug", "motion"};
      for (int i = 0; i < count; i++) {
        int d = i % domains.length;
        String id = domains[d] + "." + nouns[d] + "_" + i;
        String name = nouns[d] + " " + i + " in room " + (i % 100);
        states.put(id, new EntityState(id, "off", new JsonObject().put("friendly_name", name), null, null));
        entries.add(new EntityEntry(id, name, null, List.of(), "room_" + (i % 100), null, null, "demo", false,
            false));
      }
    }

    @Override public ConnectionState connectionState() { return ConnectionState.values()[0]; }
    @Override public Collection<EntityState> states() { return states.values(); }
    @Override public Optional<EntityState> state(String entityId) { return Optional.ofNullable(states.get(entityId)); }
    @Override public List<Floor> floors() { return List.of(); }
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
