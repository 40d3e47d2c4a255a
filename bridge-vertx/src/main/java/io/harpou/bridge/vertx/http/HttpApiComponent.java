package io.harpou.bridge.vertx.http;

import io.harpou.bridge.api.BridgeException;
import io.harpou.bridge.vertx.BridgeComponent;
import io.harpou.bridge.vertx.BridgeContext;
import io.harpou.bridge.vertx.audit.AuditLog;
import io.vertx.core.Future;

/**
 * Starts the HTTP API unless {@code http.enabled} is false. It refuses to start listening beyond loopback while no API
 * key exists (and, once running, answers no client beyond this machine without a key), keeps the console token in the
 * data directory, and publishes the console's tokenised address.
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
      Future<String> token = ConsoleToken.loadOrCreate(context.vertx(), context.options().dataDir());
      return Future.all(token, AuditLog.open(context.database())).compose(both -> {
        HttpApiVerticle verticle = new HttpApiVerticle(options, context, keys, both.resultAt(1), both.resultAt(0));
        return context.deploy(verticle).onSuccess(id -> {
          context.httpPort(verticle.actualPort());
          if (options.reachableOnLoopback()) {
            context.consoleUrl(ConsoleToken.url(verticle.actualPort(), both.resultAt(0)));
          }
          context.health().report(name(), "listening", options.getHost() + ":" + verticle.actualPort()
              + (keys.isEmpty() ? " (no API keys)" : " (API keys required)"));
        });
      });
    }).mapEmpty();
  }
}
