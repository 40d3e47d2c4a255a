package io.harpou.bridge.vertx.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.api.memory.MemoryStore;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory and documents in the console, in Chromium: what the house was told to remember is listed and found by a
 * search, Forget removes it from Harpou's memory, and the indexed documents are listed.
 */
class ConsoleMemoryBrowserTest {

  private static final String MEMORIES = "[...document.querySelectorAll('#memory-list .memory-text')]"
      + ".map(m => m.textContent).join('|')";

  private final Vertx vertx = Vertx.vertx();

  @TempDir
  Path dir;

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void should_list_search_and_forget_memories_and_list_the_documents() throws Exception {
    Path docs = Files.createDirectories(dir.resolve("docs"));
    Files.writeString(docs.resolve("boiler.md"), "# Boiler\n\nThe boiler is serviced every October.\n");
    TestHouse house = TestHouse.start(vertx, dir, new JsonObject(), new JsonObject().put("memory",
        new JsonObject().put("docs_dir", docs.toString())));
    try (ConsolePage page = ConsolePage.open(vertx, dir, house)) {
      HeadlessChromium chromium = page.chromium;
      page.ask("remember that the cat is called Mochi", 1);
      page.ask("remember that the bins go out on Tuesday", 2);

      chromium.eval("document.querySelector('nav.tabs button[data-view=\"settings\"]').click()");
      chromium.waitFor(MEMORIES + ".includes('Mochi') && " + MEMORIES + ".includes('Tuesday')", "both memories",
          20);
      chromium.waitFor("document.querySelector('#document-list li')", "the indexed document", 20);
      assertThat((String) chromium.eval("document.querySelector('#document-list li').textContent"))
          .contains("boiler.md").contains("1 page");

      chromium.eval("document.getElementById('memory-search').value = 'what is the cat called';"
          + " document.getElementById('memory-form').requestSubmit()");
      chromium.waitFor(MEMORIES + ".split('|')[0].includes('Mochi')", "the cat first in the search", 10);
      page.screenshots("memory");
      chromium.eval("[...document.querySelectorAll('#memory-list .memory')].find(m => m.textContent"
          + ".includes('Mochi')).querySelector('button').click()");
      chromium.waitFor("!" + MEMORIES + ".includes('Mochi')", "the cat forgotten", 10);

      MemoryStore memory = house.bridge.memory().orElseThrow();
      assertThat(memory.list(null, 10).await()).noneMatch(m -> m.text().contains("Mochi"))
          .anyMatch(m -> m.text().contains("Tuesday"));
    }
  }
}
