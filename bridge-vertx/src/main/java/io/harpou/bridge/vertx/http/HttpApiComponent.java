package io.harpou.bridge.vertx.http;

import io.harpou.bridge.api.BridgeException;
import io.harpou.bridge.vertx.BridgeComponent;
import io.harpou.bridge.vertx.BridgeContext;
import io.harpou.bridge.vertx.audit.AuditLog;
import io.vertx.core.Future;

/**
 * Starts the HTTP API unless {@code http.enabled} is false. It refuses to listen beyond loopback while no API key
 * exists, so a hub is never exposed to the network unguarded.
 */
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
    HttpApiOptions options;
    try {
      options = new HttpApiOptions(context.options().section("http"));
    } catch (IllegalArgumentException | ClassCastException e) {
      return Future.failedFuture(new BridgeException("bad http configuration: " + e.getMessage(), e));
    }
    return ApiKeys.open(context.database()).compose(keys -> {
      if (!options.loopbackOnly() && keys.isEmpty()) {
        return Future.failedFuture(new BridgeException("refusing to serve the HTTP API on " + options.getHost()
            + " without API keys: anyone on the network could control the home. Create a key first "
            + "(harpou keys create NAME) or bind to 127.0.0.1"));
      }
      return AuditLog.open(context.database()).compose(audit -> {
        HttpApiVerticle verticle = new HttpApiVerticle(options, context, keys, audit);
        return context.deploy(verticle).onSuccess(id -> {
          context.httpPort(verticle.actualPort());
          context.health().report(name(), "listening", options.getHost() + ":" + verticle.actualPort()
              + (keys.isEmpty() ? " (no API keys)" : " (API keys required)"));
        });
      });
    }).mapEmpty();
  }
}
