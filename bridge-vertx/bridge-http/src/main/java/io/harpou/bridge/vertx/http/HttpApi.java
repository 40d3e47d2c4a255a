package io.harpou.bridge.vertx.http;

import io.harpou.bridge.api.BridgeException;
import io.harpou.bridge.vertx.http.impl.AccessGuard;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * The HTTP API as it runs. It refuses to start listening beyond loopback while no API key exists (and, once running,
 * answers no client beyond this machine without a key), keeps the console token in the data directory, and knows the
 * console's tokenised address.
 */
public final class HttpApi {

  private final Vertx vertx;
  private final String deployment;
  private final int port;
  private final String consoleUrl;
  private final String description;

  private HttpApi(Vertx vertx, String deployment, int port, String consoleUrl, String description) {
    this.vertx = vertx;
    this.deployment = deployment;
    this.port = port;
    this.consoleUrl = consoleUrl;
    this.description = description;
  }

  /**
   * Opens the key store and the audit log in the services' store and serves the API. The Future fails with
   * {@link BridgeException} when the address cannot be bound, or is beyond loopback while no key exists.
   */
  public static Future<HttpApi> start(Vertx vertx, HttpApiOptions options, HttpApiServices services) {
    return services.store().keys().compose(ApiKeys::open).compose(keys -> {
      if (!options.loopbackOnly() && keys.isEmpty()) {
        return Future.failedFuture(new BridgeException("refusing to serve the HTTP API on " + options.getHost()
            + " without API keys: anyone on the network could control the home. Create a key first "
            + "(harpou keys create NAME) or bind to 127.0.0.1"));
      }
      Future<String> token = ConsoleToken.loadOrCreate(vertx, services.dataDir());
      Future<ArtifactLinks> links = ArtifactLinks.loadOrCreate(vertx, services.dataDir());
      return Future.all(token, services.store().auditLog(), links).compose(both -> {
        String consoleToken = both.resultAt(0);
        HttpApiVerticle verticle = new HttpApiVerticle(options, services, keys, both.resultAt(1), consoleToken,
            both.resultAt(2));
        return vertx.deployVerticle(verticle).map(id -> new HttpApi(vertx, id, verticle.actualPort(),
            options.reachableOnLoopback() ? ConsoleToken.url(verticle.actualPort(), consoleToken) : null,
            options.getHost() + ":" + verticle.actualPort()
                + (keys.isEmpty() ? " (no API keys)" : " (API keys required)")));
      });
    });
  }

  /**
   * The name of the API key that sent the request {@code ctx} routes, once the guard admitted it; empty for the
   * console token and for a keyless program on this machine.
   */
  public static Optional<String> keyName(RoutingContext ctx) {
    return Optional.ofNullable(ctx.get(AccessGuard.KEY_NAME));
  }

  /** The port the API listens on. */
  public int port() {
    return port;
  }

  /**
   * The console's address carrying its token ({@code http://127.0.0.1:PORT/#token=...}), for the person who started
   * the hub; empty when the API cannot be reached on this machine's loopback.
   */
  public Optional<String> consoleUrl() {
    return Optional.ofNullable(consoleUrl);
  }

  /** Where it listens and whether keys are required, for {@code /health}. */
  public String describe() {
    return description;
  }

  /** Stops serving. */
  public Future<Void> close() {
    // When Vert.x itself is closing, it may have undeployed the verticle already.
    return vertx.deploymentIDs().contains(deployment) ? vertx.undeploy(deployment) : Future.succeededFuture();
  }
}
