package io.harpou.bridge.vertx.memory.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class VectorMatrixTest {

  private static float[] random(Random random, int dimension) {
    float[] v = new float[dimension];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) random.nextGaussian();
    }
    return Vectors.normalize(v);
  }

  @Test
  void should_find_the_same_top_k_as_sorting_every_similarity_after_replacements_and_removals() {
    Random random = new Random(3);
    VectorMatrix matrix = new VectorMatrix();
    Map<String, float[]> truth = new HashMap<>();
    for (int i = 0; i < 3000; i++) {
      float[] v = random(random, 385);
      matrix.put("m" + i, v);
      truth.put("m" + i, v);
    }
    for (int i = 0; i < 3000; i += 7) {
      assertThat(matrix.remove("m" + i)).isTrue();
      truth.remove("m" + i);
    }
    for (int i = 1; i < 3000; i += 11) {
      float[] v = random(random, 385);
      matrix.put("m" + i, v);
      truth.put("m" + i, v);
    }
    assertThat(matrix.remove("m0")).isFalse();
    assertThat(matrix.size()).isEqualTo(truth.size());

    for (int q = 0; q < 20; q++) {
      float[] query = random(random, 385);
      List<String> expected = truth.entrySet().stream()
          .sorted(Comparator.comparingDouble(e -> -Vectors.dot(query, e.getValue())))
          .limit(25).map(Map.Entry::getKey).toList();

      List<VectorIndex.Hit> found = matrix.top(query, 25);

      assertThat(found).extracting(VectorIndex.Hit::id).containsExactlyElementsOf(expected);
      assertThat(found.get(0).similarity()).isCloseTo(Vectors.dot(query, truth.get(expected.get(0))),
          org.assertj.core.api.Assertions.within(1e-5));
    }
  }

  @Test
  void should_return_every_row_when_asked_for_more_than_it_holds_and_nothing_when_empty() {
    VectorMatrix matrix = new VectorMatrix();
    assertThat(matrix.top(new float[] {1, 0}, 5)).isEmpty();
    matrix.put("a", new float[] {1, 0});
    matrix.put("b", new float[] {0, 1});

    assertThat(matrix.top(new float[] {0.6f, 0.8f}, 5)).extracting(VectorIndex.Hit::id).containsExactly("b", "a");
    assertThatThrownBy(() -> matrix.put("c", new float[] {1, 0, 0})).isInstanceOf(IllegalArgumentException.class);
  }
}
