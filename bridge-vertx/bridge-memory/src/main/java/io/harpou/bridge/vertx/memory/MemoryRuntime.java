package io.harpou.bridge.vertx.memory;

import io.harpou.bridge.api.BridgeAddresses;
import io.harpou.bridge.api.agent.AgentProfiles;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.event.BridgeEvent;
import io.harpou.bridge.api.event.TurnStarted;
import io.harpou.bridge.api.event.ComponentStateChanged;
import io.harpou.bridge.api.event.EventPublisher;
import io.harpou.bridge.vertx.db.Database;
import io.harpou.bridge.vertx.memory.impl.MemoryInterpreter;
import io.harpou.bridge.vertx.memory.impl.ProfileFacts;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The memory as it runs on the hub's database: the store, a periodic sweep of expired memories, the documents folder
 * kept indexed, and, when a fact model is configured, durable facts learned from every turn.
 */
public final class MemoryRuntime {

  private static final Logger LOG = LoggerFactory.getLogger(MemoryRuntime.class);
  /** The component name in events and {@code /health}. */
  public static final String COMPONENT = "memory";

  private final List<Long> timers = new ArrayList<>();
  private final Vertx vertx;
  private final MemoryOptions options;
  private final MemoryService service;
  private final MemoryStorage storage;
  private final EventPublisher events;
  private MessageConsumer<JsonObject> turns;

  private MemoryRuntime(Vertx vertx, MemoryOptions options, MemoryService service, MemoryStorage storage) {
    this.vertx = vertx;
    this.storage = storage;
    this.options = options;
    this.service = service;
    this.events = new EventPublisher(vertx);
  }

  /**
   * Opens the store on {@code database} and starts its timers and, when configured, fact learning. The Future fails
   * with {@link io.harpou.bridge.api.BridgeException} when the store cannot open.
   */
  public static Future<MemoryRuntime> start(Vertx vertx, Database database, MemoryOptions options) {
    return start(vertx, MemoryStorage.embedded(database), options, AgentProfiles.NONE);
  }

  /**
   * Opens the store on {@code storage} and starts its timers and, when configured, fact learning, the facts learned
   * from a turn a profile of {@code profiles} answered kept in that profile's memory scope. The Future fails with
   * {@link io.harpou.bridge.api.BridgeException} when the store cannot open.
   */
  public static Future<MemoryRuntime> start(Vertx vertx, MemoryStorage storage, MemoryOptions options,
                                            AgentProfiles profiles) {
    return MemoryService.open(vertx, storage, options).map(opened -> {
      MemoryRuntime runtime = new MemoryRuntime(vertx, options, opened, storage);
      runtime.begin(profiles);
      return runtime;
    });
  }

  /** The store. */
  public MemoryService store() {
    return service;
  }

  /** Where vectors live and which model embeds, for {@code /health}. */
  public String describe() {
    String backend = options.getChromaUrl() == null ? "embedded vectors" : "Chroma at " + options.getChromaUrl();
    return "rows in " + storage.describe() + ", " + backend + ", embeddings " + service.modelId()
        + (options.getDocsDir() == null ? "" : ", documents from " + options.getDocsDir());
  }

  private void begin(AgentProfiles profiles) {
    LOG.info("Memory ready: {}", describe());
    timers.add(vertx.setPeriodic(options.getSweepInterval().toMillis(), id -> service.sweepExpired()
        .onSuccess(n -> {
          if (n > 0) {
            LOG.info("Forgot {} expired memories", n);
          }
        })));
    if (options.getDocsDir() != null) {
      syncDocuments();
      timers.add(vertx.setPeriodic(options.getDocsScanInterval().toMillis(), id -> syncDocuments()));
    }
    if (options.getFactsOllamaUrl() != null) {
      FactExtractor extractor = new ProfileFacts(FactExtractor.create(vertx, options), profiles);
      // Only the turns this node's agent ran: in a cluster every node hears every turn, and each would learn it again.
      turns = vertx.eventBus().localConsumer(BridgeAddresses.EVENTS, message -> learnFrom(message.body(), extractor));
    }
  }

  private void syncDocuments() {
    service.documents().sync()
        .onSuccess(counts -> {
          if (counts.getInteger("indexed") + counts.getInteger("removed") + counts.getInteger("failed") > 0) {
            LOG.info("Documents: {}", counts.encode());
          }
        })
        .onFailure(e -> {
          LOG.warn("Indexing documents failed: {}", e.getMessage());
          events.publish(new ComponentStateChanged(Instant.now(), COMPONENT, "degraded",
              "documents: " + e.getMessage()));
        });
  }
  private void learnFrom(JsonObject json, FactExtractor extractor) {
    if (json == null || !TurnStarted.KIND.equals(json.getString("kind"))) {
      return;
    }
    Utterance utterance;
    try {
      utterance = ((TurnStarted) BridgeEvent.fromJson(json)).utterance();
    } catch (RuntimeException e) {
      return;
    }
    if (MemoryInterpreter.handles(utterance.text())) {
      return;
    }
    service.learn(utterance, extractor)
        .onSuccess(stored -> {
          if (!stored.isEmpty()) {
            LOG.info("Learned {} fact(s) from conversation {}", stored.size(), utterance.conversationId());
          }
        })
        .onFailure(e -> LOG.warn("Learning from a turn failed: {}", e.getMessage()));
  }

  /** Stops the timers and fact learning, and releases the store (not the database). */
  public Future<Void> close() {
    timers.forEach(vertx::cancelTimer);
    timers.clear();
    Future<Void> unregistered = turns == null ? Future.succeededFuture() : turns.unregister();
    turns = null;
    return unregistered.eventually(service::close);
  }
}
