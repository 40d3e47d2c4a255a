package io.harpou.testkit.searxng;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A SearXNG instance's search API on 127.0.0.1: {@code GET} or {@code POST /search} with {@code q} and
 * {@code format=json} answers SearXNG's JSON document (query, number_of_results, results with url, title, content,
 * engine, engines, positions, score, category; answers, corrections, infoboxes, suggestions,
 * unresponsive_engines). As a real instance does when JSON is not enabled in its settings, {@code format=json} can
 * be made to get 403. Its fidelity is judged by a SearXNG client from npm.
 */
public final class VirtualSearxng {

  /** A result answered for queries containing {@code keyword}. */
  public record Result(String keyword, String title, String url, String content) {
  }

  private final Vertx vertx;
  private final List<Result> results = Collections.synchronizedList(new ArrayList<>());
  private final List<String> queries = Collections.synchronizedList(new ArrayList<>());
  private volatile boolean jsonEnabled = true;
  private HttpServer server;

  private VirtualSearxng(Vertx vertx) {
    this.vertx = vertx;
  }

  /** Creates a server; nothing listens until {@link #start()}. */
  public static VirtualSearxng create(Vertx vertx) {
    return new VirtualSearxng(vertx);
  }

  /** Listens on 127.0.0.1 on a free port. */
  public Future<VirtualSearxng> start() {
    server = vertx.createHttpServer().requestHandler(this::handle);
    return server.listen(0, "127.0.0.1").map(this);
  }

  /** The base URL, such as {@code http://127.0.0.1:41234}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  /** Answers queries containing {@code keyword} (ignoring case) with this result, after those added before. */
  public VirtualSearxng add(String keyword, String title, String url, String content) {
    results.add(new Result(keyword.toLowerCase(Locale.ROOT), title, url, content));
    return this;
  }

  /** Whether {@code format=json} is allowed (SearXNG's {@code search.formats}); when not, it gets 403. */
  public VirtualSearxng jsonEnabled(boolean enabled) {
    this.jsonEnabled = enabled;
    return this;
  }

  /** Every query received, oldest first. */
  public List<String> queries() {
    synchronized (queries) {
      return List.copyOf(queries);
    }
  }

  /** Stops listening. */
  public Future<Void> close() {
    return server == null ? Future.succeededFuture() : server.close();
  }

  private void handle(HttpServerRequest request) {
    if (!request.path().equals("/search")) {
      request.response().setStatusCode(404).end("Not Found");
      return;
    }
    String type = String.valueOf(request.getHeader("Content-Type"));
    // SearXNG takes a POSTed form as well as a query string; a GET may carry any content type.
    if (request.method() == io.vertx.core.http.HttpMethod.POST
        && (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data"))) {
      request.setExpectMultipart(true);
    }
    request.end().onSuccess(v -> {
      String query = request.getParam("q") != null ? request.getParam("q") : request.getFormAttribute("q");
      String format = request.getParam("format") != null ? request.getParam("format")
          : request.getFormAttribute("format");
      if (query == null || query.isBlank()) {
        request.response().setStatusCode(400).end("Bad Request");
        return;
      }
      queries.add(query);
      if (!"json".equals(format)) {
        request.response().putHeader("Content-Type", "text/html; charset=utf-8")
            .end("<!DOCTYPE html><html><head><title>" + query + " - SearXNG</title></head><body></body></html>");
        return;
      }
      if (!jsonEnabled) {
        request.response().setStatusCode(403).putHeader("Content-Type", "text/html; charset=utf-8")
            .end("<html><body>Forbidden</body></html>");
        return;
      }
      request.response().putHeader("Content-Type", "application/json").end(answer(query).encode());
    });
  }

  private JsonObject answer(String query) {
    String lower = query.toLowerCase(Locale.ROOT);
    JsonArray list = new JsonArray();
    synchronized (results) {
      for (Result r : results) {
        if (lower.contains(r.keyword())) {
          int position = list.size() + 1;
          list.add(new JsonObject().put("url", r.url()).put("title", r.title()).put("content", r.content())
              .put("engine", "duckduckgo").put("parsed_url", parsed(r.url())).put("template", "default.html")
              .put("engines", new JsonArray().add("duckduckgo")).put("positions", new JsonArray().add(position))
              .put("publishedDate", null).put("thumbnail", "").put("img_src", "").put("priority", "")
              .put("score", 1.0 / position).put("category", "general"));
        }
      }
    }
    return new JsonObject().put("query", query).put("number_of_results", list.size()).put("results", list)
        .put("answers", new JsonArray()).put("corrections", new JsonArray()).put("infoboxes", new JsonArray())
        .put("suggestions", new JsonArray()).put("unresponsive_engines", new JsonArray());
  }

  private static JsonArray parsed(String url) {
    java.net.URI uri = java.net.URI.create(url);
    return new JsonArray().add(String.valueOf(uri.getScheme())).add(String.valueOf(uri.getAuthority()))
        .add(uri.getPath() == null ? "" : uri.getPath()).add("").add(uri.getQuery() == null ? "" : uri.getQuery())
        .add("");
  }
}
