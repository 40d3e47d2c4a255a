package io.harpou.bridge.vertx.memory.impl;

import io.harpou.bridge.vertx.memory.Embedder;
import io.harpou.bridge.vertx.memory.MemoryOptions;
import io.harpou.bridge.vertx.memory.MemoryOptions.RecallMode;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Ranks memories or passages by words (the storage's full-text ranking, BM25 in both) and by meaning (vectors), fused
 * by weighted reciprocal rank. Words count less than meaning by default: a word match is often one shared name ("Bob") among several facts about Bob,
 * while the vector ranking already orders those by what is asked; the word ranking then settles exact identifiers
 * (codes, plates, surnames) that vectors blur.
 */
final class HybridSearch {

  /** A ranked id with its fused score and its cosine similarity to the query (0 when not a vector match). */
  record Scored(String id, double score, double similarity) {
  }

  private final QueryVectors queries;
  private final VectorIndex index;
  private final MemoryOptions options;

  HybridSearch(Embedder embedder, VectorIndex index, MemoryOptions options) {
    this.queries = new QueryVectors(embedder, 256);
    this.index = index;
    this.options = options;
  }

  /**
   * The fused ranking for {@code text}: {@code lexical} turns its content words into the ids they match, best first,
   * and the {@code depth} vectors of {@code kind} nearest to it join them, except those under the minimum similarity.
   */
  Future<List<Scored>> rank(String text, String kind, int depth,
                            Function<List<String>, Future<List<String>>> lexical) {
    RecallMode mode = options.getRecallMode();
    List<String> terms = FtsQuery.terms(text);
    Future<List<String>> words = terms.isEmpty() || mode == RecallMode.SEMANTIC
        ? Future.succeededFuture(List.of()) : lexical.apply(terms);
    Future<List<VectorIndex.Hit>> meaning = mode == RecallMode.LEXICAL
        ? Future.succeededFuture(List.of()) : closest(text, kind, depth);
    return Future.all(words, meaning).map(both -> {
      Map<String, Double> similarity = new HashMap<>();
      List<String> semantic = new ArrayList<>();
      for (VectorIndex.Hit hit : meaning.result()) {
        if (hit.similarity() >= options.getMinSimilarity()) {
          semantic.add(hit.id());
          similarity.put(hit.id(), hit.similarity());
        }
      }
      return Ranking.fuse(List.of(semantic, words.result()), 1.0, options.getLexicalWeight()).stream()
          .map(f -> new Scored(f.id(), f.score(), similarity.getOrDefault(f.id(), 0.0)))
          .toList();
    });
  }

  /** The {@code k} vectors of {@code kind} closest to {@code text} (whose vector may come from the cache). */
  Future<List<VectorIndex.Hit>> closest(String text, String kind, int k) {
    return queries.of(text).compose(vector -> index.search(vector, kind, k));
  }
}
