package io.harpou.bridge.vertx.http.impl;

import io.harpou.bridge.api.voice.AudioFormat;
import io.harpou.bridge.api.voice.SatelliteLines;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One console microphone's WebSocket: a single spoken request, streamed into voice's pipeline as a satellite of the
 * console's room. From the browser: {@code {"type":"auth","token":...}} first when the URL carried no credential,
 * then {@code {"type":"start","room":...}}, binary frames of audio (16 kHz, mono, signed 16-bit little-endian, at
 * most {@value #MAX_FRAME_BYTES} bytes each, {@value #MAX_STREAM_SECONDS} s in all), {@code {"type":"stop"}} when
 * the person has finished (the silence may end it first) and {@code {"type":"played"}} once the answer was heard.
 * To the browser: the pipeline's events as {@code {"type", "data"}} ({@code transcript}, {@code audio-start},
 * {@code error}...) and the spoken answer as binary frames. One stream per socket; a socket silent for the idle
 * timeout while Harpou waits for it is closed.
 */
final class VoiceSocket {

  /** The endpoint's path. */
  static final String PATH = "/api/voice";
  /** The largest audio frame taken: a quarter of a second. */
  static final int MAX_FRAME_BYTES = 8192;
  /** The longest stream taken, beyond which the speech ends there. */
  static final int MAX_STREAM_SECONDS = 30;

  private static final long MAX_STREAM_BYTES = (long) AudioFormat.MICROPHONE.bytesPerSecond() * MAX_STREAM_SECONDS;
  private static final Pattern ROOM = Pattern.compile("[\\p{L}\\p{N} _'-]{1,64}");

  /** Where the socket is in its one request. */
  private enum Stage { WAITING, STREAMING, ANSWERING, DONE }

  private final Vertx vertx;
  // The serving verticle's context: what the session says arrives on voice's and is passed on here, in order.
  private final Context context;
  private final ServerWebSocket ws;
  private final SatelliteLines lines;
  private final String remote;
  private final AccessGuard guard;
  private final long idleTimeoutMs;
  private Access access;
  private SatelliteLines.Line line;
  private boolean lineEnded;
  private Stage stage = Stage.WAITING;
  private long streamed;
  private long idleTimer = -1;
  private boolean closed;

  VoiceSocket(Vertx vertx, ServerWebSocket ws, SatelliteLines lines, Access access, String remote, AccessGuard guard,
              long idleTimeoutMs) {
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.ws = ws;
    this.lines = lines;
    this.access = access;
    this.remote = remote;
    this.guard = guard;
    this.idleTimeoutMs = idleTimeoutMs;
  }

  /** Starts serving the socket; {@code onClosed} runs once it has closed. */
  void start(Runnable onClosed) {
    ws.textMessageHandler(this::onText);
    ws.binaryMessageHandler(this::onAudio);
    ws.closeHandler(v -> {
      closed = true;
      vertx.cancelTimer(idleTimer);
      endLine();
      onClosed.run();
    });
    ws.exceptionHandler(e -> closed = true);
    awaitClient();
  }

  /** What admitted this socket; {@link Access.Kind#PENDING} until its first message authenticates it. */
  Access access() {
    return access;
  }

  /**
   * Closes the socket and ends its line at once: a peer that keeps sending after the close frame (it need not answer
   * it at once) is heard no more.
   */
  Future<Void> close(short code, String reason) {
    if (closed) {
      return Future.succeededFuture();
    }
    closed = true;
    vertx.cancelTimer(idleTimer);
    endLine();
    return ws.close(code, reason);
  }

  private void endLine() {
    if (line != null && !lineEnded) {
      lineEnded = true;
      line.close();
    }
  }

  /** (Re)starts the idle timer: the browser owes the next message. */
  private void awaitClient() {
    vertx.cancelTimer(idleTimer);
    idleTimer = vertx.setTimer(idleTimeoutMs, t -> close((short) 1001, "idle"));
  }

  private void onText(String text) {
    if (closed) {
      return;
    }
    JsonObject message;
    try {
      message = new JsonObject(text);
    } catch (DecodeException | ClassCastException e) {
      error("messages must be JSON objects");
      return;
    }
    String type = message.getValue("type") instanceof String t ? t : "";
    if (access.kind() == Access.Kind.PENDING) {
      Object token = message.getValue("token");
      Optional<Access> admitted = guard.admitLate(access, "auth".equals(type) && token instanceof String t ? t
          : null, remote, PATH);
      if (admitted.isEmpty()) {
        close((short) 1008, "unauthorized");
        return;
      }
      access = admitted.get();
      send("authenticated", new JsonObject());
      awaitClient();
      return;
    }
    switch (type) {
      case "start" -> start(message.getValue("room"));
      case "stop" -> {
        if (stage == Stage.STREAMING) {
          line.endOfSpeech();
        }
      }
      case "played" -> {
        if (line != null) {
          line.played();
        }
      }
      default -> error("unknown message type '" + type + "'; use start, stop or played");
    }
  }

  private void start(Object room) {
    if (stage != Stage.WAITING) {
      error("one stream per socket: open a new socket for the next request");
      return;
    }
    if (room != null && !(room instanceof String name && ROOM.matcher(name).matches())) {
      error("'room' must be a room's name of 1 to 64 letters, digits, spaces, hyphens or apostrophes");
      return;
    }
    stage = Stage.STREAMING;
    String id = "console-" + UUID.randomUUID().toString().substring(0, 8);
    line = lines.open(id, (String) room, remote, new Listener());
    send("started", new JsonObject().put("satellite_id", id));
    line.listen();
    awaitClient();
  }

  private void onAudio(Buffer audio) {
    if (closed) {
      return;
    }
    if (stage != Stage.STREAMING) {
      error(stage == Stage.WAITING ? "send start before audio" : "the speech has ended; this audio is ignored");
      return;
    }
    if (audio.length() > MAX_FRAME_BYTES || audio.length() % 2 != 0) {
      error("an audio frame is whole 16-bit samples, at most " + MAX_FRAME_BYTES + " bytes");
      return;
    }
    streamed += audio.length();
    if (streamed > MAX_STREAM_BYTES) {
      error("speech longer than " + MAX_STREAM_SECONDS + " s; it ends here");
      stage = Stage.ANSWERING;
      line.endOfSpeech();
      return;
    }
    line.audio(audio);
    awaitClient();
  }

  private void error(String text) {
    send("error", new JsonObject().put("text", text).put("code", "bad-request"));
  }

  private void send(String type, JsonObject data) {
    if (!closed) {
      ws.writeTextMessage(new JsonObject().put("type", type).put("data", data).encode());
    }
  }

  /** Passes what the session says to the browser, and follows the request's stage from it. */
  private final class Listener implements SatelliteLines.Listener {

    @Override
    public void event(String type, JsonObject data) {
      context.runOnContext(v -> {
        switch (type) {
          case "voice-stopped" -> {
            if (stage == Stage.STREAMING) {
              stage = Stage.ANSWERING;
              // Harpou works now: no message is owed until the answer has been played.
              vertx.cancelTimer(idleTimer);
            }
          }
          case "audio-stop", "error" -> {
            stage = Stage.DONE;
            awaitClient();
          }
          default -> {
          }
        }
        send(type, data == null ? new JsonObject() : data);
      });
    }

    @Override
    public Future<Void> audio(Buffer pcm) {
      context.runOnContext(v -> {
        if (!closed) {
          ws.writeBinaryMessage(pcm);
        }
      });
      return Future.succeededFuture();
    }

    @Override
    public void closed() {
      context.runOnContext(v -> close((short) 1001, "voice stopped"));
    }
  }
}
