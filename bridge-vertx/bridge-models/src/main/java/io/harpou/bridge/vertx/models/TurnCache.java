package io.harpou.bridge.vertx.models;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import io.harpou.bridge.api.BridgeAddresses;
import io.harpou.bridge.api.event.DocumentIndexed;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The response cache as the agent uses it. Only questions that neither act nor depend on the home's state or on the
 * conversation are looked up or kept: open questions and questions about documents, not household commands or
 * questions about the home, plans, or follow-ups. The agent keeps an answer only when its turn called no tool other
 * than the document search, so nothing that acted or read the home is ever served again. A hit is recorded in the
 * ledger as {@code cache_hit} and shown as the turn's model choice; an answer that cited a document is dropped when
 * the document is indexed again.
 */
public final class TurnCache {

  private static final Logger LOG = LoggerFactory.getLogger(TurnCache.class);
  /** The one tool whose results may go into a cached answer: passages of the household's documents. */
  public static final String DOCUMENT_TOOL = "search_documents";

  /**
   * What a lookup found, and the question's embedding to keep with its answer.
   *
   * @param hit the answer found, if any
   * @param embedding the question's embedding, or null without an embedding model
   */
  public record Lookup(Optional<ResponseCache.Hit> hit, float[] embedding) {
  }

  private final Vertx vertx;
  private final ModelPool pool;
  private final ResponseCache cache;
  private final EmbeddingModel embedder;
  private final MessageConsumer<JsonObject> reindexed;

  /** A cache for {@code pool}'s turns; {@code embedder} null finds questions by their words only. */
  public TurnCache(Vertx vertx, ModelPool pool, CacheOptions options, EmbeddingModel embedder) {
    this.vertx = vertx;
    this.pool = pool;
    this.cache = new ResponseCache(options.maxEntries(), options.ttlMillis(), options.threshold());
    this.embedder = embedder;
    this.reindexed = vertx.eventBus().localConsumer(BridgeAddresses.EVENTS, message -> {
      if (DocumentIndexed.KIND.equals(message.body().getString("kind"))) {
        int dropped = cache.invalidate(message.body().getString("file"));
        if (dropped > 0) {
          LOG.info("{} cached answers dropped: {} was indexed again", dropped, message.body().getString("file"));
        }
      }
    });
  }

  /** Whether the request may be answered from the cache and its answer kept. */
  public boolean cacheable(TurnRequest request) {
    RequestTraits traits = pool.traits(request);
    return (traits.openQuestion() || traits.document()) && !traits.household() && !traits.plan()
        && !traits.followUp();
  }

  /** Looks the question up; a hit is recorded in the ledger and published as the turn's model choice. */
  public Future<Lookup> lookup(TurnRequest request) {
    long now = System.currentTimeMillis();
    Optional<ResponseCache.Hit> exact = cache.exact(request.text(), request.language(), now);
    if (exact.isPresent() || embedder == null) {
      exact.ifPresent(hit -> pool.cacheHit(request, hit));
      return Future.succeededFuture(new Lookup(exact, null));
    }
    return vertx.executeBlocking(() -> embedder.embed(TextSegment.from(request.text())).content().vector(), false)
        .map(vector -> {
          Optional<ResponseCache.Hit> similar = cache.similar(vector, request.language(), System.currentTimeMillis());
          similar.ifPresent(hit -> pool.cacheHit(request, hit));
          return new Lookup(similar, vector);
        })
        .recover(e -> {
          LOG.warn("The cache's embedding model failed, so the question is not looked up by meaning: {}",
              e.getMessage());
          return Future.succeededFuture(new Lookup(Optional.empty(), null));
        });
  }

  /** Keeps an answer the given model gave, with the documents it cited. */
  public void store(TurnRequest request, Lookup lookup, String answer, String model, Set<String> sources) {
    cache.put(request.text(), request.language(), answer, model, lookup.embedding(), sources,
        System.currentTimeMillis());
  }

  /** Stops listening for re-indexed documents. */
  public Future<Void> close() {
    return reindexed.unregister();
  }
}
