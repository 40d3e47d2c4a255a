package io.harpou.bridge.vertx.impl;

import io.harpou.bridge.api.BridgeException;
import io.harpou.bridge.vertx.Bridge;
import io.harpou.bridge.vertx.BridgeOptions;
import io.harpou.bridge.vertx.db.Database;
import io.harpou.bridge.vertx.health.Health;
import io.harpou.bridge.vertx.http.HttpApiOptions;
import io.harpou.bridge.vertx.http.HttpApiVerticle;
import io.harpou.bridge.vertx.tools.ToolRegistry;
import io.vertx.core.Deployable;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the components in dependency order and stops them in reverse. */
public final class BridgeImpl implements Bridge {

  private static final Logger LOG = LoggerFactory.getLogger(BridgeImpl.class);

  private final Vertx vertx;
  private final BridgeOptions options;
  private final Health health;
  private final Deque<String> deployments = new ArrayDeque<>();
  private ToolRegistry tools;
  private Database database;
  private HttpApiVerticle http;

  /** Creates the bridge; nothing runs until {@link #start()}. */
  public BridgeImpl(Vertx vertx, BridgeOptions options) {
    this.vertx = vertx;
    this.options = options;
    this.health = new Health(vertx);
  }

  @Override
  public Future<Bridge> start() {
    health.listen();
    try {
      tools = ToolRegistry.load(options.section("tools"));
    } catch (BridgeException e) {
      health.close();
      return Future.failedFuture(e);
    }
    health.report("tools", "ready", tools.tools().size() + " tools from " + tools.providers());
    return Database.open(vertx, options.dataDir().resolve("harpou.db"))
        .compose(db -> {
          database = db;
          health.report("database", "ready", db.file().toString());
          return options.httpEnabled() ? deployHttp() : Future.succeededFuture();
        })
        .<Bridge>map(this)
        .recover(e -> close().transform(ignored -> Future.failedFuture(e instanceof BridgeException ? e
            : new BridgeException("Harpou could not start: " + e.getMessage(), e))));
  }

  private Future<String> deployHttp() {
    http = new HttpApiVerticle(new HttpApiOptions(options.section("http")), health);
    return deploy(http);
  }

  private Future<String> deploy(Deployable verticle) {
    return vertx.deployVerticle(verticle).onSuccess(deployments::push);
  }

  @Override
  public Future<Void> close() {
    Future<Void> chain = Future.succeededFuture();
    while (!deployments.isEmpty()) {
      String id = deployments.pop();
      chain = chain.eventually(() -> vertx.undeploy(id)
          .onFailure(e -> LOG.warn("Undeploying {} failed: {}", id, e.getMessage())));
    }
    return chain.eventually(() -> database == null ? Future.succeededFuture() : database.close())
        .eventually(() -> {
          health.close();
          return Future.succeededFuture();
        }).mapEmpty();
  }

  @Override
  public ToolRegistry tools() {
    if (tools == null) {
      throw new IllegalStateException("the bridge has not started");
    }
    return tools;
  }

  @Override
  public Health health() {
    return health;
  }

  @Override
  public int httpPort() {
    return http == null ? -1 : http.actualPort();
  }

  @Override
  public Set<String> deploymentIds() {
    return new LinkedHashSet<>(deployments);
  }
}
