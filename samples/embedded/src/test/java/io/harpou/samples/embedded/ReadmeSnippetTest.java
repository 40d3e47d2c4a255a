package io.harpou.samples.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's embedding snippet is this sample's code, so the README cannot drift from what compiles. */
class ReadmeSnippetTest {

  @Test
  void should_show_in_the_readme_exactly_the_tagged_code_of_the_sample() throws Exception {
    String source = Files.readString(Path.of("src/main/java/io/harpou/samples/embedded/EmbeddedExample.java"));
    String snippet = source.substring(source.indexOf("// tag::embed[]\n") + "// tag::embed[]\n".length(),
        source.indexOf("  // end::embed[]"));
    String readme = Files.readString(Path.of("../../README.md"));

    assertThat(readme).contains("```java\n" + snippet + "```");
  }
}
