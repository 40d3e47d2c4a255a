package io.harpou.bridge.vertx.memory.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MiniLmModelTest {

  private static MiniLmModel model;

  @BeforeAll
  static void load() throws Exception {
    model = new MiniLmModel(1);
  }

  @AfterAll
  static void close() throws Exception {
    model.close();
  }

  private static String longText() {
    StringBuilder text = new StringBuilder();
    String[] words = "the boiler's pressure gauge reads between one and two bar; top it up with the filling loop, "
        .split(" ");
    for (int i = 0; i < 700; i++) {
      text.append(words[i % words.length]).append(i % 40 == 39 ? ". " : " ");
    }
    return text.toString();
  }

  @Test
  void should_embed_a_list_as_langchain4j_embeds_each_text_alone() throws Exception {
    List<String> texts = List.of("The cat is called Mochi", "Le code du portail est 1187, n'oublie pas !",
        "Où sont les clés de la Citroën ? Dans le tiroir à gauche.", "hi", longText(),
        "Chloe walks the dog on Tuesday evenings (unless it's raining).");
    AllMiniLmL6V2QuantizedEmbeddingModel reference = new AllMiniLmL6V2QuantizedEmbeddingModel(Runnable::run);
    List<float[]> expected = new ArrayList<>();
    reference.embedAll(texts.stream().map(TextSegment::from).toList()).content()
        .forEach(e -> expected.add(Vectors.normalize(e.vector())));

    List<float[]> listed = model.embed(texts);

    assertThat(listed).hasSize(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      assertThat(Vectors.dot(listed.get(i), expected.get(i))).as(texts.get(i)).isGreaterThan(0.9999);
      assertThat(Vectors.dot(listed.get(i), model.embed(List.of(texts.get(i))).get(0))).as(texts.get(i))
          .isGreaterThan(0.9999);
    }
    assertThat(Vectors.dot(listed.get(0), listed.get(1))).isLessThan(0.9);
  }

  @Test
  void should_refuse_blank_text() {
    assertThatThrownBy(() -> model.embed(List.of("fine", "   "))).isInstanceOf(IllegalArgumentException.class);
  }
}
