package io.harpou.tools.system.web;

import io.harpou.bridge.api.tool.Risk;
import io.harpou.bridge.api.tool.Tool;
import io.harpou.bridge.api.tool.ToolCall;
import io.harpou.bridge.api.tool.ToolContext;
import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.bridge.api.tool.ToolSpec;
import io.harpou.tools.system.common.Args;
import io.harpou.tools.system.common.Schema;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Searches the web through the household's SearXNG instance ({@code web.searxng_url}), over its JSON API
 * ({@code /search?format=json}), and returns the top results' titles, addresses and snippets, plus any direct
 * answers. The instance is the household's own, so its address may be private; the pages it lists are read with
 * {@code read_webpage}, which is not.
 */
final class WebSearchTool implements Tool {

  static final int MAX_RESPONSE_BYTES = 1024 * 1024;
  private static final ToolSpec SPEC = new ToolSpec("web_search",
      "Searches the web and returns the top results (title, address, snippet). Use it for questions about the world"
          + " outside the home; read a result with read_webpage.",
      Schema.object().string("query", "what to search for", true)
          .integer("limit", "how many results (default 5)", 1, 20, false).build(), Risk.READ, false);

  private final String baseUrl;
  private final long timeoutMs;

  WebSearchTool(String baseUrl, long timeoutMs) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.timeoutMs = timeoutMs;
  }

  @Override
  public ToolSpec spec() {
    return SPEC;
  }

  @Override
  public Future<ToolResult> call(ToolCall call, ToolContext context) {
    String query = Args.text(call.arguments(), "query");
    int limit = Args.integer(call.arguments(), "limit", 5, 1, 20);
    String url = baseUrl + "/search?format=json&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)
        + "&language=" + URLEncoder.encode(context.language(), StandardCharsets.UTF_8);
    HttpClient client = context.vertx().createHttpClient(new HttpClientOptions().setKeepAlive(false));
    return client.request(new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(url)
            .putHeader("Accept", "application/json"))
        .compose(request -> request.send().compose(response -> {
          if (response.statusCode() != 200) {
            request.reset();
            return Future.succeededFuture(ToolResult.error("The search service answered HTTP "
                + response.statusCode() + "."));
          }
          Buffer body = Buffer.buffer();
          response.handler(chunk -> {
            body.appendBuffer(chunk);
            if (body.length() > MAX_RESPONSE_BYTES) {
              request.reset();
            }
          });
          return response.end().map(v -> results(body, limit));
        }))
        .timeout(timeoutMs, TimeUnit.MILLISECONDS)
        .recover(e -> Future.succeededFuture(ToolResult.error("The search service at " + baseUrl
            + " could not be reached: " + e.getMessage())))
        .onComplete(done -> client.close());
  }

  private static ToolResult results(Buffer body, int limit) {
    JsonObject json;
    try {
      json = body.toJsonObject();
    } catch (DecodeException | ClassCastException e) {
      return ToolResult.error("The search service did not answer with JSON; is format=json enabled in its"
          + " settings (search.formats)?");
    }
    JsonArray results = new JsonArray();
    for (Object item : json.getJsonArray("results", new JsonArray())) {
      if (item instanceof JsonObject result && results.size() < limit) {
        results.add(new JsonObject().put("title", result.getString("title", ""))
            .put("url", result.getString("url", "")).put("snippet", result.getString("content", "")));
      }
    }
    JsonObject out = new JsonObject().put("query", json.getString("query", "")).put("results", results);
    JsonArray answers = json.getJsonArray("answers", new JsonArray());
    return ToolResult.ok(answers.isEmpty() ? out : out.put("answers", answers));
  }
}
