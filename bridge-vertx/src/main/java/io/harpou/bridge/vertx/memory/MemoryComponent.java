package io.harpou.bridge.vertx.memory;

import io.harpou.bridge.api.BridgeAddresses;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.event.BridgeEvent;
import io.harpou.bridge.api.event.TurnStarted;
import io.harpou.bridge.vertx.BridgeComponent;
import io.harpou.bridge.vertx.BridgeContext;
import io.harpou.bridge.vertx.memory.impl.MemoryInterpreter;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the memory store on the hub's database and publishes it, sweeps expired memories, keeps the documents folder
 * indexed, and, when a fact model is configured, learns durable facts from every turn.
 */
public final class MemoryComponent implements BridgeComponent {

  private static final Logger LOG = LoggerFactory.getLogger(MemoryComponent.class);

  private final List<Long> timers = new ArrayList<>();
  private Vertx vertx;
  private MemoryService service;
  private MessageConsumer<JsonObject> turns;

  @Override
  public String name() {
    return "memory";
  }

  @Override
  public Future<Void> start(BridgeContext context) {
    MemoryOptions options;
    try {
      options = new MemoryOptions(context.options().section("memory"));
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(new io.harpou.bridge.api.BridgeException("memory: " + e.getMessage(), e));
    }
    if (!options.isEnabled()) {
      context.health().report(name(), "disabled", "memory.enabled is false");
      return Future.succeededFuture();
    }
    vertx = context.vertx();
    return MemoryService.open(vertx, context.database(), options).onSuccess(opened -> {
      service = opened;
      context.memory(opened);
      String backend = options.getChromaUrl() == null ? "embedded vectors" : "Chroma at " + options.getChromaUrl();
      context.health().report(name(), "ready", backend + ", embeddings " + opened.modelId()
          + (options.getDocsDir() == null ? "" : ", documents from " + options.getDocsDir()));
      LOG.info("Memory ready: {}, embeddings {}", backend, opened.modelId());
      timers.add(vertx.setPeriodic(options.getSweepInterval().toMillis(), id -> opened.sweepExpired()
          .onSuccess(n -> {
            if (n > 0) {
              LOG.info("Forgot {} expired memories", n);
            }
          })));
      if (options.getDocsDir() != null) {
        syncDocuments(context);
        timers.add(vertx.setPeriodic(options.getDocsScanInterval().toMillis(), id -> syncDocuments(context)));
      }
      if (options.getFactsOllamaUrl() != null) {
        FactExtractor extractor = FactExtractor.ollama(vertx, options.getFactsOllamaUrl(), options.getFactsModel());
        turns = vertx.eventBus().consumer(BridgeAddresses.EVENTS, message -> learnFrom(message.body(), extractor));
      }
    }).mapEmpty();
  }

  private void syncDocuments(BridgeContext context) {
    service.documents().sync()
        .onSuccess(counts -> {
          if (counts.getInteger("indexed") + counts.getInteger("removed") + counts.getInteger("failed") > 0) {
            LOG.info("Documents: {}", counts.encode());
          }
        })
        .onFailure(e -> {
          LOG.warn("Indexing documents failed: {}", e.getMessage());
          context.health().report(name(), "degraded", "documents: " + e.getMessage());
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

  @Override
  public Future<Void> stop() {
    if (vertx != null) {
      timers.forEach(vertx::cancelTimer);
    }
    timers.clear();
    Future<Void> unregistered = turns == null ? Future.succeededFuture() : turns.unregister();
    turns = null;
    MemoryService closing = service;
    service = null;
    return unregistered.eventually(() -> closing == null ? Future.succeededFuture() : closing.close());
  }
}
