package io.harpou.bridge.vertx.mcp.impl;

import io.harpou.bridge.api.home.EntityEntry;
import io.harpou.bridge.api.home.EntityState;
import io.harpou.bridge.api.home.HomeGateway;
import io.harpou.bridge.api.home.HomeOverview;
import io.harpou.bridge.api.memory.Memory;
import io.harpou.bridge.api.memory.MemoryScope;
import io.harpou.bridge.api.memory.MemoryStore;
import io.harpou.bridge.api.memory.Passage;
import io.harpou.bridge.vertx.mcp.McpServices;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * Read-only resources: the home (areas, visible entities and their states, and one entity by id), the household's
 * memories, and a search of the household's documents. Only what the console shows is readable: an entity hidden in
 * Home Assistant, or of a bookkeeping domain, is not found.
 */
final class ResourceFeatures {

  static final String HOME = "harpou://home";
  static final String ENTITY = "harpou://home/entities/";
  static final String MEMORIES = "harpou://memories/household";
  static final String DOCUMENTS = "harpou://documents/search/";
  private static final int MEMORY_LIMIT = 200;
  private static final int PASSAGE_LIMIT = 5;
  private static final String JSON = "application/json";

  private final McpServices services;
  private final Context context;

  ResourceFeatures(McpServices services, Context context) {
    this.services = services;
    this.context = context;
  }

  /** The fixed resources whose service is present. */
  List<McpServerFeatures.AsyncResourceSpecification> resources() {
    List<McpServerFeatures.AsyncResourceSpecification> all = new ArrayList<>();
    services.home().ifPresent(home -> all.add(new McpServerFeatures.AsyncResourceSpecification(
        resource(HOME, "home", "The house by area: each area's visible devices with their live states."),
        (exchange, request) -> read(request.uri(), () -> Future.succeededFuture(HomeOverview.describe(home))))));
    services.memory().ifPresent(memory -> all.add(new McpServerFeatures.AsyncResourceSpecification(
        resource(MEMORIES, "household memories", "What the household asked Harpou to remember about everyone."),
        (exchange, request) -> read(request.uri(), () -> memories(memory)))));
    return all;
  }

  /** The resource templates whose service is present. */
  List<McpServerFeatures.AsyncResourceTemplateSpecification> templates() {
    List<McpServerFeatures.AsyncResourceTemplateSpecification> all = new ArrayList<>();
    services.home().ifPresent(home -> all.add(new McpServerFeatures.AsyncResourceTemplateSpecification(
        template(ENTITY + "{entity_id}", "entity", "One visible device: its state and attributes."),
        (exchange, request) -> read(request.uri(), () -> entity(home, request.uri())))));
    services.memory().ifPresent(memory -> all.add(new McpServerFeatures.AsyncResourceTemplateSpecification(
        template(DOCUMENTS + "{query}", "documents", "The passages of the household's documents that best answer"
            + " the query, with their file and page."),
        (exchange, request) -> read(request.uri(), () -> documents(memory, request.uri())))));
    return all;
  }

  private Future<JsonObject> entity(HomeGateway home, String uri) {
    String id = decode(uri.substring(ENTITY.length()));
    EntityState state = home.state(id).orElse(null);
    EntityEntry entry = home.entities().stream().filter(e -> e.entityId().equals(id)).findFirst().orElse(null);
    boolean visible = state != null && HomeOverview.SHOWN_DOMAINS.contains(state.domain())
        && (entry == null || (!entry.hidden() && !entry.disabled()));
    if (!visible) {
      return Future.failedFuture(notFound(uri));
    }
    return Future.succeededFuture(new JsonObject().put("entity_id", id).put("name", state.friendlyName())
        .put("state", state.state()).put("attributes", state.attributes().copy()));
  }

  private Future<JsonObject> memories(MemoryStore memory) {
    return memory.list(MemoryScope.HOUSEHOLD, MEMORY_LIMIT).map(list -> new JsonObject().put("memories",
        new JsonArray(list.stream().map(Memory::toJson).toList())));
  }

  private Future<JsonObject> documents(MemoryStore memory, String uri) {
    String query = decode(uri.substring(DOCUMENTS.length())).strip();
    if (query.isEmpty()) {
      return Future.failedFuture(notFound(uri));
    }
    return memory.searchDocuments(query, PASSAGE_LIMIT).map(list -> new JsonObject().put("query", query)
        .put("passages", new JsonArray(list.stream().map(Passage::toJson).toList())));
  }

  private Mono<McpSchema.ReadResourceResult> read(String uri, Supplier<Future<JsonObject>> content) {
    return Mono.defer(() -> {
      Promise<JsonObject> promise = Promise.promise();
      context.runOnContext(v -> {
        try {
          content.get().onComplete(promise);
        } catch (RuntimeException e) {
          promise.fail(e);
        }
      });
      return Mono.fromCompletionStage(promise.future().toCompletionStage());
    }).map(json -> new McpSchema.ReadResourceResult(List.of(
        new McpSchema.TextResourceContents(uri, JSON, json.encodePrettily()))));
  }

  private static McpError notFound(String uri) {
    return McpError.builder(McpSchema.ErrorCodes.RESOURCE_NOT_FOUND).message("no such resource: " + uri).build();
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  private static McpSchema.Resource resource(String uri, String name, String description) {
    return McpSchema.Resource.builder().uri(uri).name(name).description(description).mimeType(JSON).build();
  }

  private static McpSchema.ResourceTemplate template(String uri, String name, String description) {
    return new McpSchema.ResourceTemplate(uri, name, name, description, JSON, null, null);
  }
}
