package io.harpou.bridge.vertx.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The console serves its charting library from the hub (no CDN, so it works offline and under the strict CSP): the
 * copies under {@code console/vendor} are exactly the files of the version pinned in {@code src/test/vendor}'s lock
 * file, as {@code npm ci} installs them.
 */
class VendoredLibrariesTest {

  private static final Path VENDOR = Path.of("src/main/resources/io/harpou/bridge/vertx/http/console/vendor");
  private static final Path INSTALLED = Path.of("src/test/vendor/node_modules/uplot");

  @Test
  void should_serve_exactly_the_pinned_uplot() throws Exception {
    if (!Files.isDirectory(INSTALLED)) {
      fail("the pinned libraries are missing: run npm ci in bridge-vertx/bridge-http/src/test/vendor"
          + " (./harpou test does)");
    }
    JsonObject lock = new JsonObject(Files.readString(Path.of("src/test/vendor/package-lock.json")));
    String pinned = lock.getJsonObject("packages").getJsonObject("node_modules/uplot").getString("version");
    assertThat(new JsonObject(Files.readString(INSTALLED.resolve("package.json"))).getString("version"))
        .isEqualTo(pinned);
    for (String file : new String[] {"uPlot.iife.min.js", "uPlot.min.css"}) {
      assertThat(Files.readAllBytes(VENDOR.resolve(file))).as(file)
          .isEqualTo(Files.readAllBytes(INSTALLED.resolve("dist").resolve(file)));
    }
  }
}
