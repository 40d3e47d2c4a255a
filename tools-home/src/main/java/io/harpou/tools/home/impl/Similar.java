package io.harpou.tools.home.impl;

import java.util.Collection;

/**
 * The nearest of some names to a misheard one, by edit distance over normalised text: "gargen" is near "garden",
 * "bedrum" near "bedroom". A name too far off suggests nothing rather than a guess.
 */
final class Similar {

  private Similar() {
  }

  /** The name in {@code names} closest to {@code heard}, or null when none is close enough. */
  static String nearest(String heard, Collection<String> names) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    if (heard.length() <= 3) {
      return null;
    }
    for (String name : names) {
      int limit = Math.max(1, (int) Math.round(Math.max(heard.length(), name.length()) * 0.34));
      if (Math.abs(name.length() - heard.length()) > limit) {
        continue;
      }
      int d = distance(heard, name, Math.min(limit, bestDistance));
      if (d < bestDistance || d == bestDistance && best != null && name.compareTo(best) < 0) {
        bestDistance = d;
        best = name;
      }
    }
    return bestDistance == Integer.MAX_VALUE ? null : best;
  }

  /** Levenshtein distance, or {@code Integer.MAX_VALUE} once it exceeds {@code limit}. */
  static int distance(String a, String b, int limit) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      int rowMin = cur[0];
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
        rowMin = Math.min(rowMin, cur[j]);
      }
      if (rowMin > limit) {
        return Integer.MAX_VALUE;
      }
      int[] swap = prev;
      prev = cur;
      cur = swap;
    }
    return prev[b.length()] > limit ? Integer.MAX_VALUE : prev[b.length()];
  }
}
