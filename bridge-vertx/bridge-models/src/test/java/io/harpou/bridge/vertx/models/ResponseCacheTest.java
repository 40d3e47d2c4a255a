package io.harpou.bridge.vertx.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The cache's own rules: exact words, meaning above the threshold, language, expiry, size and re-indexed sources. */
class ResponseCacheTest {

  private static final float[] PERU = {1, 0, 0, 0};
  private static final float[] PERU_REWORDED = {0.95f, 0.31f, 0, 0};
  private static final float[] BOLIVIA = {0.8f, 0, 0.6f, 0};

  @Test
  void should_find_the_same_words_whatever_their_case_and_punctuation_but_not_in_another_language() {
    ResponseCache cache = new ResponseCache(10, 1_000, 0.9);
    cache.put("What is the capital of Peru?", "en", "Lima.", "strong", null, Set.of(), 0);

    assertThat(cache.exact("what is the capital of peru", "en", 1)).get()
        .extracting(ResponseCache.Hit::answer).isEqualTo("Lima.");
    assertThat(cache.exact("what is the capital of peru", "fr", 1)).isEmpty();
  }

  @Test
  void should_find_a_question_by_meaning_only_above_the_threshold() {
    ResponseCache cache = new ResponseCache(10, 1_000, 0.9);
    cache.put("What is the capital of Peru?", "en", "Lima.", "strong", PERU, Set.of(), 0);

    assertThat(cache.similar(PERU_REWORDED, "en", 1)).get().satisfies(hit -> {
      assertThat(hit.exact()).isFalse();
      assertThat(hit.similarity()).isBetween(0.9, 1.0);
    });
    assertThat(cache.similar(BOLIVIA, "en", 1)).isEmpty();
  }

  @Test
  void should_expire_entries_and_keep_no_more_than_its_capacity() {
    ResponseCache cache = new ResponseCache(2, 1_000, 0.9);
    cache.put("one", "en", "1", "fast", null, Set.of(), 0);
    cache.put("two", "en", "2", "fast", null, Set.of(), 0);
    cache.put("three", "en", "3", "fast", null, Set.of(), 0);

    assertThat(cache.exact("one", "en", 1)).isEmpty();
    assertThat(cache.exact("three", "en", 1)).isPresent();
    assertThat(cache.exact("three", "en", 1_000)).isEmpty();
    assertThat(cache.size()).isEqualTo(1);
  }

  @Test
  void should_drop_the_answers_that_cited_a_document_indexed_again() {
    ResponseCache cache = new ResponseCache(10, 1_000, 0.9);
    cache.put("how do I bleed the radiators", "en", "Page 4: turn the key.", "strong", PERU,
        Set.of("boiler.pdf"), 0);
    cache.put("what is the capital of Peru", "en", "Lima.", "strong", BOLIVIA, Set.of(), 0);

    assertThat(cache.invalidate("boiler.pdf")).isEqualTo(1);
    assertThat(cache.exact("how do I bleed the radiators", "en", 1)).isEmpty();
    assertThat(cache.similar(PERU, "en", 1)).isEmpty();
    assertThat(cache.exact("what is the capital of Peru", "en", 1)).isPresent();
  }
}
