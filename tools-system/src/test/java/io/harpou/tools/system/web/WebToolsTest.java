package io.harpou.tools.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.testkit.searxng.VirtualSearxng;
import io.harpou.tools.system.ToolTestSupport;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code read_webpage} and {@code web_search} against real servers on 127.0.0.1: a page server the household allows
 * (article, redirect loop, huge page, binary, slow drip, a redirect into the private network), a "router" that must
 * never be reached, and the virtual SearXNG.
 */
class WebToolsTest {

  private static final String ARTICLE = "<!DOCTYPE html><html><head><title>Tides of Brest</title>"
      + "<script>document.title='owned'</script><style>p{color:red}</style></head><body>"
      + "<nav><a href='/'>Home</a> <a href='/about'>About</a></nav><header>Site header</header>"
      + "<article><h1>High tide today</h1><p>The high tide is at 14:02.</p><p>Low tide follows at 20:15.</p>"
      + "</article><footer>Copyright</footer></body></html>";

  private final Vertx vertx = Vertx.vertx();
  private final List<String> routerRequests = new CopyOnWriteArrayList<>();
  private final AtomicLong hugeBytesSent = new AtomicLong();
  private HttpServer pages;
  private HttpServer router;
  private VirtualSearxng searxng;
  private ToolTestSupport tools;

  @BeforeEach
  void start() {
    router = vertx.createHttpServer().requestHandler(r -> {
      routerRequests.add(r.uri());
      r.response().end("<html><title>Router admin</title><body>password: hunter2</body></html>");
    }).listen(0, "127.0.0.1").await();
    pages = vertx.createHttpServer().requestHandler(r -> {
      HttpServerResponse response = r.response();
      switch (r.path()) {
        case "/article" -> response.putHeader("Content-Type", "text/html; charset=utf-8").end(ARTICLE);
        case "/loop-a" -> response.setStatusCode(302).putHeader("Location", "/loop-b").end();
        case "/loop-b" -> response.setStatusCode(301).putHeader("Location", "/loop-a").end();
        case "/to-router" -> response.setStatusCode(302).putHeader("Location", "http://127.0.0.1:"
            + router.actualPort() + "/admin").end();
        case "/to-localhost" -> response.setStatusCode(307).putHeader("Location", "http://localhost:"
            + router.actualPort() + "/admin").end();
        case "/to-file" -> response.setStatusCode(302).putHeader("Location", "file:///etc/passwd").end();
        case "/binary" -> response.putHeader("Content-Type", "image/png").end(Buffer.buffer(new byte[] {(byte) 0x89,
            'P', 'N', 'G', 0, 0, 0, 0}));
        case "/huge" -> huge(response);
        case "/slow" -> slow(response);
        default -> response.setStatusCode(404).end("not here");
      }
    }).listen(0, "127.0.0.1").await();
    searxng = VirtualSearxng.create(vertx).start().await();
    tools = tools(10_000);
  }

  private ToolTestSupport tools(long timeoutMs) {
    return new ToolTestSupport(vertx, new JsonObject().put("web", new JsonObject()
        .put("allowed_hosts", new JsonArray().add("127.0.0.1:" + pages.actualPort()))
        .put("searxng_url", searxng.baseUrl()).put("timeout_ms", timeoutMs).put("max_bytes", 100_000)
        .put("max_chars", 5_000).put("max_redirects", 3)));
  }

  /** Streams HTML without end, as fast as the reader takes it, counting what was sent. */
  private void huge(HttpServerResponse response) {
    response.setChunked(true).putHeader("Content-Type", "text/html");
    Buffer chunk = Buffer.buffer("<p>" + "lorem ipsum ".repeat(5000) + "</p>");
    Runnable[] more = new Runnable[1];
    more[0] = () -> {
      while (!response.writeQueueFull() && !response.closed() && hugeBytesSent.get() < 50_000_000) {
        response.write(chunk);
        hugeBytesSent.addAndGet(chunk.length());
      }
      if (!response.closed() && hugeBytesSent.get() < 50_000_000) {
        response.drainHandler(v -> more[0].run());
      }
    };
    response.write("<html><head><title>Huge</title></head><body>");
    more[0].run();
  }

  /** One byte every 300 ms, never finishing. */
  private void slow(HttpServerResponse response) {
    response.setChunked(true).putHeader("Content-Type", "text/html").write("<html>");
    long timer = vertx.setPeriodic(300, t -> {
      if (!response.closed()) {
        response.write("a");
      }
    });
    response.closeHandler(v -> vertx.cancelTimer(timer));
  }

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  private String page(String path) {
    return "http://127.0.0.1:" + pages.actualPort() + path;
  }

  private ToolResult read(String url) {
    return tools.call("read_webpage", new JsonObject().put("url", url));
  }

  @Test
  void should_return_the_title_and_the_articles_text_without_scripts_or_menus() {
    JsonObject page = read(page("/article")).json();

    assertThat(page.getString("title")).isEqualTo("Tides of Brest");
    assertThat(page.getString("text")).isEqualTo("High tide today\nThe high tide is at 14:02.\nLow tide follows at"
        + " 20:15.");
  }

  @Test
  void should_stop_a_redirect_loop_after_the_allowed_hops() {
    ToolResult result = read(page("/loop-a"));

    assertThat(result.error()).isTrue();
    assertThat(result.content()).contains("more than 3 redirects");
  }

  @Test
  void should_read_only_the_first_bytes_of_a_huge_page_and_drop_the_connection() {
    ToolResult result = read(page("/huge"));

    assertThat(result.error()).as(result.content()).isFalse();
    assertThat(result.json().getBoolean("truncated")).isTrue();
    assertThat(result.json().getString("text").length()).isLessThanOrEqualTo(5_000);
    assertThat(hugeBytesSent.get()).isLessThan(50_000_000);
  }

  @Test
  void should_refuse_a_binary_body() {
    ToolResult result = read(page("/binary"));

    assertThat(result.error()).isTrue();
    assertThat(result.content()).contains("not a web page but image/png");
  }

  @Test
  void should_give_up_on_a_page_that_drips_past_the_time_limit() {
    ToolResult result = tools(1500).call("read_webpage", new JsonObject().put("url", page("/slow")));

    assertThat(result.error()).isTrue();
    assertThat(result.content()).contains("took more than 1500 ms");
  }

  @Test
  void should_never_reach_the_households_network_directly_by_name_or_through_a_redirect() {
    String routerPort = String.valueOf(router.actualPort());
    List<String> attacks = List.of("http://127.0.0.1:" + routerPort + "/admin", "http://localhost:" + routerPort
        + "/admin", "http://[::ffff:127.0.0.1]:" + routerPort + "/admin", "http://[::1]:" + routerPort + "/admin",
        "http://127.1:" + routerPort + "/admin", page("/to-router"), page("/to-localhost"));

    for (String attack : attacks) {
      ToolResult result = read(attack);
      assertThat(result.error()).as(attack).isTrue();
      assertThat(result.content()).as(attack).doesNotContain("hunter2");
    }
    assertThat(routerRequests).isEmpty();
  }

  @Test
  void should_refuse_other_schemes_and_credentials_in_the_url() {
    assertThat(read("file:///etc/passwd").content()).contains("only http and https");
    assertThat(read(page("/to-file")).content()).contains("only http and https");
    assertThat(read("http://admin:secret@127.0.0.1:" + pages.actualPort() + "/article").content())
        .contains("user name or password");
  }

  @Test
  void should_search_through_searxngs_json_api() {
    searxng.add("tide", "Tide times for Brest", "https://tides.example/brest", "High tide at 14:02.");

    JsonObject found = tools.call("web_search", new JsonObject().put("query", "tide in Brest")).json();

    assertThat(found.getJsonArray("results").getJsonObject(0)).isEqualTo(new JsonObject()
        .put("title", "Tide times for Brest").put("url", "https://tides.example/brest")
        .put("snippet", "High tide at 14:02."));
    assertThat(searxng.queries()).containsExactly("tide in Brest");
  }

  @Test
  void should_say_when_searxng_does_not_serve_json() {
    searxng.jsonEnabled(false);

    ToolResult result = tools.call("web_search", new JsonObject().put("query", "tide"));

    assertThat(result.error()).isTrue();
    assertThat(result.content()).contains("HTTP 403");
  }
}
