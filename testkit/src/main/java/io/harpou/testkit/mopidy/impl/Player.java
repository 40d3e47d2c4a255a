package io.harpou.testkit.mopidy.impl;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Mopidy's tracklist, playback and mixer controllers: {@code TlTrack}s numbered by {@code tlid}, playback that moves
 * along the tracklist without repeat, a volume of 0 to 100, and the events Mopidy sends when any of them changes.
 */
final class Player {

  private final Consumer<JsonObject> events;
  private final List<JsonObject> tracklist = new ArrayList<>();
  private JsonObject current;
  private String state = "stopped";
  private int volume = 50;
  private boolean mute;
  private int nextTlid = 1;

  Player(Consumer<JsonObject> events) {
    this.events = events;
  }

  synchronized JsonArray add(List<JsonObject> tracks, Integer atPosition) {
    JsonArray added = new JsonArray();
    int at = atPosition == null ? tracklist.size() : Math.max(0, Math.min(atPosition, tracklist.size()));
    for (JsonObject track : tracks) {
      JsonObject tlTrack = new JsonObject().put("__model__", "TlTrack").put("tlid", nextTlid++).put("track", track);
      tracklist.add(at++, tlTrack);
      added.add(tlTrack);
    }
    if (!added.isEmpty()) {
      event("tracklist_changed");
    }
    return added;
  }

  synchronized void clear() {
    boolean had = !tracklist.isEmpty();
    tracklist.clear();
    if (current != null) {
      stop();
      current = null;
    }
    if (had) {
      event("tracklist_changed");
    }
  }

  synchronized JsonArray tlTracks() {
    return new JsonArray(new ArrayList<>(tracklist));
  }

  synchronized void play(Integer tlid) {
    JsonObject chosen = tlid == null ? (current != null ? current : tracklist.isEmpty() ? null : tracklist.get(0))
        : tracklist.stream().filter(t -> t.getInteger("tlid").equals(tlid)).findFirst().orElse(null);
    if (chosen == null) {
      return;
    }
    if ("paused".equals(state) && chosen == current) {
      resume();
      return;
    }
    change(chosen);
  }

  synchronized void next() {
    move(1);
  }

  synchronized void previous() {
    move(-1);
  }

  private void move(int step) {
    if (current == null) {
      return;
    }
    int index = tracklist.indexOf(current) + step;
    if (index < 0 || index >= tracklist.size()) {
      stop();
      current = null;
    } else {
      change(tracklist.get(index));
    }
  }

  private void change(JsonObject tlTrack) {
    if (current != null && !"stopped".equals(state)) {
      event("track_playback_ended", new JsonObject().put("tl_track", current).put("time_position", 0));
    }
    current = tlTrack;
    state("playing");
    event("track_playback_started", new JsonObject().put("tl_track", tlTrack));
  }

  synchronized void pause() {
    if ("playing".equals(state)) {
      state("paused");
      event("track_playback_paused", new JsonObject().put("tl_track", current).put("time_position", 0));
    }
  }

  synchronized void resume() {
    if ("paused".equals(state)) {
      state("playing");
      event("track_playback_resumed", new JsonObject().put("tl_track", current).put("time_position", 0));
    }
  }

  synchronized void stop() {
    if (!"stopped".equals(state)) {
      event("track_playback_ended", new JsonObject().put("tl_track", current).put("time_position", 0));
      state("stopped");
    }
  }

  private void state(String next) {
    String old = state;
    state = next;
    if (!old.equals(next)) {
      event("playback_state_changed", new JsonObject().put("old_state", old).put("new_state", next));
    }
  }

  synchronized String state() {
    return state;
  }

  synchronized JsonObject currentTlTrack() {
    return current;
  }

  synchronized int volume() {
    return volume;
  }

  synchronized boolean setVolume(Object level) {
    if (!(level instanceof Integer v) || v < 0 || v > 100) {
      throw new IllegalArgumentException("Expected volume to be an integer between 0 and 100, not " + level);
    }
    if (v != volume) {
      volume = v;
      event("volume_changed", new JsonObject().put("volume", v));
    }
    return true;
  }

  synchronized boolean mute() {
    return mute;
  }

  synchronized boolean setMute(Object value) {
    if (!(value instanceof Boolean b)) {
      throw new IllegalArgumentException("Expected mute to be a boolean, not " + value);
    }
    if (b != mute) {
      mute = b;
      event("mute_changed", new JsonObject().put("mute", b));
    }
    return true;
  }

  private void event(String name) {
    event(name, new JsonObject());
  }

  private void event(String name, JsonObject data) {
    events.accept(new JsonObject().put("event", name).mergeIn(data));
  }
}
