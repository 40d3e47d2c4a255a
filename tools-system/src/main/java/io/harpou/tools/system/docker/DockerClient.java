package io.harpou.tools.system.docker;

import io.harpou.bridge.api.BridgeException;
import io.harpou.tools.system.common.CappedOutput;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A small client of the Docker Engine API over its unix socket (Vert.x's JDK transport speaks HTTP over a domain
 * socket): the daemon's own JSON, never the {@code docker} program's text. Every call has a timeout and every body
 * a size cap. Container names are checked before they enter a URL path.
 */
public final class DockerClient {

  /** A container name or id as Docker allows them; nothing that could change the URL's path. */
  private static final Pattern CONTAINER = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]{0,127}");
  static final int MAX_JSON_BYTES = 4 * 1024 * 1024;

  private final HttpClient http;
  private final SocketAddress socket;
  private final String socketPath;
  private final long timeoutMs;

  /** A client of the daemon at {@code socketPath}; closing the Vert.x instance closes it. */
  public DockerClient(Vertx vertx, String socketPath, long timeoutMs) {
    this.http = vertx.createHttpClient(new HttpClientOptions(), new io.vertx.core.http.PoolOptions().setHttp1MaxSize(4));
    this.socket = SocketAddress.domainSocketAddress(socketPath);
    this.socketPath = socketPath;
    this.timeoutMs = timeoutMs;
  }

  /** The socket this client talks to. */
  public String socketPath() {
    return socketPath;
  }

  /** True when {@code name} is a valid container name or id. */
  static boolean validName(String name) {
    return name != null && CONTAINER.matcher(name).matches();
  }

  /** {@code GET /_ping}: the daemon answers. */
  public Future<Void> ping() {
    return json(HttpMethod.GET, "/_ping", null).mapEmpty();
  }

  /** Containers, stopped ones too when {@code all}, optionally of one compose project. */
  public Future<JsonArray> containers(boolean all, String composeProject) {
    String path = "/containers/json?all=" + (all ? 1 : 0);
    if (composeProject != null) {
      String filters = new JsonObject().put("label", new JsonArray().add("com.docker.compose.project="
          + composeProject)).encode();
      path += "&filters=" + URLEncoder.encode(filters, StandardCharsets.UTF_8);
    }
    return json(HttpMethod.GET, path, null).map(body -> new JsonArray(body));
  }

  /** {@code GET /containers/{name}/json}. */
  public Future<JsonObject> inspect(String name) {
    return json(HttpMethod.GET, "/containers/" + checked(name) + "/json", null).map(JsonObject::new);
  }

  /** One-shot stats of a running container. */
  public Future<JsonObject> stats(String name) {
    return json(HttpMethod.GET, "/containers/" + checked(name) + "/stats?stream=false", null)
        .map(JsonObject::new);
  }

  /** {@code POST /containers/{name}/{action}} for restart, start or stop. */
  public Future<Void> act(String name, String action) {
    return json(HttpMethod.POST, "/containers/" + checked(name) + "/" + action + "?t=10", null).mapEmpty();
  }

  /** Pulls an image ({@code POST /images/create}), reading the progress stream to its end. */
  public Future<Void> pull(String image) {
    int colon = image.lastIndexOf(':');
    boolean tagged = colon > image.lastIndexOf('/');
    String path = "/images/create?fromImage=" + URLEncoder.encode(tagged ? image.substring(0, colon) : image,
        StandardCharsets.UTF_8) + "&tag=" + URLEncoder.encode(tagged ? image.substring(colon + 1) : "latest",
        StandardCharsets.UTF_8);
    return json(HttpMethod.POST, path, null).compose(body -> {
      for (String line : body.split("\n")) {
        if (line.contains("\"error\"")) {
          return Future.failedFuture(new BridgeException("pulling " + image + " failed: "
              + new JsonObject(line).getString("error")));
        }
      }
      return Future.succeededFuture();
    });
  }

  /**
   * The last {@code tail} lines of a container's output since {@code since} (Unix seconds, or 0), stdout and stderr
   * merged from Docker's multiplexed stream (or taken raw for a TTY container), keeping at most {@code capBytes}.
   */
  public Future<CappedOutput> logs(String name, int tail, long since, int capBytes, boolean tty) {
    String path = "/containers/" + checked(name) + "/logs?stdout=1&stderr=1&tail=" + tail
        + (since > 0 ? "&since=" + since : "");
    return stream(HttpMethod.GET, path, null, capBytes, tty);
  }

  /** Creates an exec of {@code argv} in a container and runs it, returning its output and then its exit code. */
  public Future<JsonObject> exec(String name, JsonArray argv, int capBytes) {
    JsonObject create = new JsonObject().put("Cmd", argv).put("AttachStdout", true).put("AttachStderr", true)
        .put("Tty", false);
    return json(HttpMethod.POST, "/containers/" + checked(name) + "/exec", create)
        .map(body -> new JsonObject(body).getString("Id"))
        .compose(id -> stream(HttpMethod.POST, "/exec/" + checked(id) + "/start",
            new JsonObject().put("Detach", false).put("Tty", false), capBytes, false)
            .compose(out -> json(HttpMethod.GET, "/exec/" + checked(id) + "/json", null)
                .map(info -> new JsonObject().put("exit_code", new JsonObject(info).getInteger("ExitCode"))
                    .put("output", out.text()).put("truncated", out.truncated()))));
  }

  private static String checked(String name) {
    if (!validName(name)) {
      throw new BridgeException("not a container name or id: " + name);
    }
    return name;
  }

  /**
   * Sends a request and hands the response to {@code reader} as soon as its head arrives, before any of its body is
   * read (a reader attached later could find the body gone).
   */
  private <T> Future<T> exchange(HttpMethod method, String path, JsonObject body,
                                 Function<HttpClientResponse, Future<T>> reader) {
    RequestOptions options = new RequestOptions().setServer(socket).setHost("localhost").setMethod(method)
        .setURI(path).setTimeout(timeoutMs);
    if (body != null) {
      options.putHeader("Content-Type", "application/json");
    }
    return http.request(options)
        .recover(e -> Future.failedFuture(new BridgeException("Docker is unreachable at " + socketPath + ": "
            + e.getMessage(), e)))
        .compose(request -> (body == null ? request.send() : request.send(body.toBuffer())).compose(reader))
        .timeout(timeoutMs, TimeUnit.MILLISECONDS);
  }

  /** Sends a request and reads a bounded body; a status of 400 or more fails with Docker's own message. */
  private Future<String> json(HttpMethod method, String path, JsonObject body) {
    return exchange(method, path, body, response -> {
      Buffer collected = Buffer.buffer();
      response.handler(chunk -> {
        if (collected.length() + chunk.length() > MAX_JSON_BYTES) {
          response.request().reset(0, new BridgeException("Docker's answer exceeds " + MAX_JSON_BYTES + " bytes"));
        } else {
          collected.appendBuffer(chunk);
        }
      });
      return response.end().compose(v -> {
        String text = collected.toString(StandardCharsets.UTF_8);
        if (response.statusCode() >= 400) {
          String message = text;
          try {
            message = new JsonObject(text).getString("message", text);
          } catch (RuntimeException notJson) {
            // Docker's message is plain text here.
          }
          return Future.failedFuture(new BridgeException("Docker refused: " + message.strip()));
        }
        return Future.succeededFuture(text);
      });
    });
  }

  private Future<CappedOutput> stream(HttpMethod method, String path, JsonObject body, int capBytes, boolean raw) {
    return exchange(method, path, body, response -> {
      if (response.statusCode() >= 400) {
        return response.body().compose(b -> Future.failedFuture(new BridgeException("Docker refused: "
            + b.toString().strip())));
      }
      CappedOutput out = new CappedOutput(capBytes);
      StreamDemultiplexer demux = new StreamDemultiplexer(out, raw);
      response.handler(chunk -> {
        demux.accept(chunk);
        if (out.truncated()) {
          // Enough kept: stop reading rather than pull the rest of a huge log through the socket.
          response.request().reset();
        }
      });
      return response.end().map(out).recover(e -> out.truncated() ? Future.succeededFuture(out)
          : Future.failedFuture(e));
    });
  }
}
