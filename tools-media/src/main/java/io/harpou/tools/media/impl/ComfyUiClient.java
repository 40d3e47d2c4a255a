package io.harpou.tools.media.impl;

import io.harpou.bridge.api.BridgeException;
import io.harpou.tools.media.ComfyUiOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one workflow on ComfyUI: opens {@code /ws?clientId=...}, queues the workflow with {@code POST /prompt}, follows
 * its {@code progress} and {@code executing} messages (or polls {@code /history/{id}} when the socket is gone) until
 * it ends, then reads the images {@code /history/{id}} lists through {@code /view}. Every answer is bounded in size and
 * time; WebSocket frames over 1 MiB close the socket (the run goes on by polling).
 */
final class ComfyUiClient {

  /** Reports how far the run is. */
  interface Progress {
    void report(double fraction, String message);
  }

  /** One image ComfyUI made. */
  record Image(Buffer bytes, String contentType, String filename) {
  }

  private static final Logger LOG = LoggerFactory.getLogger(ComfyUiClient.class);
  private static final long JSON_LIMIT = 4L << 20;
  private static final long REQUEST_TIMEOUT_MS = 30_000;
  private static final long POLL_MS = 1_000;

  private final Vertx vertx;
  private final ComfyUiOptions options;

  ComfyUiClient(Vertx vertx, ComfyUiOptions options) {
    this.vertx = vertx;
    this.options = options;
  }

  /** Runs {@code workflow} and returns its images; fails with {@link BridgeException} saying what ComfyUI said. */
  Future<List<Image>> generate(JsonObject workflow, Progress progress) {
    HttpClientAgent http = vertx.createHttpClient();
    WebSocketClient sockets = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxFrameSize(1 << 20)
        .setMaxMessageSize(1 << 20));
    String clientId = UUID.randomUUID().toString();
    Run run = new Run(workflow, progress);
    return connect(sockets, clientId, run)
        .compose(v -> queue(http, workflow, clientId))
        .compose(promptId -> run.follow(promptId, http))
        .compose(promptId -> images(http, promptId))
        .timeout(options.timeoutMs(), TimeUnit.MILLISECONDS)
        .recover(e -> Future.failedFuture(e instanceof BridgeException ? e
            : new BridgeException("ComfyUI at " + options.url() + " failed: " + e.getMessage(), e)))
        .eventually(() -> {
          run.stop();
          return Future.join(http.close(), sockets.close());
        });
  }

  private Future<Void> connect(WebSocketClient sockets, String clientId, Run run) {
    String ws = options.url().replaceFirst("^http", "ws") + "/ws?clientId=" + clientId;
    return sockets.connect(new WebSocketConnectOptions().setAbsoluteURI(ws).setTimeout(REQUEST_TIMEOUT_MS))
        .map(socket -> {
          run.listen(socket);
          return (Void) null;
        })
        .recover(e -> {
          LOG.debug("ComfyUI's WebSocket is not available ({}); following the run by polling", e.getMessage());
          return Future.succeededFuture();
        });
  }

  private Future<String> queue(HttpClientAgent http, JsonObject workflow, String clientId) {
    Buffer body = new JsonObject().put("prompt", workflow).put("client_id", clientId).toBuffer();
    return HttpFetch.send(http, HttpMethod.POST, options.url() + "/prompt", body, JSON_LIMIT, REQUEST_TIMEOUT_MS)
        .compose(answer -> {
          JsonObject json = json(answer.body());
          if (answer.status() == 200 && json.getValue("prompt_id") instanceof String id) {
            return Future.succeededFuture(id);
          }
          JsonObject error = json.getValue("error") instanceof JsonObject e ? e : new JsonObject();
          String details = json.getValue("node_errors") instanceof JsonObject nodes && !nodes.isEmpty()
              ? " " + nodes.encode() : "";
          return Future.failedFuture(new BridgeException("ComfyUI refused the workflow (HTTP " + answer.status()
              + "): " + error.getString("message", "no reason given") + shorten(details)));
        });
  }

  private Future<List<Image>> images(HttpClientAgent http, String promptId) {
    return history(http, promptId).compose(entry -> {
      List<JsonObject> listed = new ArrayList<>();
      JsonObject outputs = entry.getJsonObject("outputs", new JsonObject());
      for (String node : outputs.fieldNames()) {
        if (outputs.getValue(node) instanceof JsonObject output && output.getValue("images") instanceof JsonArray a) {
          a.stream().filter(JsonObject.class::isInstance).map(JsonObject.class::cast).forEach(listed::add);
        }
      }
      if (listed.isEmpty()) {
        return Future.failedFuture(new BridgeException("ComfyUI finished without an image"));
      }
      Future<List<Image>> all = Future.succeededFuture(new ArrayList<>());
      for (JsonObject image : listed.subList(0, Math.min(listed.size(), options.maxImages()))) {
        all = all.compose(list -> view(http, image).map(one -> {
          list.add(one);
          return list;
        }));
      }
      return all;
    });
  }

  private Future<Image> view(HttpClientAgent http, JsonObject image) {
    String filename = image.getString("filename", "");
    String url = options.url() + "/view?filename=" + encode(filename) + "&subfolder="
        + encode(image.getString("subfolder", "")) + "&type=" + encode(image.getString("type", "output"));
    return HttpFetch.send(http, HttpMethod.GET, url, null, options.maxImageBytes(), REQUEST_TIMEOUT_MS)
        .compose(answer -> answer.status() == 200 && answer.contentType().startsWith("image/")
            ? Future.succeededFuture(new Image(answer.body(), answer.contentType(), filename))
            : Future.failedFuture(new BridgeException("ComfyUI served " + filename + " as HTTP " + answer.status()
            + " " + answer.contentType() + ", not an image")));
  }

  /** The history entry of {@code promptId}, or an empty object while ComfyUI has none. */
  Future<JsonObject> history(HttpClientAgent http, String promptId) {
    return HttpFetch.send(http, HttpMethod.GET, options.url() + "/history/" + encode(promptId), null, JSON_LIMIT,
        REQUEST_TIMEOUT_MS).map(answer -> json(answer.body()).getValue(promptId) instanceof JsonObject entry
        ? entry : new JsonObject());
  }

  private static JsonObject json(Buffer body) {
    try {
      return body.toJsonObject();
    } catch (RuntimeException notJson) {
      return new JsonObject();
    }
  }

  private static String encode(String part) {
    return URLEncoder.encode(part, StandardCharsets.UTF_8);
  }

  private static String shorten(String text) {
    return text.length() > 500 ? text.substring(0, 500) + "..." : text;
  }

  /** One run's messages: reported as progress, and the end of the run, from the socket or from polling. */
  private final class Run {

    private final JsonObject workflow;
    private final Progress progress;
    private final List<JsonObject> early = new ArrayList<>();
    private final Promise<String> ended = Promise.promise();
    private WebSocket socket;
    private String promptId;
    private long pollTimer = -1;

    Run(JsonObject workflow, Progress progress) {
      this.workflow = workflow;
      this.progress = progress;
    }

    void listen(WebSocket ws) {
      socket = ws;
      ws.textMessageHandler(text -> {
        JsonObject message = json(Buffer.buffer(text));
        if (promptId == null) {
          early.add(message);
        } else {
          handle(message);
        }
      });
      // Binary frames are previews of the image being made: nothing here needs them.
      ws.binaryMessageHandler(preview -> { });
      ws.exceptionHandler(e -> LOG.debug("ComfyUI's WebSocket failed: {}", e.getMessage()));
      ws.closeHandler(v -> {
        socket = null;
        if (promptId != null && !ended.future().isComplete()) {
          LOG.debug("ComfyUI's WebSocket closed during run {}; polling its history", promptId);
        }
      });
    }

    Future<String> follow(String id, HttpClientAgent http) {
      promptId = id;
      progress.report(0.02, "queued on ComfyUI");
      early.forEach(this::handle);
      early.clear();
      pollTimer = vertx.setPeriodic(POLL_MS, t -> {
        if (socket == null && !ended.future().isComplete()) {
          history(http, id).onSuccess(entry -> {
            JsonObject status = entry.getJsonObject("status", new JsonObject());
            if (status.getBoolean("completed", false)) {
              ended.tryComplete(id);
            } else if ("error".equals(status.getString("status_str"))) {
              ended.tryFail(new BridgeException("ComfyUI could not run the workflow"));
            }
          });
        }
      });
      return ended.future();
    }

    private void handle(JsonObject message) {
      JsonObject data = message.getValue("data") instanceof JsonObject d ? d : new JsonObject();
      if (!promptId.equals(data.getString("prompt_id"))) {
        return;
      }
      switch (String.valueOf(message.getString("type"))) {
        case "progress" -> {
          double max = Math.max(1, data.getDouble("max", 1.0));
          double value = Math.min(max, data.getDouble("value", 0.0));
          progress.report(0.05 + 0.85 * value / max, "step " + (long) value + " of " + (long) max);
        }
        case "executing" -> {
          if (data.getValue("node") == null) {
            ended.tryComplete(promptId);
          } else {
            JsonObject node = workflow.getJsonObject(String.valueOf(data.getValue("node")), new JsonObject());
            progress.report(-1, "running " + node.getString("class_type", "a node"));
          }
        }
        case "execution_success" -> ended.tryComplete(promptId);
        case "execution_error" -> ended.tryFail(new BridgeException("ComfyUI failed in node "
            + data.getValue("node_type", data.getValue("node_id")) + ": " + data.getValue("exception_message")));
        case "execution_interrupted" -> ended.tryFail(new BridgeException("the generation was interrupted on "
            + "ComfyUI"));
        default -> { }
      }
    }

    void stop() {
      vertx.cancelTimer(pollTimer);
      if (socket != null) {
        socket.close();
      }
    }
  }
}
