package io.harpou.bridge.vertx.model;

import io.harpou.bridge.api.Providers;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;

/** Finds {@link ModelProvider}s by id and shows servers' addresses safely. */
public final class Models {

  private Models() {
  }

  /**
   * The provider with this id.
   *
   * @throws IllegalArgumentException when none is on the class path, saying which are
   */
  public static ModelProvider provider(String id) {
    Map<String, ModelProvider> found = Providers.load(ModelProvider.class, ModelProvider::id);
    ModelProvider provider = found.get(id);
    if (provider == null) {
      throw new IllegalArgumentException("no model provider '" + id + "' on the class path (installed: "
          + found.keySet() + "; Ollama is io.harpou:bridge-ollama, OpenAI-compatible servers io.harpou:bridge-openai)");
    }
    return provider;
  }

  /** The URL as logs, {@code /health} and replies may show it: without any user and password in it. */
  public static String withoutCredentials(String url) {
    try {
      URI uri = URI.create(url);
      return uri.getUserInfo() == null ? url
          : new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null).toString();
    } catch (IllegalArgumentException | URISyntaxException e) {
      return "(malformed URL)";
    }
  }
}
