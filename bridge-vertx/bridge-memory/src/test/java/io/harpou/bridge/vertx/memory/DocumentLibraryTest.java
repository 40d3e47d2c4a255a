package io.harpou.bridge.vertx.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.api.BridgeAddresses;
import io.harpou.bridge.api.event.DocumentIndexed;
import io.harpou.bridge.api.memory.Passage;
import io.harpou.testkit.Await;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

class DocumentLibraryTest extends MemoryTestSupport {

  /** Writes a PDF whose page {@code i} holds the lines of {@code pages[i]}. */
  static void writePdf(Path file, List<List<String>> pages) throws IOException {
    try (PDDocument document = new PDDocument()) {
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      for (List<String> lines : pages) {
        PDPage page = new PDPage();
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
          content.beginText();
          content.setFont(font, 11);
          content.newLineAtOffset(50, 720);
          for (String line : lines) {
            content.showText(line);
            content.newLineAtOffset(0, -16);
          }
          content.endText();
        }
      }
      document.save(file.toFile());
    }
  }

  private Path docs() throws IOException {
    Path docs = Files.createDirectories(dir.resolve("docs"));
    Files.writeString(docs.resolve("recipes.md"), """
        # Family recipes

        ## Grandma's apple tart
        Use **six** Reinette apples, a pinch of cinnamon, and bake for 35 minutes at 180 degrees.
        """);
    Files.writeString(docs.resolve("notes.txt"), "The attic ladder is stored in the garage, hanging on the left wall.");
    Files.createDirectories(docs.resolve("web"));
    Files.writeString(docs.resolve("web/router.html"), """
        <html><head><title>Router guide</title><script>var ignored = 'javascript';</script></head>
        <body><h1>Router</h1><p>To restart the router, hold the WPS button for ten seconds until the light blinks
        orange.</p></body></html>
        """);
    writePdf(docs.resolve("washing-machine.pdf"), List.of(
        List.of("Washing machine manual.", "Read the safety instructions before use."),
        List.of("Error code E21 means the drain pump is blocked.", "Clean the filter behind the small front flap."),
        List.of("Wool programme: 30 degrees, 600 rpm.")));
    return docs;
  }

  @Test
  void should_index_each_format_and_cite_file_and_page() throws IOException {
    Path docs = docs();
    MemoryService store = open(new MemoryOptions().setDocsDir(docs.toString()));

    JsonObject counts = store.documents().sync().await();

    assertThat(counts.getInteger("indexed")).isEqualTo(4);
    assertThat(counts.getInteger("failed")).isZero();
    assertThat(counts.getInteger("pages")).isEqualTo(6);
    Passage pump = store.documents().search("the washer shows E21, what is wrong?", 3).await().get(0);
    assertThat(pump.file()).isEqualTo("washing-machine.pdf");
    assertThat(pump.page()).isEqualTo(2);
    assertThat(pump.citation()).isEqualTo("washing-machine.pdf, page 2");
    assertThat(pump.text()).contains("drain pump is blocked");
    Passage tart = store.documents().search("how long does the apple tart bake", 1).await().get(0);
    assertThat(tart.file()).isEqualTo("recipes.md");
    assertThat(tart.page()).isZero();
    assertThat(tart.text()).contains("35 minutes").doesNotContain("**").doesNotContain("#");
    Passage router = store.documents().search("how do I reboot the internet box", 1).await().get(0);
    assertThat(router.file()).isEqualTo("web/router.html");
    assertThat(router.text()).contains("WPS button").doesNotContain("javascript");
    assertThat(store.documents().search("where is the attic ladder", 1).await().get(0).file())
        .isEqualTo("notes.txt");
  }

  @Test
  void should_reindex_changed_files_skip_unchanged_ones_and_drop_deleted_ones() throws IOException {
    Path docs = docs();
    MemoryService store = open(new MemoryOptions().setDocsDir(docs.toString()));
    store.documents().sync().await();
    List<String> announced = new CopyOnWriteArrayList<>();
    MessageConsumer<JsonObject> listener = vertx.eventBus().localConsumer(BridgeAddresses.EVENTS, m -> {
      if (DocumentIndexed.KIND.equals(m.body().getString("kind"))) {
        announced.add(m.body().getString("file") + " " + m.body().getString("change"));
      }
    });

    Files.writeString(docs.resolve("notes.txt"), "The attic ladder now lives in the cellar under the stairs.");
    Files.delete(docs.resolve("recipes.md"));
    JsonObject counts = store.documents().sync().await();

    // Answers cached from the old text listen for these.
    Await.until("both changes announced", () -> announced.size() == 2);
    assertThat(announced).containsExactlyInAnyOrder("notes.txt indexed", "recipes.md removed");
    listener.unregister();

    assertThat(counts.getInteger("indexed")).isEqualTo(1);
    assertThat(counts.getInteger("removed")).isEqualTo(1);
    assertThat(counts.getInteger("unchanged")).isEqualTo(2);
    assertThat(store.documents().search("where is the attic ladder", 5).await())
        .extracting(Passage::text).anyMatch(t -> t.contains("cellar")).noneMatch(t -> t.contains("garage"));
    assertThat(store.documents().search("apple tart cinnamon", 5).await())
        .extracting(Passage::file).doesNotContain("recipes.md");
    assertThat(store.documents().files().await()).extracting(f -> f.getString("file"))
        .containsExactly("notes.txt", "washing-machine.pdf", "web/router.html");
  }

  @Test
  void should_chunk_long_documents_with_overlap_and_survive_a_restart() throws IOException {
    Path docs = Files.createDirectories(dir.resolve("long"));
    StringBuilder text = new StringBuilder();
    for (int i = 1; i <= 60; i++) {
      text.append("Sentence number ").append(i).append(" talks about topic ").append(i).append(". ");
    }
    text.append("The secret ingredient of the soup is smoked paprika.");
    Files.writeString(docs.resolve("long.txt"), text);
    MemoryOptions options = new MemoryOptions().setDocsDir(docs.toString()).setChunkSize(300).setChunkOverlap(60);
    MemoryService store = open(options);
    JsonObject counts = store.documents().sync().await();
    assertThat(counts.getInteger("chunks")).isGreaterThan(8);
    closeAll();

    MemoryService reopened = open(options);

    assertThat(reopened.documents().sync().await().getInteger("unchanged")).isEqualTo(1);
    Passage secret = reopened.documents().search("what makes the soup special", 1).await().get(0);
    assertThat(secret.text()).contains("smoked paprika");
  }

  @Test
  void should_skip_an_unreadable_file_and_index_the_others() throws IOException {
    Path docs = Files.createDirectories(dir.resolve("bad"));
    Files.write(docs.resolve("broken.pdf"), "%PDF-1.7 this is not really a pdf".getBytes());
    Files.writeString(docs.resolve("ok.md"), "The heating schedule starts at 6 am on weekdays.");
    MemoryService store = open(new MemoryOptions().setDocsDir(docs.toString()));

    JsonObject counts = store.documents().sync().await();

    assertThat(counts.getInteger("failed")).isEqualTo(1);
    assertThat(counts.getInteger("indexed")).isEqualTo(1);
    assertThat(store.documents().search("when does the heating start", 1).await().get(0).file()).isEqualTo("ok.md");
  }

  @Test
  void should_index_no_link_that_leads_out_of_the_documents_folder() throws IOException {
    Path docs = Files.createDirectories(dir.resolve("linked"));
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Files.writeString(outside.resolve("ha-token"), "The Home Assistant token is eyJhbGciOiJIUzI1NiJ9.secret.");
    Files.writeString(docs.resolve("boiler.md"), "The boiler is serviced every October by the plumber.");
    Files.createSymbolicLink(docs.resolve("token.txt"), outside.resolve("ha-token"));
    Files.createSymbolicLink(docs.resolve("boiler-link.md"), docs.resolve("boiler.md"));
    MemoryService store = open(new MemoryOptions().setDocsDir(docs.toString()));

    JsonObject counts = store.documents().sync().await();

    assertThat(counts.getInteger("indexed")).isEqualTo(2);
    assertThat(store.documents().files().await()).extracting(f -> f.getString("file"))
        .containsExactly("boiler-link.md", "boiler.md");
    assertThat(store.documents().search("what is the Home Assistant token", 5).await())
        .extracting(Passage::text).noneMatch(t -> t.contains("secret"));
  }
}
