package io.harpou.tools.system.web;

import io.harpou.bridge.api.BridgeException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.json.JsonObject;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Fetches one web page for {@code read_webpage}, bounded at every step: http and https only, every redirect hop
 * checked again, the host name resolved here and every address it resolves to checked by the {@link AddressGuard}
 * before connecting to exactly that address (so a name cannot resolve to one address for the check and another for
 * the connection), at most {@code max_redirects} hops, {@code max_bytes} of body (the rest is not read), only text and
 * HTML, and {@code timeout_ms} for the whole fetch however slowly the server drips.
 */
final class PageFetcher {

  static final int DEFAULT_MAX_BYTES = 2 * 1024 * 1024;
  static final long DEFAULT_TIMEOUT_MS = 10_000;
  static final int DEFAULT_MAX_REDIRECTS = 5;

  /** A fetched page: the final URL, its content type, the bytes read and whether the body was cut. */
  record Page(URI url, String contentType, byte[] body, boolean truncated) {
  }

  private final AddressGuard guard;
  private final int maxBytes;
  private final long timeoutMs;
  private final int maxRedirects;

  PageFetcher(JsonObject web) {
    this.guard = new AddressGuard(web);
    this.maxBytes = web.getInteger("max_bytes", DEFAULT_MAX_BYTES);
    this.timeoutMs = web.getLong("timeout_ms", DEFAULT_TIMEOUT_MS);
    this.maxRedirects = web.getInteger("max_redirects", DEFAULT_MAX_REDIRECTS);
  }

  /** Fetches {@code url}; fails with a {@link BridgeException} saying why nothing was read. */
  Future<Page> fetch(Vertx vertx, String url) {
    URI start;
    try {
      start = new URI(url);
    } catch (URISyntaxException e) {
      return Future.failedFuture(new BridgeException("not a URL: " + url));
    }
    HttpClient client = vertx.createHttpClient(new HttpClientOptions().setMaxRedirects(0)
        .setConnectTimeout((int) Math.min(timeoutMs, Integer.MAX_VALUE)).setKeepAlive(false).setForceSni(true));
    Promise<Page> result = Promise.promise();
    long timer = vertx.setTimer(timeoutMs, t -> result.tryFail(new BridgeException("the page took more than "
        + timeoutMs + " ms")));
    hop(vertx, client, start, 0, result);
    return result.future().onComplete(done -> {
      vertx.cancelTimer(timer);
      client.close();
    });
  }

  private void hop(Vertx vertx, HttpClient client, URI url, int redirects, Promise<Page> result) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
      result.tryFail(new BridgeException("only http and https pages can be read: " + url));
      return;
    }
    if (url.getRawUserInfo() != null) {
      result.tryFail(new BridgeException("a URL with a user name or password is not read"));
      return;
    }
    String host = url.getHost().startsWith("[") ? url.getHost().substring(1, url.getHost().length() - 1)
        : url.getHost();
    int port = url.getPort() > 0 ? url.getPort() : scheme.equals("https") ? 443 : 80;
    vertx.executeBlocking(() -> InetAddress.getAllByName(host), false).onComplete(resolved -> {
      if (resolved.failed()) {
        result.tryFail(new BridgeException("cannot find the host " + host));
        return;
      }
      for (InetAddress address : resolved.result()) {
        String refusal = guard.refusal(host, port, address);
        if (refusal != null) {
          result.tryFail(new BridgeException(refusal));
          return;
        }
      }
      InetAddress address = resolved.result()[0];
      String path = (url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath())
          + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
      RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET)
          .setServer(SocketAddress.inetSocketAddress(port, address.getHostAddress()))
          .setHost(host).setPort(port).setSsl(scheme.equals("https")).setURI(path).setFollowRedirects(false)
          .putHeader("User-Agent", "Harpou/0.1 (read_webpage)")
          .putHeader("Accept", "text/html,application/xhtml+xml,text/plain;q=0.9");
      // The response is handled in the callback of send() itself, so no byte of its body can pass unread.
      client.request(options).onComplete(made -> {
        if (made.failed()) {
          result.tryFail(new BridgeException("could not read " + url + ": " + made.cause().getMessage()));
          return;
        }
        made.result().send().onComplete(sent -> onResponse(vertx, client, url, redirects, result, sent));
      });
    });
  }

  private void onResponse(Vertx vertx, HttpClient client, URI url, int redirects, Promise<Page> result,
                      io.vertx.core.AsyncResult<HttpClientResponse> sent) {
    if (sent.failed()) {
      result.tryFail(new BridgeException("could not read " + url + ": " + sent.cause().getMessage()));
      return;
    }
    HttpClientResponse response = sent.result();
    int status = response.statusCode();
    String location = response.getHeader("Location");
    if (status >= 300 && status < 400 && location != null) {
      response.request().reset();
      if (redirects >= maxRedirects) {
        result.tryFail(new BridgeException("more than " + maxRedirects + " redirects; stopped at " + url));
        return;
      }
      URI next;
      try {
        next = url.resolve(new URI(location.strip()));
      } catch (URISyntaxException | IllegalArgumentException e) {
        result.tryFail(new BridgeException("a redirect to an invalid URL: " + location));
        return;
      }
      hop(vertx, client, next, redirects + 1, result);
      return;
    }
    if (status >= 400) {
      response.request().reset();
      result.tryFail(new BridgeException(url + " answered HTTP " + status));
      return;
    }
    String type = String.valueOf(response.getHeader("Content-Type")).toLowerCase(Locale.ROOT);
    if (!type.startsWith("text/html") && !type.startsWith("text/plain")
        && !type.startsWith("application/xhtml+xml")) {
      response.request().reset();
      result.tryFail(new BridgeException(url + " is not a web page but " + type + "; it was not read"));
      return;
    }
    read(url, type, response, result);
  }

  private void read(URI url, String type, HttpClientResponse response, Promise<Page> result) {
    Buffer body = Buffer.buffer();
    AtomicBoolean cut = new AtomicBoolean();
    response.handler(chunk -> {
      if (cut.get()) {
        return;
      }
      int room = maxBytes - body.length();
      if (chunk.length() >= room) {
        body.appendBuffer(chunk, 0, Math.max(0, room));
        cut.set(chunk.length() > room);
        if (cut.get()) {
          // Enough: keep what was read, then drop the connection rather than download the rest.
          result.tryComplete(new Page(url, type, body.getBytes(), true));
          response.request().reset();
        }
      } else {
        body.appendBuffer(chunk);
      }
    });
    response.exceptionHandler(e -> result.tryFail(new BridgeException("reading " + url + " failed: "
        + e.getMessage())));
    response.endHandler(v -> result.tryComplete(new Page(url, type, body.getBytes(), false)));
  }
}
