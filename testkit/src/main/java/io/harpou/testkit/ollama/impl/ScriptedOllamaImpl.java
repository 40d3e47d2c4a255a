package io.harpou.testkit.ollama.impl;

import io.harpou.testkit.ollama.OllamaReply;
import io.harpou.testkit.ollama.OllamaRule;
import io.harpou.testkit.ollama.OllamaScript;
import io.harpou.testkit.ollama.RecordedRequest;
import io.harpou.testkit.ollama.ScriptedOllama;
import io.harpou.testkit.ollama.ScriptedOllamaOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The scripted Ollama server: lifecycle, request recording and routing. */
public final class ScriptedOllamaImpl implements ScriptedOllama {

  private static final Logger LOG = LoggerFactory.getLogger(ScriptedOllamaImpl.class);
  private static final long BODY_LIMIT = 64L * 1024 * 1024;

  private final Vertx vertx;
  private final ScriptedOllamaOptions options;
  private final ScriptBook book = new ScriptBook();
  private final ModelCatalog catalog;
  private final ApiHandlers handlers;
  private final OpenAiHandlers openAi;
  private final List<RecordedRequest> recorded = new CopyOnWriteArrayList<>();
  private final BlockingQueue<RecordedRequest> untaken = new LinkedBlockingQueue<>();
  private volatile HttpServer server;

  /** Creates the server; see {@link ScriptedOllama#create}. */
  public ScriptedOllamaImpl(Vertx vertx, ScriptedOllamaOptions options) {
    this.vertx = Objects.requireNonNull(vertx, "vertx");
    this.options = Objects.requireNonNull(options, "options");
    this.catalog = new ModelCatalog(options.getModels(), options.getEmbeddingDimension());
    this.handlers = new ApiHandlers(vertx, options, catalog, book);
    this.openAi = new OpenAiHandlers(vertx, options, book);
    book.load(options.getScript());
  }

  @Override
  public Future<ScriptedOllama> start() {
    // Ollama speaks HTTP/1.1 only; refusing the h2c upgrade keeps clients on the same path as with the real server.
    HttpServerOptions serverOptions = new HttpServerOptions()
        .setHost(options.getHost())
        .setPort(options.getPort())
        .setHttp2ClearTextEnabled(false);
    return vertx.createHttpServer(serverOptions)
        .requestHandler(router())
        .listen()
        .map(bound -> {
          server = bound;
          LOG.info("Scripted Ollama listening on {}", baseUrl());
          return (ScriptedOllama) this;
        });
  }

  private Router router() {
    Router router = Router.router(vertx);
    router.route().handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT));
    router.route().handler(this::record);
    router.route(HttpMethod.GET, "/").handler(ApiHandlers::running);
    router.route(HttpMethod.HEAD, "/").handler(ApiHandlers::running);
    router.get("/api/version").handler(handlers::version);
    router.get("/api/tags").handler(handlers::tags);
    router.get("/api/ps").handler(handlers::ps);
    router.post("/api/show").handler(handlers::show);
    router.post("/api/chat").handler(handlers::chat);
    router.post("/api/embed").handler(handlers::embed);
    router.post("/api/embeddings").handler(handlers::legacyEmbeddings);
    router.post("/v1/chat/completions").handler(openAi::chat);
    router.get("/v1/models").handler(openAi::models);
    router.post("/openai/deployments/:deployment/chat/completions").handler(openAi::azureChat);
    router.route().handler(ApiHandlers::notFound);
    router.route().failureHandler(ApiHandlers::failure);
    return router;
  }

  private void record(RoutingContext ctx) {
    String raw = ctx.body() == null || ctx.body().buffer() == null ? "" : ctx.body().asString();
    Map<String, String> headers = new HashMap<>();
    ctx.request().headers().forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), value));
    RecordedRequest request = new RecordedRequest(ctx.request().method().name(), ctx.request().path(),
        ApiHandlers.parse(raw), raw, ctx.request().query(), headers);
    recorded.add(request);
    untaken.add(request);
    LOG.debug("Scripted Ollama got {} {}", request.method(), request.path());
    ctx.next();
  }

  @Override
  public int actualPort() {
    HttpServer bound = server;
    return bound == null ? -1 : bound.actualPort();
  }

  @Override
  public String baseUrl() {
    return "http://" + options.getHost() + ":" + actualPort();
  }

  @Override
  public Future<Void> close() {
    HttpServer bound = server;
    server = null;
    return bound == null ? Future.succeededFuture() : bound.close();
  }

  @Override
  public ScriptedOllama enqueue(OllamaReply reply) {
    book.enqueue(Objects.requireNonNull(reply, "reply"));
    return this;
  }

  @Override
  public ScriptedOllama addRule(OllamaRule rule) {
    book.addRule(Objects.requireNonNull(rule, "rule"));
    return this;
  }

  @Override
  public ScriptedOllama fallback(OllamaReply reply) {
    book.fallback(Objects.requireNonNull(reply, "reply"));
    return this;
  }

  @Override
  public ScriptedOllama load(OllamaScript script) {
    book.load(Objects.requireNonNull(script, "script"));
    return this;
  }

  @Override
  public int pendingReplies() {
    return book.pending();
  }

  @Override
  public List<RecordedRequest> requests() {
    return List.copyOf(recorded);
  }

  @Override
  public int requestCount() {
    return recorded.size();
  }

  @Override
  public RecordedRequest takeRequest(Duration timeout) {
    try {
      RecordedRequest request = untaken.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (request == null) {
        throw new IllegalStateException("no request reached the scripted Ollama within " + timeout);
      }
      return request;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a request", e);
    }
  }
}
