package io.harpou.bridge.vertx.memory.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FtsQueryTest {

  private Connection c;

  @BeforeEach
  void fill() throws Exception {
    c = DriverManager.getConnection("jdbc:sqlite::memory:");
    try (Statement s = c.createStatement()) {
      s.execute("CREATE VIRTUAL TABLE t USING fts5(id UNINDEXED, text, tokenize = 'porter unicode61')");
    }
    try (PreparedStatement s = c.prepareStatement("INSERT INTO t(id, text) VALUES(?, ?)")) {
      String[] names = {"Alice", "Bob", "Chloe"};
      for (int i = 0; i < 600; i++) {
        s.setString(1, "m" + i);
        s.setString(2, names[i % 3] + (i % 2 == 0 ? " walks the dog" : " feeds the cat") + " on day " + (i % 20));
        s.executeUpdate();
      }
      s.setString(1, "plate");
      s.setString(2, "The van's plate is HERON-2290");
      s.executeUpdate();
    }
  }

  @AfterEach
  void close() throws Exception {
    c.close();
  }

  private List<String> match(String expression) throws Exception {
    try (PreparedStatement s = c.prepareStatement("SELECT id FROM t WHERE t MATCH ? ORDER BY rank")) {
      s.setString(1, expression);
      return MemoryTables.ids(s);
    }
  }

  @Test
  void should_drop_stop_words_in_english_and_french() {
    assertThat(FtsQuery.terms("When does Bob walk the dog?")).containsExactly("bob", "walk", "dog");
    assertThat(FtsQuery.terms("Qu'est-ce que tu sais sur le chien de Léa ?")).containsExactly("chien", "lea");
    assertThat(FtsQuery.anyOf(FtsQuery.terms("what is it?"))).isNull();
  }

  @Test
  void should_let_a_rare_word_match_alone_and_require_common_words_together() throws Exception {
    String expression = FtsQuery.bounded(c, "t", FtsQuery.terms("does Bob walk the dog with the HERON-2290 van"));

    assertThat(expression).isEqualTo("\"heron\" OR \"2290\" OR \"van\" OR (\"bob\" AND \"walk\" AND \"dog\")");
    List<String> found = match(expression);
    assertThat(found).contains("plate").hasSizeLessThan(WordBudget.BUDGET);
    assertThat(found.subList(1, found.size())).allSatisfy(id -> {
      int i = Integer.parseInt(id.substring(1));
      assertThat(i % 3).isEqualTo(1);
      assertThat(i % 2).isZero();
    });
  }

  @Test
  void should_keep_every_word_when_all_are_rare_enough() throws Exception {
    String expression = FtsQuery.bounded(c, "t", FtsQuery.terms("HERON-2290 plate"));

    assertThat(expression).isEqualTo("\"heron\" OR \"2290\" OR \"plate\"");
    assertThat(match(expression)).containsExactly("plate");
    assertThat(FtsQuery.bounded(c, "t", List.of())).isNull();
  }
}
