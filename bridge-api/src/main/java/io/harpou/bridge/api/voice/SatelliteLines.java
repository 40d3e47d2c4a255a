package io.harpou.bridge.api.voice;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/**
 * Satellites whose microphone reaches Harpou over another transport than Wyoming, such as the console's over a
 * WebSocket. Each line is a satellite session of the voice pipeline itself (listening, end of speech, speech to text,
 * the agent, the spoken answer), in its room, listed among the satellites while it is open.
 */
public interface SatelliteLines {

  /**
   * Opens a line as satellite {@code id} in {@code room}, for a peer at {@code peerAddress}; the voice pipeline then
   * treats it as a satellite that dialed in from that address. Safe from any thread.
   *
   * @param listener hears what the session says, on voice's event loop
   */
  Line open(String id, String room, String peerAddress, Listener listener);

  /** One open line. Its methods may be called from any thread; each runs on voice's event loop, in order. */
  interface Line {

    /** Starts listening, as a satellite does after its wake word; ignored unless the session is idle. */
    void listen();

    /** A chunk of microphone audio: 16 kHz, mono, signed 16-bit little-endian, whole frames. */
    void audio(Buffer pcm);

    /** The speaker has finished (the button was released): the speech ends here if the silence did not end it. */
    void endOfSpeech();

    /** The spoken answer has been played. */
    void played();

    /** Ends the session; the satellite is then forgotten. */
    Future<Void> close();
  }

  /** What a line's session says: Wyoming's events, the answer's audio as raw chunks. */
  interface Listener {

    /**
     * An event of the session other than audio chunks: {@code transcribe}, {@code voice-started},
     * {@code voice-stopped}, {@code transcript}, {@code synthesize}, {@code audio-start} (the answer's format),
     * {@code audio-stop}, {@code error} and the like, with Wyoming's data.
     */
    void event(String type, JsonObject data);

    /**
     * A chunk of the spoken answer, in the format of the last {@code audio-start}.
     *
     * @return a Future completed once the chunk is on its way, so the answer streams at the pace the line takes it
     */
    Future<Void> audio(Buffer pcm);

    /** The line closed: voice stopped, or another line took the same satellite id. */
    void closed();
  }
}
