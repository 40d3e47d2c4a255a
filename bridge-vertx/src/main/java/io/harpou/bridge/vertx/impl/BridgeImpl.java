package io.harpou.bridge.vertx.impl;

import io.harpou.bridge.api.BridgeException;
import io.harpou.bridge.vertx.Bridge;
import io.harpou.bridge.vertx.BridgeComponent;
import io.harpou.bridge.vertx.BridgeContext;
import io.harpou.bridge.vertx.BridgeOptions;
import io.harpou.bridge.vertx.agent.AgentComponent;
import io.harpou.bridge.vertx.db.Database;
import io.harpou.bridge.vertx.db.LastGoodCopy;
import io.harpou.bridge.vertx.health.Health;
import io.harpou.bridge.vertx.ha.HomeAssistantComponent;
import io.harpou.bridge.vertx.http.HttpApiComponent;
import io.harpou.bridge.vertx.memory.MemoryComponent;
import io.harpou.bridge.vertx.monitor.MonitorComponent;
import io.harpou.bridge.vertx.speech.SpeechComponent;
import io.harpou.bridge.vertx.tools.ToolRegistry;
import io.harpou.bridge.vertx.voice.VoiceComponent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the components in dependency order and stops them in reverse. */
public final class BridgeImpl implements Bridge {

  private static final Logger LOG = LoggerFactory.getLogger(BridgeImpl.class);

  /** The components, in start order: each may use the services of those before it. */
  private static final List<Supplier<BridgeComponent>> COMPONENTS = List.of(
      HomeAssistantComponent::new,
      MemoryComponent::new,
      AgentComponent::new,
      SpeechComponent::new,
      VoiceComponent::new,
      MonitorComponent::new,
      HttpApiComponent::new);

  private final Vertx vertx;
  private final BridgeOptions options;
  private final Health health;
  private final List<BridgeComponent> started = new ArrayList<>();
  private Services services;
  private Database database;
  private LastGoodCopy copies;
  private ToolRegistry tools;

  /** Creates the bridge; nothing runs until {@link #start()}. */
  public BridgeImpl(Vertx vertx, BridgeOptions options) {
    this.vertx = vertx;
    this.options = options;
    this.health = new Health(vertx);
  }

  @Override
  public Future<Bridge> start() {
    health.listen();
    // Discovery loads classes and reads jars: keep it off the event loop.
    return vertx.executeBlocking(() -> ToolRegistry.load(options.section("tools")), false)
        .compose(registry -> {
          tools = registry;
          health.report("tools", "ready", registry.tools().size() + " tools from " + registry.providers());
          return Database.open(vertx, options.dataDir().resolve("harpou.db"));
        })
        .compose(db -> {
          database = db;
          return LastGoodCopy.start(vertx, db);
        })
        .compose(copy -> {
          copies = copy;
          Database db = database;
          health.report("database", "ready", db.file().toAbsolutePath().normalize() + "; " + copy.status());
          services = new Services(vertx, options, health, db, tools);
          Future<Void> chain = Future.succeededFuture();
          for (Supplier<BridgeComponent> supplier : COMPONENTS) {
            BridgeComponent component = supplier.get();
            chain = chain.compose(v -> component.start(services).onSuccess(ok -> started.add(component)));
          }
          return chain;
        })
        .<Bridge>map(this)
        .recover(e -> close().transform(ignored -> Future.failedFuture(e instanceof BridgeException ? e
            : new BridgeException("Harpou could not start: " + e.getMessage(), e))));
  }

  @Override
  public Future<Void> close() {
    Future<Void> chain = Future.succeededFuture();
    while (services != null && !services.deployments.isEmpty()) {
      String id = services.deployments.pop();
      // When Vert.x itself is closing, it may have undeployed our verticles already.
      chain = chain.eventually(() -> !vertx.deploymentIDs().contains(id) ? Future.succeededFuture()
          : vertx.undeploy(id).onFailure(e -> LOG.warn("Undeploying {} failed: {}", id, e.getMessage())));
    }
    for (int i = started.size() - 1; i >= 0; i--) {
      BridgeComponent component = started.get(i);
      chain = chain.eventually(() -> component.stop()
          .onFailure(e -> LOG.warn("Stopping {} failed: {}", component.name(), e.getMessage())));
    }
    started.clear();
    if (copies != null) {
      copies.stop();
    }
    return chain.eventually(() -> database == null ? Future.succeededFuture() : database.close())
        .eventually(() -> {
          health.close();
          return Future.succeededFuture();
        }).mapEmpty();
  }

  @Override
  public BridgeContext context() {
    if (services == null) {
      throw new IllegalStateException("the bridge has not started");
    }
    return services;
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
    return services == null ? -1 : services.httpPort();
  }

  @Override
  public Set<String> deploymentIds() {
    return services == null ? Set.of() : new LinkedHashSet<>(services.deployments);
  }
}
