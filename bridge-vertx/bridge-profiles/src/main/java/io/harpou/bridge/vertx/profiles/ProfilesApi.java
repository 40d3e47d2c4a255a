package io.harpou.bridge.vertx.profiles;

import dev.langchain4j.model.chat.ChatModel;
import io.harpou.bridge.vertx.audit.AuditLog;
import io.harpou.bridge.vertx.profiles.impl.ProfilesHandler;
import io.harpou.bridge.vertx.tools.ToolRegistry;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code /api/profiles}: list, read, create, replace and delete agent profiles as JSON, each change validated (every
 * tool entry must name or match an existing tool, the model one of the named models), versioned by
 * {@code updated_at} and audited. {@code GET /api/profiles/options} lists what a profile may choose from, for editors.
 */
public interface ProfilesApi {

  /**
   * The API over {@code store}, validating against {@code tools} and the names of the configured models, auditing
   * to {@code audit}; {@code model} writes profiles from descriptions ({@code POST /api/profiles/generate}), null when
   * no model is configured (that endpoint then answers 503).
   */
  static ProfilesApi create(Vertx vertx, ProfileStore store, ToolRegistry tools, Set<String> models,
                            AuditLog audit, ChatModel model) {
    return new ProfilesHandler(vertx, store, tools, models, audit, model);
  }

  /** Adds the routes to the HTTP API's router; {@code keyName} names the API key a request came with. */
  void mount(Router router, Function<RoutingContext, Optional<String>> keyName);
}
