package io.harpou.bridge.vertx.memory.impl;

import io.harpou.bridge.api.memory.Memory;
import io.harpou.bridge.api.memory.MemoryQuery;
import io.harpou.bridge.api.memory.MemoryScope;
import io.harpou.bridge.api.memory.MemoryStore;
import io.harpou.bridge.api.memory.Passage;
import io.harpou.bridge.api.memory.RecalledMemory;
import io.harpou.bridge.api.tool.Risk;
import io.harpou.bridge.api.tool.Tool;
import io.harpou.bridge.api.tool.ToolArgumentsException;
import io.harpou.bridge.api.tool.ToolCall;
import io.harpou.bridge.api.tool.ToolContext;
import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.bridge.api.tool.ToolSpec;
import io.harpou.bridge.api.memory.Passage;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/** The memory tools: store, recall, list and delete memories, and search the personal documents. */
public final class MemoryTools {

  private MemoryTools() {
  }

  /** Every memory tool. */
  public static List<Tool> all() {
    return List.of(
        tool(new ToolSpec("memory_store", "Remember a durable fact about the household, a person or a room, when the "
            + "user asks you to remember something or states a lasting preference.", schema()
            .put("properties", new JsonObject()
                .put("text", string("the fact as a short sentence"))
                .put("scope", scopeProperty())
                .put("subject", string("the person or room it is about (defaults to the speaker or their room)"))
                .put("ttl_days", new JsonObject().put("type", "integer").put("minimum", 1)
                    .put("description", "forget it after this many days")))
            .put("required", new JsonArray().add("text")), Risk.ACT, false), MemoryTools::store),
        tool(new ToolSpec("memory_recall", "Look up what you remember that is relevant to a question, by meaning and "
            + "words.", schema().put("properties", new JsonObject()
                .put("query", string("what to look for"))
                .put("scope", scopeProperty())
                .put("subject", string("only memories about this person or room"))
                .put("limit", limit(5)))
            .put("required", new JsonArray().add("query")), Risk.READ, false), MemoryTools::recall),
        tool(new ToolSpec("memory_list", "List the most recent memories, optionally of one scope.", schema()
            .put("properties", new JsonObject().put("scope", scopeProperty()).put("limit", limit(20))),
            Risk.READ, false), MemoryTools::list),
        tool(new ToolSpec("memory_delete", "Forget memories: one by id, those matching a description, or every "
            + "memory of a scope (with all=true).", schema().put("properties", new JsonObject()
                .put("id", string("the id of the memory to forget"))
                .put("query", string("a description of what to forget, e.g. 'the wifi password'"))
                .put("scope", scopeProperty())
                .put("subject", string("the person or room, with scope"))
                .put("all", new JsonObject().put("type", "boolean")
                    .put("description", "forget every memory of the scope"))),
            Risk.ACT, false), MemoryTools::delete),
        tool(new ToolSpec("search_documents", "Search the household's own documents (manuals, notes, letters) and "
            + "return the best passages with their file and page, to answer and cite them.", schema()
            .put("properties", new JsonObject().put("query", string("the question or keywords")).put("limit",
                limit(5)))
            .put("required", new JsonArray().add("query")), Risk.READ, false), MemoryTools::searchDocuments));
  }

  private static Future<ToolResult> store(JsonObject args, ToolContext context) {
    MemoryStore store = context.memory().orElseThrow();
    MemoryScope scope = scope(args);
    String subject = subject(args, scope, context);
    Long days = integer(args, "ttl_days");
    Instant expires = days == null ? null : Instant.now().plus(Duration.ofDays(Math.max(1, days)));
    Memory memory = new Memory(null, text(args, "text"), scope, subject, context.utterance().conversationId(),
        context.utterance().user(), null, expires);
    return store.remember(memory).map(stored -> ToolResult.ok(new JsonObject().put("stored", stored.toJson())));
  }

  private static Future<ToolResult> recall(JsonObject args, ToolContext context) {
    MemoryScope scope = args.getValue("scope") == null ? null : scope(args);
    int limit = Math.min(50, Math.max(1, integer(args, "limit") == null ? 5 : integer(args, "limit").intValue()));
    MemoryQuery query = new MemoryQuery(text(args, "query"), scope == null ? Set.of() : Set.of(scope),
        optionalText(args, "subject"), limit);
    return context.memory().orElseThrow().recall(query).map(found -> {
      JsonArray memories = new JsonArray();
      for (RecalledMemory r : found) {
        memories.add(r.memory().toJson().put("score", r.score()));
      }
      return ToolResult.ok(new JsonObject().put("memories", memories));
    });
  }

  private static Future<ToolResult> list(JsonObject args, ToolContext context) {
    MemoryScope scope = args.getValue("scope") == null ? null : scope(args);
    int limit = Math.min(200, Math.max(1, integer(args, "limit") == null ? 20 : integer(args, "limit").intValue()));
    return context.memory().orElseThrow().list(scope, limit).map(found -> ToolResult.ok(new JsonObject()
        .put("memories", new JsonArray(found.stream().map(m -> (Object) m.toJson()).toList()))));
  }

  private static Future<ToolResult> delete(JsonObject args, ToolContext context) {
    MemoryStore store = context.memory().orElseThrow();
    String id = optionalText(args, "id");
    if (id != null) {
      return store.forget(id).map(found -> found ? ToolResult.ok(new JsonObject().put("forgotten", 1))
          : ToolResult.error("no memory has the id " + id));
    }
    String query = optionalText(args, "query");
    MemoryScope scope = args.getValue("scope") == null ? null : scope(args);
    if (query != null) {
      return store.forgetMatching(query, scope, optionalText(args, "subject")).map(gone -> gone.isEmpty()
          ? ToolResult.error("no memory matches '" + query + "'")
          : ToolResult.ok(new JsonObject().put("forgotten", gone.size())
              .put("memories", new JsonArray(gone.stream().map(m -> (Object) m.toJson()).toList()))));
    }
    if (scope != null && args.getBoolean("all", false)) {
      return store.forgetScope(scope, optionalText(args, "subject"))
          .map(n -> ToolResult.ok(new JsonObject().put("forgotten", n)));
    }
    throw new ToolArgumentsException("memory_delete needs an id, a query, or a scope with all=true");
  }

  private static Future<ToolResult> searchDocuments(JsonObject args, ToolContext context) {
    int limit = Math.min(20, Math.max(1, integer(args, "limit") == null ? 5 : integer(args, "limit").intValue()));
    return context.memory().orElseThrow().searchDocuments(text(args, "query"), limit).map(passages -> {
      JsonArray out = new JsonArray();
      for (Passage p : passages) {
        out.add(p.toJson().put("citation", p.citation()));
      }
      return ToolResult.ok(new JsonObject().put("passages", out));
    });
  }

  private static Tool tool(ToolSpec spec, BiFunction<JsonObject, ToolContext, Future<ToolResult>> body) {
    return new Tool() {
      @Override
      public ToolSpec spec() {
        return spec;
      }

      @Override
      public Future<ToolResult> call(ToolCall call, ToolContext context) {
        if (context.memory().isEmpty()) {
          return Tool.done(ToolResult.error("memory is not enabled on this hub"));
        }
        try {
          return body.apply(call.arguments(), context)
              .recover(e -> e instanceof ToolArgumentsException ? Future.failedFuture(e)
                  : Future.succeededFuture(ToolResult.error(spec.name() + " failed: " + e.getMessage())));
        } catch (ToolArgumentsException e) {
          return Future.failedFuture(e);
        } catch (IllegalArgumentException | ClassCastException e) {
          return Future.failedFuture(new ToolArgumentsException(spec.name() + ": " + e.getMessage()));
        }
      }
    };
  }

  private static MemoryScope scope(JsonObject args) {
    Object value = args.getValue("scope");
    if (value == null) {
      return MemoryScope.HOUSEHOLD;
    }
    if (!(value instanceof String name)) {
      throw new ToolArgumentsException("scope must be one of household, person, room");
    }
    try {
      return MemoryScope.fromJson(name);
    } catch (IllegalArgumentException e) {
      throw new ToolArgumentsException("scope must be one of household, person, room, not '" + name + "'");
    }
  }

  private static String subject(JsonObject args, MemoryScope scope, ToolContext context) {
    String given = optionalText(args, "subject");
    if (given != null || scope == MemoryScope.HOUSEHOLD) {
      return scope == MemoryScope.HOUSEHOLD ? null : given;
    }
    return scope == MemoryScope.PERSON ? context.utterance().user() : context.room().orElse(null);
  }

  private static String text(JsonObject args, String key) {
    String value = optionalText(args, key);
    if (value == null) {
      throw new ToolArgumentsException(key + " is required and must be text");
    }
    return value;
  }

  private static String optionalText(JsonObject args, String key) {
    Object value = args.getValue(key);
    if (value != null && !(value instanceof String)) {
      throw new ToolArgumentsException(key + " must be text");
    }
    return value == null || ((String) value).isBlank() ? null : ((String) value).strip();
  }

  private static Long integer(JsonObject args, String key) {
    Object value = args.getValue(key);
    if (value != null && !(value instanceof Number)) {
      throw new ToolArgumentsException(key + " must be a number");
    }
    return value == null ? null : ((Number) value).longValue();
  }

  private static JsonObject schema() {
    return new JsonObject().put("type", "object");
  }

  private static JsonObject string(String description) {
    return new JsonObject().put("type", "string").put("description", description);
  }

  private static JsonObject limit(int byDefault) {
    return new JsonObject().put("type", "integer").put("minimum", 1).put("description", "at most this many, default "
        + byDefault);
  }

  private static JsonObject scopeProperty() {
    return new JsonObject().put("type", "string").put("enum", new JsonArray().add("household").add("person")
        .add("room")).put("description", "whom it is about (default household)");
  }
}
