package io.harpou.bridge.api.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harpou.bridge.api.BridgeException;
import io.harpou.bridge.api.Providers;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvidersTest {

  @TempDir
  Path pluginDir;

  @Test
  void should_find_every_provider_by_id_once_in_the_order_listed() {
    assertThat(Providers.load(Greeter.class, Greeter::id).keySet()).containsExactly("english", "french");
  }

  @Test
  void should_refuse_two_classes_with_one_id_and_name_both() {
    assertThatThrownBy(() -> Providers.load(Greeter.Clashing.class, Greeter::id))
        .isInstanceOf(BridgeException.class)
        .hasMessageContaining("'english'")
        .hasMessageContaining(Greeter.English.class.getName())
        .hasMessageContaining(Greeter.Impostor.class.getName());
  }

  @Test
  void should_find_a_plug_in_that_only_the_context_class_loader_sees() throws Exception {
    Path services = Files.createDirectories(pluginDir.resolve("META-INF/services"));
    Files.writeString(services.resolve(Greeter.class.getName()), Greeter.PlugIn.class.getName() + "\n");
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    try (URLClassLoader plugins = new URLClassLoader(new URL[] {pluginDir.toUri().toURL()}, previous)) {
      thread.setContextClassLoader(plugins);

      assertThat(Providers.load(Greeter.class, Greeter::id).keySet())
          .containsExactly("english", "french", "plug-in");
    } finally {
      thread.setContextClassLoader(previous);
    }
    assertThat(Providers.load(Greeter.class, Greeter::id)).doesNotContainKey("plug-in");
  }
}
