package io.harpou.bridge.vertx.memory.impl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Weighted reciprocal rank fusion: each ranking gives an item {@code weight / (K + rank)}, and the sums order the
 * result. It needs no calibration between BM25 scores and cosine similarities, which live on unrelated scales.
 */
final class Ranking {

  /** The usual constant; it damps the weight of the very first ranks. */
  static final int K = 60;

  /** One fused item. */
  record Fused(String id, double score) {
  }

  private Ranking() {
  }

  /**
   * Fuses rankings (each best first) into one, best first; ranking {@code i} counts {@code weights[i]} times. On a
   * tie the earlier ranking's item wins.
   */
  static List<Fused> fuse(List<List<String>> rankings, double... weights) {
    Map<String, Double> scores = new HashMap<>();
    Map<String, Integer> firstSeen = new HashMap<>();
    for (int which = 0; which < rankings.size(); which++) {
      List<String> ranking = rankings.get(which);
      for (int rank = 0; rank < ranking.size(); rank++) {
        String id = ranking.get(rank);
        scores.merge(id, weights[which] / (K + rank + 1), Double::sum);
        // Ties go to the better rank, then to the earlier ranking.
        firstSeen.merge(id, rank * rankings.size() + which, Math::min);
      }
    }
    List<Fused> out = new ArrayList<>();
    scores.forEach((id, score) -> out.add(new Fused(id, score)));
    out.sort((a, b) -> {
      int byScore = Double.compare(b.score(), a.score());
      return byScore != 0 ? byScore : Integer.compare(firstSeen.get(a.id()), firstSeen.get(b.id()));
    });
    return out;
  }
}
