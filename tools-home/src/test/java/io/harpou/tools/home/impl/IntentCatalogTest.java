package io.harpou.tools.home.impl;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntentCatalogTest {

  @Test
  void should_refuse_an_intents_file_that_links_out_of_the_intents_directory(@TempDir Path intents,
                                                                            @TempDir Path elsewhere)
      throws IOException {
    Path outside = Files.writeString(elsewhere.resolve("private.json"), "{\"language\": \"en\", \"intents\": []}");
    Files.createSymbolicLink(intents.resolve("extra.json"), outside);

    assertThatThrownBy(() -> IntentCatalog.load(intents)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot read intents directory")
        .hasMessageContaining("inside its folder: " + intents.resolve("extra.json"));
  }
}
