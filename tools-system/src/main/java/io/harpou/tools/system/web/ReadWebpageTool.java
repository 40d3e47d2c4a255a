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
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads a web page and returns its title and readable text (the article or main part, without scripts, menus and
 * footers), through the bounded {@link PageFetcher}. The text is data for the model, never instructions.
 */
final class ReadWebpageTool implements Tool {

  static final int DEFAULT_MAX_CHARS = 20_000;
  private static final String BLOCKS = "h1, h2, h3, h4, h5, h6, p, li, pre, blockquote, td, th, dt, dd";

  private static final ToolSpec SPEC = new ToolSpec("read_webpage",
      "Reads a web page and returns its title and main text. Use it on a result of web_search or a link the user"
          + " gave.",
      Schema.object().string("url", "the page's http or https address", true).build(), Risk.READ, false);

  private final PageFetcher fetcher;
  private final int maxChars;

  ReadWebpageTool(JsonObject web) {
    this.fetcher = new PageFetcher(web);
    this.maxChars = web.getInteger("max_chars", DEFAULT_MAX_CHARS);
  }

  @Override
  public ToolSpec spec() {
    return SPEC;
  }

  @Override
  public Future<ToolResult> call(ToolCall call, ToolContext context) {
    String url = Args.text(call.arguments(), "url");
    return fetcher.fetch(context.vertx(), url)
        .compose(page -> context.vertx().executeBlocking(() -> ToolResult.ok(extract(page)), false))
        .recover(e -> Future.succeededFuture(ToolResult.error("Could not read the page: " + e.getMessage())));
  }

  private JsonObject extract(PageFetcher.Page page) {
    Document document;
    try {
      document = page.contentType().startsWith("text/plain")
          ? Document.createShell(page.url().toString())
          : Jsoup.parse(new ByteArrayInputStream(page.body()), null, page.url().toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String text;
    if (page.contentType().startsWith("text/plain")) {
      text = new String(page.body(), java.nio.charset.StandardCharsets.UTF_8);
    } else {
      document.select("script, style, noscript, nav, header, footer, aside, form, svg, iframe, template").remove();
      Element main = document.selectFirst("article");
      main = main != null ? main : document.selectFirst("main");
      main = main != null ? main : document.body();
      text = readable(main);
    }
    boolean cut = page.truncated() || text.length() > maxChars;
    JsonObject json = new JsonObject().put("url", page.url().toString()).put("title", document.title())
        .put("text", text.length() > maxChars ? text.substring(0, maxChars) : text);
    return cut ? json.put("truncated", true) : json;
  }

  /** The text of each block on its own line, so paragraphs stay apart. */
  private static String readable(Element root) {
    if (root == null) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    for (Element block : root.select(BLOCKS)) {
      if (block.parents().stream().anyMatch(p -> p.is(BLOCKS))) {
        continue;
      }
      String line = block.text().strip();
      if (!line.isEmpty()) {
        out.append(line).append('\n');
      }
    }
    return out.isEmpty() ? root.text() : out.toString().strip();
  }
}
