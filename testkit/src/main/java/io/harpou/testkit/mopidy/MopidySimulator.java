package io.harpou.testkit.mopidy;

import io.harpou.testkit.mopidy.impl.MopidySimulatorImpl;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A Mopidy server for tests: answers JSON-RPC 2.0 on {@code POST /mopidy/rpc} and on the WebSocket
 * {@code /mopidy/ws} as Mopidy 3 does (its models carry {@code __model__}, its errors its codes), searches a small
 * library of local and TIDAL tracks, keeps a tracklist, plays it, and pushes Mopidy's events to every socket.
 */
public interface MopidySimulator {

  /** A simulator; nothing listens until {@link #start()}. */
  static MopidySimulator create(Vertx vertx, MopidySimulatorOptions options) {
    return new MopidySimulatorImpl(vertx, options);
  }

  /** Starts listening. */
  Future<MopidySimulator> start();

  /** The base URL, such as {@code http://127.0.0.1:6680}. */
  String url();

  /** Every JSON-RPC request received, in order ({@code method} and {@code params}). */
  List<JsonObject> calls();

  /** {@code playing}, {@code paused} or {@code stopped}. */
  String playbackState();

  /** The track being played or paused, or null. */
  JsonObject currentTrack();

  /** The tracks of the tracklist, in order. */
  List<JsonObject> tracklist();

  /** The mixer's volume, 0 to 100. */
  int volume();

  /** Stops listening. */
  Future<Void> close();
}
