package io.harpou.bridge.vertx.http;

import io.harpou.bridge.vertx.BridgeComponent;
import io.harpou.bridge.vertx.BridgeContext;
import io.vertx.core.Future;

/** Starts the HTTP API unless {@code http.enabled} is false. */
public final class HttpApiComponent implements BridgeComponent {

  @Override
  public String name() {
    return "http";
  }

  @Override
  public Future<Void> start(BridgeContext context) {
    if (!context.options().httpEnabled()) {
      return Future.succeededFuture();
    }
    HttpApiVerticle verticle = new HttpApiVerticle(new HttpApiOptions(context.options().section("http")), context);
    return context.deploy(verticle).onSuccess(id -> {
      context.httpPort(verticle.actualPort());
      context.health().report(name(), "listening", "port " + verticle.actualPort());
    }).mapEmpty();
  }
}
