package io.harpou.bridge.vertx.models;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import io.harpou.bridge.api.BridgeAddresses;
import io.harpou.bridge.api.event.DocumentIndexed;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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
 * the document is indexed again. An answer is served only under the voice it was said in (the household's persona
 * and reply language when it was kept), so a new persona is never answered in the old one's words.
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
   * @param scope where the answer is kept: the question's language and the voice it is answered in
   */
  public record Lookup(Optional<ResponseCache.Hit> hit, float[] embedding, String scope) {
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

  /**
   * Looks the question up among the answers said in {@code voice} (what shapes an answer's words beside the
   * question: the persona and the reply language); a hit is recorded in the ledger and published as the turn's model
   * choice.
   */
  public Future<Lookup> lookup(TurnRequest request, String voice) {
    String scope = request.language() + "\n" + fingerprint(voice);
    long now = System.currentTimeMillis();
    Optional<ResponseCache.Hit> exact = cache.exact(request.text(), scope, now);
    if (exact.isPresent() || embedder == null) {
      exact.ifPresent(hit -> pool.cacheHit(request, hit));
      return Future.succeededFuture(new Lookup(exact, null, scope));
    }
    return vertx.executeBlocking(() -> embedder.embed(TextSegment.from(request.text())).content().vector(), false)
        .map(vector -> {
          Optional<ResponseCache.Hit> similar = cache.similar(vector, scope, System.currentTimeMillis());
          similar.ifPresent(hit -> pool.cacheHit(request, hit));
          return new Lookup(similar, vector, scope);
        })
        .recover(e -> {
          LOG.warn("The cache's embedding model failed, so the question is not looked up by meaning: {}",
              e.getMessage());
          return Future.succeededFuture(new Lookup(Optional.empty(), null, scope));
        });
  }

  /** Keeps an answer the given model gave, with the documents it cited, in the scope it was looked up in. */
  public void store(TurnRequest request, Lookup lookup, String answer, String model, Set<String> sources) {
    cache.put(request.text(), lookup.scope(), answer, model, lookup.embedding(), sources,
        System.currentTimeMillis());
  }

  /** A short digest of the voice, so that each entry keeps a few bytes rather than the persona's text. */
  private static String fingerprint(String voice) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(voice.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** Stops listening for re-indexed documents. */
  public Future<Void> close() {
    return reindexed.unregister();
  }
}
