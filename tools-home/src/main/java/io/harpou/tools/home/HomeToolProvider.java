package io.harpou.tools.home;

import io.harpou.bridge.api.agent.Interpreter;
import io.harpou.bridge.api.home.HomeExposure;
import io.harpou.bridge.api.tool.Tool;
import io.harpou.bridge.api.tool.ToolProvider;
import io.harpou.tools.home.impl.CameraInterpreter;
import io.harpou.tools.home.impl.HomeAccess;
import io.harpou.tools.home.impl.HomeToolSet;
import io.harpou.tools.home.impl.IntentCatalog;
import io.harpou.tools.home.impl.LocalIntentInterpreter;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code home} provider: Home Assistant tools over the exposed home, and the {@code local-intents} interpreter.
 * Tools and interpreter built from the same configuration share one exposed view per gateway.
 */
public class HomeToolProvider implements ToolProvider {

  private final Map<String, Shared> shared = new HashMap<>();

  private record Shared(HomeAccess access, IntentCatalog catalog) {
  }

  /** Creates the provider; {@link java.util.ServiceLoader} uses this constructor. */
  public HomeToolProvider() {
  }

  @Override
  public String id() {
    return "home";
  }

  private synchronized Shared shared(JsonObject config) {
    JsonObject json = config == null ? new JsonObject() : config;
    return shared.computeIfAbsent(json.encode(), k -> {
      HomeToolsOptions options = new HomeToolsOptions(json);
      IntentCatalog catalog = IntentCatalog.load(options.getIntentsDir() == null ? null
          : Path.of(options.getIntentsDir()));
      return new Shared(new HomeAccess(ExposurePolicy.create(options.getExposure()), catalog.vocabulary()), catalog);
    });
  }

  /**
   * The home tools.
   *
   * @throws IllegalArgumentException when a sentence file of {@code intents_dir} is malformed
   */
  @Override
  public List<Tool> tools(JsonObject config) {
    return HomeToolSet.create(shared(config).access());
  }

  /** The local intent matcher and the camera interpreter, unless {@code local_intents} is false. */
  @Override
  public List<Interpreter> interpreters(JsonObject config) {
    if (!new HomeToolsOptions(config).isLocalIntents()) {
      return List.of();
    }
    Shared s = shared(config);
    return List.of(new LocalIntentInterpreter(s.access(), s.catalog()), new CameraInterpreter());
  }

  /** The exposure policy of {@code exposure}: what the tools and the matcher see, notification rules see too. */
  @Override
  public Optional<HomeExposure> exposure(JsonObject config) {
    HomeAccess access = shared(config).access();
    return Optional.of((home, entityId) -> access.home(home).entity(entityId).isPresent());
  }
}
