package io.harpou.bridge.vertx.memory.impl;

import io.harpou.bridge.api.BridgeException;
import io.harpou.bridge.vertx.memory.Embedder;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.util.ArrayList;
import java.util.List;

/** Embeddings from an Ollama server's {@code POST /api/embed}, several texts per request. */
public final class OllamaEmbedder implements Embedder {

  private final WebClient client;
  private final String url;
  private final String model;

  /** Creates the embedder for {@code model} at {@code baseUrl}. */
  public OllamaEmbedder(Vertx vertx, String baseUrl, String model) {
    this.client = WebClient.create(vertx);
    this.url = (baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl) + "/api/embed";
    this.model = model;
  }

  @Override
  public String modelId() {
    return "ollama-" + model;
  }

  @Override
  public Future<List<float[]>> embedAll(List<String> texts) {
    if (texts.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    JsonObject body = new JsonObject().put("model", model).put("input", new JsonArray(new ArrayList<>(texts)));
    return client.postAbs(url).timeout(60_000).sendJsonObject(body)
        .recover(e -> Future.failedFuture(new BridgeException("Ollama unreachable for embeddings: " + e.getMessage(),
            e)))
        .compose(response -> {
          if (response.statusCode() != 200) {
            return Future.failedFuture(new BridgeException("Ollama embeddings failed with " + response.statusCode()
                + ": " + response.bodyAsString()));
          }
          JsonArray embeddings = response.bodyAsJsonObject().getJsonArray("embeddings", new JsonArray());
          if (embeddings.size() != texts.size()) {
            return Future.failedFuture(new BridgeException("Ollama returned " + embeddings.size()
                + " embeddings for " + texts.size() + " texts"));
          }
          List<float[]> out = new ArrayList<>(texts.size());
          for (int i = 0; i < embeddings.size(); i++) {
            JsonArray values = embeddings.getJsonArray(i);
            float[] v = new float[values.size()];
            for (int j = 0; j < v.length; j++) {
              v[j] = values.getNumber(j).floatValue();
            }
            out.add(Vectors.normalize(v));
          }
          return Future.succeededFuture(out);
        });
  }

  @Override
  public Future<Void> close() {
    client.close();
    return Future.succeededFuture();
  }
}
