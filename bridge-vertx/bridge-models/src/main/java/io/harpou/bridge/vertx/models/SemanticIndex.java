package io.harpou.bridge.vertx.models;

import java.util.function.IntPredicate;

/**
 * Unit vectors searched by brute force for the one nearest a query (the dot product of unit vectors is their
 * cosine). A scan of ten thousand 384-dimension float vectors reads 15 MB, more than any cache holds, so its time is
 * memory's: each vector is also kept as bytes (each component times 127, rounded), a quarter of the size, and the
 * scan reads those. The few vectors whose byte score comes within {@link #MARGIN} of the threshold are scored again
 * exactly. Not thread-safe: the {@link ResponseCache} guards it.
 */
final class SemanticIndex {

  /** How far below the threshold a byte score may fall and still be scored exactly: rounding moves it far less. */
  static final double MARGIN = 0.03;
  private static final int SCALE = 127;

  private final int dimension;
  private final int capacity;
  private final float[] vectors;
  private final byte[] codes;
  private final boolean[] used;

  /** An empty index of {@code capacity} slots of {@code dimension} floats. */
  SemanticIndex(int dimension, int capacity) {
    this.dimension = dimension;
    this.capacity = capacity;
    this.vectors = new float[dimension * capacity];
    this.codes = new byte[dimension * capacity];
    this.used = new boolean[capacity];
  }

  /** The vectors' length. */
  int dimension() {
    return dimension;
  }

  /** Stores a unit vector in {@code slot}, replacing what was there. */
  void addAt(int slot, float[] unit) {
    System.arraycopy(unit, 0, vectors, slot * dimension, dimension);
    System.arraycopy(quantise(unit), 0, codes, slot * dimension, dimension);
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
    byte[] query = quantise(unit);
    int cut = (int) Math.floor((threshold - MARGIN) * SCALE * SCALE);
    int best = -1;
    double bestScore = threshold;
    for (int slot = 0; slot < capacity; slot++) {
      if (used[slot] && codeDot(query, slot * dimension) >= cut) {
        double score = similarity(unit, slot);
        if (score >= bestScore && accept.test(slot)) {
          best = slot;
          bestScore = score;
        }
      }
    }
    return best;
  }

  /** The exact similarity of {@code unit} to the vector in {@code slot}. */
  double similarity(float[] unit, int slot) {
    int offset = slot * dimension;
    double sum = 0;
    for (int i = 0; i < dimension; i++) {
      sum += unit[i] * vectors[offset + i];
    }
    return sum;
  }

  /** An integer sum, which the JIT may add up in any order, so it vectorises where a float sum cannot. */
  private int codeDot(byte[] query, int offset) {
    int sum = 0;
    for (int i = 0; i < dimension; i++) {
      sum += query[i] * codes[offset + i];
    }
    return sum;
  }

  private static byte[] quantise(float[] unit) {
    byte[] out = new byte[unit.length];
    for (int i = 0; i < unit.length; i++) {
      out[i] = (byte) Math.max(-SCALE, Math.min(SCALE, Math.round(unit[i] * SCALE)));
    }
    return out;
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
