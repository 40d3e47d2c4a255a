package io.harpou.bridge.vertx.models;

import java.util.function.IntPredicate;

/**
 * Unit vectors in one flat array, searched by brute force for the one nearest a query (the dot product of unit
 * vectors is their cosine). Ten thousand 384-dimension vectors are 15 MB and one scan is a few million
 * multiply-adds, well under the time an embedding takes, so no approximate index is needed. Not thread-safe: the
 * {@link ResponseCache} guards it.
 */
final class SemanticIndex {

  private final int dimension;
  private final int capacity;
  private final float[] vectors;
  private final boolean[] used;

  /** An empty index of {@code capacity} slots of {@code dimension} floats. */
  SemanticIndex(int dimension, int capacity) {
    this.dimension = dimension;
    this.capacity = capacity;
    this.vectors = new float[dimension * capacity];
    this.used = new boolean[capacity];
  }

  /** The vectors' length. */
  int dimension() {
    return dimension;
  }

  /** Stores a unit vector in {@code slot}, replacing what was there. */
  void addAt(int slot, float[] unit) {
    System.arraycopy(unit, 0, vectors, slot * dimension, dimension);
    used[slot] = true;
  }

  /** Frees a slot. */
  void remove(int slot) {
    used[slot] = false;
  }

  /**
   * The used slot nearest {@code unit} whose similarity is at least {@code threshold} and that {@code accept}
   * takes, or -1.
   */
  int nearest(float[] unit, double threshold, IntPredicate accept) {
    int best = -1;
    double bestScore = threshold;
    for (int slot = 0; slot < capacity; slot++) {
      if (!used[slot]) {
        continue;
      }
      double score = dot(unit, slot * dimension);
      if (score >= bestScore && accept.test(slot)) {
        best = slot;
        bestScore = score;
      }
    }
    return best;
  }

  /** The similarity of {@code unit} to the vector in {@code slot}. */
  double similarity(float[] unit, int slot) {
    return dot(unit, slot * dimension);
  }

  private double dot(float[] unit, int offset) {
    float sum = 0;
    for (int i = 0; i < dimension; i++) {
      sum += unit[i] * vectors[offset + i];
    }
    return sum;
  }

  /** {@code vector} scaled to unit length (a zero vector stays zero). */
  static float[] unit(float[] vector) {
    double norm = 0;
    for (float v : vector) {
      norm += v * v;
    }
    float[] out = vector.clone();
    if (norm > 0) {
      float scale = (float) (1 / Math.sqrt(norm));
      for (int i = 0; i < out.length; i++) {
        out[i] *= scale;
      }
    }
    return out;
  }
}
