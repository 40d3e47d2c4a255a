package io.harpou.bridge.vertx.http.impl;

import io.harpou.bridge.api.voice.SatelliteLines;
import io.harpou.bridge.vertx.http.HttpApiServices;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code GET /api/voice}: a WebSocket that carries one spoken request from the console's microphone into voice's
 * pipeline, as a satellite of the console's room (see {@link VoiceSocket} for the messages). It is admitted as the
 * events WebSocket is ({@link AccessGuard}: the hub's own origin only, a key or the console token, in the URL or the
 * first message), closed when what admitted it no longer would, and answered 503 when voice is not running.
 */
public final class VoiceSockets {

  private final Vertx vertx;
  private final HttpApiServices bridge;
  private final AccessGuard guard;
  private final ConnectionLimits connections;
  private final long idleTimeoutMs;
  private final Set<VoiceSocket> sockets = new LinkedHashSet<>();

  /** Sockets over {@code bridge}'s satellite lines, admitted by {@code guard}, closed when idle that long. */
  public VoiceSockets(Vertx vertx, HttpApiServices bridge, AccessGuard guard, ConnectionLimits connections,
                      long idleTimeoutMs) {
    this.vertx = vertx;
    this.bridge = bridge;
    this.guard = guard;
    this.connections = connections;
    this.idleTimeoutMs = idleTimeoutMs;
  }

  /** Adds the route; call on the serving verticle's context. */
  public void mount(Router router) {
    router.get(VoiceSocket.PATH).handler(this::upgrade);
  }

  /** Closes every socket that what admitted it would no longer admit; call after the keys change. */
  public void revalidate() {
    for (VoiceSocket socket : Set.copyOf(sockets)) {
      if (!guard.stillAdmits(socket.access())) {
        socket.close((short) 1008, "access revoked");
      }
    }
  }

  /** Closes every socket, ending its line. */
  public Future<Void> close() {
    List<Future<Void>> closing = new ArrayList<>();
    for (VoiceSocket socket : Set.copyOf(sockets)) {
      closing.add(socket.close((short) 1001, "server stopping"));
    }
    sockets.clear();
    return Future.join(closing).mapEmpty();
  }

  private void upgrade(RoutingContext ctx) {
    if (!"websocket".equalsIgnoreCase(ctx.request().getHeader("upgrade"))) {
      throw new ApiError(400, "websocket_required", VoiceSocket.PATH + " is a WebSocket endpoint");
    }
    SatelliteLines lines = bridge.satelliteLines().orElseThrow(() -> ApiError.unavailable("voice"));
    Access access = ctx.get(AccessGuard.ACCESS);
    String remote = AccessGuard.remote(ctx.request());
    HttpConnection connection = ctx.request().connection();
    ctx.request().toWebSocket().onSuccess(ws -> {
      VoiceSocket socket = new VoiceSocket(vertx, ws, lines, access, remote, guard, idleTimeoutMs);
      sockets.add(socket);
      socket.start(() -> {
        sockets.remove(socket);
        // An upgraded connection no longer reports its own close.
        connections.closed(connection);
      });
    }).onFailure(e -> ctx.fail(ApiError.invalid("not a valid WebSocket handshake: " + e.getMessage())));
  }
}
