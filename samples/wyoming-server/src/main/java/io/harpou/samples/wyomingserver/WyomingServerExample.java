package io.harpou.samples.wyomingserver;

import io.harpou.wyoming.WyomingServer;
import io.harpou.wyoming.WyomingServerOptions;
import io.harpou.wyoming.message.Asr.Transcript;
import io.harpou.wyoming.message.Handle.Handled;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/** Uses Harpou's Wyoming library alone: a server Home Assistant could add as a conversation agent. */
public final class WyomingServerExample {

  private WyomingServerExample() {
  }

  // tag::wyoming-server[]
  /** Serves Wyoming on {@code port} (0 for any free one), answering each transcript it is sent by repeating it. */
  public static Future<WyomingServer> serve(Vertx vertx, int port) {
    WyomingServer server = WyomingServer.create(vertx, new WyomingServerOptions()
        .setHost("127.0.0.1")
        .setPort(port)
        .setMaxConnections(8));
    server.connectHandler(connection -> connection.handler(event -> {
      if (Transcript.TYPE.equals(event.type())) {
        String heard = Transcript.fromEvent(event).text();
        connection.write(new Handled("You said: " + heard, null));
      }
    }));
    return server.listen();
  }
  // end::wyoming-server[]
}
