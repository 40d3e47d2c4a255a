package io.harpou.tools.home.impl;

import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.home.Area;
import io.harpou.bridge.api.timer.Timer;
import io.harpou.bridge.api.timer.TimerLength;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finds the timers a sentence refers to, as Home Assistant does: by name (or, when no timer has that name, by the
 * room it was set in: "the kitchen timer"), by the length it was started with ("the 10 minute timer"), then, among
 * several, the one set through the same satellite, then in the same room. Timers that will run a command are not
 * found: their end is an action, not a ring.
 */
final class TimerFinder {

  private TimerFinder() {
  }

  /** The timers matching the name and start length of {@code args}, those of the asker's satellite and room first. */
  static List<Timer> matching(List<Timer> all, JsonObject args, Utterance asker,
                              Function<String, Optional<Area>> areas) {
    List<Timer> found = all.stream().filter(t -> t.command() == null).toList();
    String name = args.getString("name");
    if (name != null) {
      String key = Text.key(name);
      List<Timer> named = found.stream().filter(t -> t.name() != null && Text.key(t.name()).equals(key)).toList();
      if (named.isEmpty()) {
        Optional<Area> area = areas.apply(name);
        named = area.isEmpty() ? List.of() : found.stream().filter(t -> sameArea(t.room(), area.get(), areas))
            .toList();
      }
      found = named;
    }
    TimerLength start = length(args);
    if (start != null) {
      found = found.stream().filter(t -> t.length().equals(start)).toList();
    }
    return found.stream().sorted((a, b) -> Integer.compare(rank(a, asker, areas), rank(b, asker, areas))).toList();
  }

  /** One timer, or empty when none or several fit; {@code several} is then set. */
  static Optional<Timer> single(List<Timer> matching, Utterance asker, Function<String, Optional<Area>> areas) {
    if (matching.size() == 1) {
      return Optional.of(matching.get(0));
    }
    if (matching.isEmpty()) {
      return Optional.empty();
    }
    List<Timer> mine = matching.stream().filter(t -> t.satellite() != null
        && t.satellite().equals(asker.satellite())).toList();
    if (mine.size() == 1) {
      return Optional.of(mine.get(0));
    }
    Optional<Area> room = asker.room() == null ? Optional.empty() : areas.apply(asker.room());
    if (room.isPresent()) {
      List<Timer> here = matching.stream().filter(t -> sameArea(t.room(), room.get(), areas)).toList();
      if (here.size() == 1) {
        return Optional.of(here.get(0));
      }
    }
    return Optional.empty();
  }

  private static int rank(Timer t, Utterance asker, Function<String, Optional<Area>> areas) {
    if (t.satellite() != null && t.satellite().equals(asker.satellite())) {
      return 0;
    }
    Optional<Area> room = asker.room() == null ? Optional.empty() : areas.apply(asker.room());
    return room.isPresent() && sameArea(t.room(), room.get(), areas) ? 1 : 2;
  }

  private static boolean sameArea(String room, Area area, Function<String, Optional<Area>> areas) {
    return room != null && areas.apply(room).map(a -> a.areaId().equals(area.areaId())).orElse(false);
  }

  /** The start length named by {@code start_hours}, {@code start_minutes}, {@code start_seconds}, or null. */
  static TimerLength length(JsonObject args) {
    Integer h = args.getInteger("start_hours");
    Integer m = args.getInteger("start_minutes");
    Integer s = args.getInteger("start_seconds");
    return h == null && m == null && s == null ? null : new TimerLength(h, m, s);
  }
}
