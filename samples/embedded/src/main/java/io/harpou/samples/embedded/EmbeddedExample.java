package io.harpou.samples.embedded;

import io.harpou.bridge.api.agent.Agent;
import io.harpou.bridge.api.agent.Reply;
import io.harpou.bridge.vertx.Bridge;
import io.harpou.bridge.vertx.BridgeOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;

/** Embeds Harpou in a plain application and asks its agent a question that only the application's tool can answer. */
public final class EmbeddedExample {

  private EmbeddedExample() {
  }

  /** Starts a bridge, asks about the pool, prints the answer and closes everything. */
  public static void main(String[] args) {
    Vertx vertx = Vertx.vertx();
    try {
      Reply reply = askOnce(vertx, Path.of(args.length > 0 ? args[0] : "data-embedded"), "How warm is the pool?")
          .await();
      System.out.println(reply.speech());
    } finally {
      vertx.close().await();
    }
  }

  // tag::embed[]
  /** Starts Harpou inside this application, asks one question, and stops it again. */
  public static Future<Reply> askOnce(Vertx vertx, Path dataDir, String question) {
    BridgeOptions options = new BridgeOptions()
        .setDataDir(dataDir)
        .setHttpEnabled(false)
        .setMonitorsEnabled(false); // it asks once; it does not look after the machine
    Bridge bridge = Bridge.create(vertx, options);
    return bridge.start()
        .compose(started -> {
          Agent agent = started.agent().orElseThrow();
          return agent.ask(question);
        })
        .eventually(bridge::close);
  }
  // end::embed[]
}
