package io.harpou.bridge.vertx.memory.impl;

import io.harpou.bridge.vertx.memory.MemoryStorage.StoredVector;
import io.harpou.bridge.api.BridgeException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Vectors in a Chroma 1.x server through its v2 REST API, one cosine collection per embedding model and kind
 * (memories, document chunks): a query then needs no metadata filter, which made Chroma's search several times
 * slower. At open, a collection that does not hold exactly the database's vectors is rebuilt from them.
 */
final class ChromaVectorIndex implements VectorIndex {

  private static final Logger LOG = LoggerFactory.getLogger(ChromaVectorIndex.class);
  private static final int BATCH = 256;
  private static final List<String> KINDS = List.of(MemoryTables.MEMORY, MemoryTables.CHUNK);

  private final WebClient client;
  private final String base;
  private final String prefix;
  /** Collection id by kind. */
  private final Map<String, String> collections = new ConcurrentHashMap<>();

  ChromaVectorIndex(Vertx vertx, String url, String prefix) {
    this.client = WebClient.create(vertx);
    String trimmed = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    this.base = trimmed + "/api/v2/tenants/default_tenant/databases/default_database/collections";
    this.prefix = prefix;
  }

  /** A valid Chroma collection name for a prefix and a model id. */
  static String collectionName(String prefix, String modelId) {
    String name = (prefix + "-" + modelId).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-")
        .replaceAll("^[^a-z0-9]+|[^a-z0-9]+$", "");
    return name.length() < 3 ? name + "-vectors" : name;
  }

  @Override
  public Future<Void> open(String modelId, List<StoredVector> stored) {
    // Earlier versions kept both kinds in one collection of the bare name; its vectors are in the database too.
    Future<Void> chain = call(HttpMethod.DELETE, base + "/" + collectionName(prefix, modelId), null)
        .<Void>mapEmpty().recover(e -> Future.succeededFuture());
    for (String kind : KINDS) {
      List<StoredVector> ofKind = stored.stream().filter(e -> e.kind().equals(kind)).toList();
      chain = chain.compose(v -> openKind(collectionName(prefix, modelId) + "-" + kind, kind, ofKind));
    }
    return chain;
  }

  private Future<Void> openKind(String name, String kind, List<StoredVector> stored) {
    return createCollection(name)
        .compose(id -> call(HttpMethod.GET, base + "/" + id + "/count", null).map(body -> {
          collections.put(kind, id);
          return Integer.parseInt(body.toString().trim());
        }))
        .compose(count -> {
          if (count == stored.size()) {
            return Future.succeededFuture();
          }
          LOG.info("Rebuilding Chroma collection {} from {} stored vectors (it held {})", name, stored.size(), count);
          return call(HttpMethod.DELETE, base + "/" + name, null)
              .compose(v -> createCollection(name))
              .compose(id -> {
                collections.put(kind, id);
                return upsert(stored);
              });
        });
  }

  private Future<String> createCollection(String name) {
    JsonObject body = new JsonObject().put("name", name).put("get_or_create", true)
        .put("configuration", new JsonObject().put("hnsw", new JsonObject().put("space", "cosine")));
    return call(HttpMethod.POST, base, body).map(reply -> reply.toJsonObject().getString("id"));
  }

  @Override
  public Future<Void> upsert(List<StoredVector> entries) {
    Future<Void> chain = Future.succeededFuture();
    for (String kind : KINDS) {
      List<StoredVector> ofKind = entries.stream().filter(e -> e.kind().equals(kind)).toList();
      for (int from = 0; from < ofKind.size(); from += BATCH) {
        List<StoredVector> batch = ofKind.subList(from, Math.min(ofKind.size(), from + BATCH));
        chain = chain.compose(v -> upsertBatch(kind, batch));
      }
    }
    return chain;
  }

  private Future<Void> upsertBatch(String kind, List<StoredVector> batch) {
    JsonArray ids = new JsonArray();
    JsonArray embeddings = new JsonArray();
    for (StoredVector entry : batch) {
      ids.add(entry.id());
      embeddings.add(vector(entry.vector()));
    }
    JsonObject body = new JsonObject().put("ids", ids).put("embeddings", embeddings);
    return call(HttpMethod.POST, collection(kind) + "/upsert", body).mapEmpty();
  }

  @Override
  public Future<Void> remove(Collection<String> ids) {
    if (ids.isEmpty()) {
      return Future.succeededFuture();
    }
    // The caller does not say which kind the ids are; deleting an unknown id is a no-op in Chroma.
    JsonObject body = new JsonObject().put("ids", new JsonArray(List.copyOf(ids)));
    Future<Void> chain = Future.succeededFuture();
    for (String kind : KINDS) {
      chain = chain.compose(v -> call(HttpMethod.POST, collection(kind) + "/delete", body).mapEmpty());
    }
    return chain;
  }

  @Override
  public Future<List<Hit>> search(float[] query, String kind, int k) {
    JsonObject body = new JsonObject().put("query_embeddings", new JsonArray().add(vector(query))).put("n_results", k)
        .put("include", new JsonArray().add("distances"));
    return Future.succeededFuture().compose(v -> call(HttpMethod.POST, collection(kind) + "/query", body))
        .map(ChromaVectorIndex::hits);
  }

  private static List<Hit> hits(Buffer reply) {
    JsonObject json = reply.toJsonObject();
    JsonArray ids = json.getJsonArray("ids").getJsonArray(0);
    JsonArray distances = json.getJsonArray("distances").getJsonArray(0);
    List<Hit> hits = new ArrayList<>(ids.size());
    for (int i = 0; i < ids.size(); i++) {
      hits.add(new Hit(ids.getString(i), 1.0 - distances.getDouble(i)));
    }
    return hits;
  }

  private static JsonArray vector(float[] values) {
    JsonArray vector = new JsonArray(new ArrayList<>(values.length));
    for (float x : values) {
      vector.add(x);
    }
    return vector;
  }

  @Override
  public Future<Void> close() {
    client.close();
    return Future.succeededFuture();
  }

  private String collection(String kind) {
    String id = collections.get(kind);
    if (id == null) {
      throw new BridgeException("the Chroma collection for " + kind + " vectors is not open");
    }
    return base + "/" + id;
  }

  private Future<Buffer> call(HttpMethod method, String url, JsonObject body) {
    var request = client.requestAbs(method, url).timeout(30_000);
    Future<HttpResponse<Buffer>> sent = body == null ? request.send() : request.sendJsonObject(body);
    return sent.recover(e -> Future.failedFuture(new BridgeException("Chroma unreachable: " + e.getMessage(), e)))
        .compose(response -> {
          if (response.statusCode() / 100 == 2) {
            return Future.succeededFuture(response.body() == null ? Buffer.buffer() : response.body());
          }
          String message = response.bodyAsString();
          return Future.failedFuture(new BridgeException("Chroma answered " + response.statusCode() + " to "
              + method + " " + url.substring(url.indexOf("/api/")) + ": " + message));
        });
  }
}
