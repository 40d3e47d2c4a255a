package io.harpou.testkit.ollama.impl;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Deterministic stand-in embeddings: each word and each of its character trigrams is hashed to a signed slot, and
 * the vector is normalised to unit length. Texts sharing words point the same way; it is not a language model.
 */
final class HashedEmbeddings {

  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final float WORD_WEIGHT = 1.0f;
  private static final float TRIGRAM_WEIGHT = 0.3f;

  private HashedEmbeddings() {
  }

  static float[] embed(String text, int dimension) {
    float[] vector = new float[dimension];
    for (String word : NON_WORD.split(text.toLowerCase(Locale.ROOT))) {
      if (word.isEmpty()) {
        continue;
      }
      add(vector, "w:" + word, WORD_WEIGHT);
      String padded = "<" + word + ">";
      for (int i = 0; i + 3 <= padded.length(); i++) {
        add(vector, "t:" + padded.substring(i, i + 3), TRIGRAM_WEIGHT);
      }
    }
    double norm = 0;
    for (float value : vector) {
      norm += value * value;
    }
    if (norm == 0) {
      // Text without words still gets a unit vector, so that cosine similarity stays defined.
      vector[0] = 1f;
      return vector;
    }
    float scale = (float) (1 / Math.sqrt(norm));
    for (int i = 0; i < dimension; i++) {
      vector[i] *= scale;
    }
    return vector;
  }

  private static void add(float[] vector, String feature, float weight) {
    long hash = fnv1a(feature);
    int slot = (int) Long.remainderUnsigned(hash, vector.length);
    vector[slot] += (hash >>> 63) == 0 ? weight : -weight;
  }

  private static long fnv1a(String feature) {
    long hash = 0xcbf29ce484222325L;
    for (byte b : feature.getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xff;
      hash *= 0x100000001b3L;
    }
    return hash;
  }
}
