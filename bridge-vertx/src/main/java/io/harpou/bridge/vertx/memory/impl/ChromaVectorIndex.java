package io.harpou.bridge.vertx.memory.impl;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Vectors in a Chroma 1.x server through its v2 REST API, one cosine collection per embedding model. At open, a
 * collection that does not hold exactly the database's vectors is rebuilt from them.
 */
final class ChromaVectorIndex implements VectorIndex {

  private static final Logger LOG = LoggerFactory.getLogger(ChromaVectorIndex.class);
  private static final int BATCH = 256;

  private final WebClient client;
  private final String base;
  private final String prefix;
  private String collectionId;

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
  public Future<Void> open(String modelId, List<Entry> stored) {
    String name = collectionName(prefix, modelId);
    return createCollection(name)
        .compose(id -> call(HttpMethod.GET, base + "/" + id + "/count", null).map(body -> {
          collectionId = id;
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
                collectionId = id;
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
  public Future<Void> upsert(List<Entry> entries) {
    Future<Void> chain = Future.succeededFuture();
    for (int from = 0; from < entries.size(); from += BATCH) {
      List<Entry> batch = entries.subList(from, Math.min(entries.size(), from + BATCH));
      chain = chain.compose(v -> upsertBatch(batch));
    }
    return chain;
  }

  private Future<Void> upsertBatch(List<Entry> batch) {
    JsonArray ids = new JsonArray();
    JsonArray embeddings = new JsonArray();
    JsonArray metadatas = new JsonArray();
    for (Entry entry : batch) {
      ids.add(entry.id());
      JsonArray vector = new JsonArray();
      for (float x : entry.vector()) {
        vector.add(x);
      }
      embeddings.add(vector);
      metadatas.add(new JsonObject().put("kind", entry.kind()));
    }
    JsonObject body = new JsonObject().put("ids", ids).put("embeddings", embeddings).put("metadatas", metadatas);
    return call(HttpMethod.POST, collection() + "/upsert", body).mapEmpty();
  }

  @Override
  public Future<Void> remove(Collection<String> ids) {
    if (ids.isEmpty()) {
      return Future.succeededFuture();
    }
    return call(HttpMethod.POST, collection() + "/delete", new JsonObject().put("ids", new JsonArray(List.copyOf(ids))))
        .mapEmpty();
  }

  @Override
  public Future<List<Hit>> search(float[] query, String kind, int k) {
    JsonArray vector = new JsonArray();
    for (float x : query) {
      vector.add(x);
    }
    JsonObject body = new JsonObject().put("query_embeddings", new JsonArray().add(vector)).put("n_results", k)
        .put("where", new JsonObject().put("kind", kind)).put("include", new JsonArray().add("distances"));
    return call(HttpMethod.POST, collection() + "/query", body).map(reply -> {
      JsonObject json = reply.toJsonObject();
      JsonArray ids = json.getJsonArray("ids").getJsonArray(0);
      JsonArray distances = json.getJsonArray("distances").getJsonArray(0);
      List<Hit> hits = new ArrayList<>(ids.size());
      for (int i = 0; i < ids.size(); i++) {
        hits.add(new Hit(ids.getString(i), 1.0 - distances.getDouble(i)));
      }
      return hits;
    });
  }

  @Override
  public Future<Void> close() {
    client.close();
    return Future.succeededFuture();
  }

  private String collection() {
    if (collectionId == null) {
      throw new BridgeException("the Chroma collection is not open");
    }
    return base + "/" + collectionId;
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
