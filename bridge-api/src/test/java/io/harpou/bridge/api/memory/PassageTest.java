package io.harpou.bridge.api.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class PassageTest {

  @Test
  void should_cite_the_page_of_a_paged_document_and_only_the_file_otherwise() {
    Passage pdf = new Passage("manuals/boiler.pdf", 3, "Top up with the filling loop.", 0.4);
    Passage note = Passage.fromJson(new JsonObject().put("file", "notes.md").put("text", "Bins on Tuesday")
        .put("unknown", true));

    assertThat(pdf.citation()).isEqualTo("manuals/boiler.pdf, page 3");
    assertThat(Passage.fromJson(pdf.toJson())).isEqualTo(pdf);
    assertThat(note.citation()).isEqualTo("notes.md");
    assertThat(note.toJson().containsKey("page")).isFalse();
    assertThatThrownBy(() -> new Passage("a.md", -1, "x", 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Passage(" ", 0, "x", 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void should_find_no_documents_in_a_store_without_a_library() {
    MemoryStore store = new MemoryStore() {
      @Override
      public Future<Memory> remember(Memory memory) {
        return Future.succeededFuture(memory);
      }

      @Override
      public Future<List<RecalledMemory>> recall(MemoryQuery query) {
        return Future.succeededFuture(List.of());
      }

      @Override
      public Future<List<Memory>> list(MemoryScope scope, int limit) {
        return Future.succeededFuture(List.of());
      }

      @Override
      public Future<Boolean> forget(String id) {
        return Future.succeededFuture(false);
      }
    };

    assertThat(store.searchDocuments("boiler pressure", 5).result()).isEmpty();
  }
}
