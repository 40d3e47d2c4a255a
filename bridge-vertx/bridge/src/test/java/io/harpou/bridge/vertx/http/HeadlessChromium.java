package io.harpou.bridge.vertx.http;

import static org.assertj.core.api.Assertions.fail;

import io.harpou.testkit.Await;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/** Drives a headless Chromium over the DevTools protocol (a WebSocket), for console tests. */
final class HeadlessChromium implements AutoCloseable {

  private final Process process;
  /** Held so the client (and with it the socket) is not closed as unreachable. */
  private final WebSocketClient client;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, Promise<JsonObject>> calls = new ConcurrentHashMap<>();
  /** Protocol events awaited by name, each completed by the next such event. */
  private final Map<String, Promise<JsonObject>> awaited = new ConcurrentHashMap<>();
  /** Console and log messages the page produced. */
  final List<String> log = new CopyOnWriteArrayList<>();

  private HeadlessChromium(Process process, WebSocketClient client, WebSocket socket) {
    this.process = process;
    this.client = client;
    this.socket = socket;
    socket.textMessageHandler(text -> {
      JsonObject message = new JsonObject(text);
      Integer id = message.getInteger("id");
      if (id != null) {
        Promise<JsonObject> call = calls.remove(id);
        if (message.containsKey("error")) {
          call.fail(message.getJsonObject("error").encode());
        } else {
          call.complete(message.getJsonObject("result"));
        }
      } else if (awaited.containsKey(message.getString("method", ""))) {
        Promise<JsonObject> waiter = awaited.remove(message.getString("method"));
        if (waiter != null) {
          waiter.complete(message.getJsonObject("params"));
        }
      } else if ("Log.entryAdded".equals(message.getString("method"))) {
        log.add(message.getJsonObject("params").getJsonObject("entry").getString("text"));
      } else if ("Runtime.exceptionThrown".equals(message.getString("method"))) {
        log.add("exception: " + message.getJsonObject("params").encode());
      }
    });
  }

  /**
   * Starts Chromium with a fresh profile and any extra flags; fails the test, saying what to install, when Chromium is
   * missing.
   */
  static HeadlessChromium launch(Vertx vertx, Path profile, String... flags) throws Exception {
    String binary = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
    if (!Files.isExecutable(Path.of(binary))) {
      fail("Chromium is needed for the console test: apt-get install chromium chromium-driver (or set CHROMIUM)");
    }
    List<String> command = new java.util.ArrayList<>(List.of(binary, "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--user-data-dir=" + profile, "--remote-debugging-port=0", "--window-size=1400,900"));
    command.addAll(List.of(flags));
    command.add("about:blank");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(profile.resolveSibling("chromium.log").toFile()).start();
    Path portFile = profile.resolve("DevToolsActivePort");
    // Chromium creates the file before it writes into it: the port, then the browser's path on a second line.
    boolean written = Await.within(Duration.ofSeconds(30),
        () -> Files.exists(portFile) && Files.readAllLines(portFile).size() >= 2);
    if (!written) {
      process.destroyForcibly();
      fail("Chromium did not open its DevTools port; see " + profile.resolveSibling("chromium.log"));
    }
    int port = Integer.parseInt(Files.readAllLines(portFile).get(0).trim());
    JsonArray targets = WebClient.create(vertx).get(port, "127.0.0.1", "/json/list").send().await()
        .bodyAsJsonArray();
    String url = targets.stream().map(JsonObject.class::cast).filter(t -> "page".equals(t.getString("type")))
        .findFirst().orElseThrow().getString("webSocketDebuggerUrl");
    WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxFrameSize(64 << 20)
        .setMaxMessageSize(64 << 20));
    WebSocket socket = client.connect(new io.vertx.core.http.WebSocketConnectOptions()
        .setAbsoluteURI(url).setAllowOriginHeader(false)).await();
    HeadlessChromium chromium = new HeadlessChromium(process, client, socket);
    chromium.call("Log.enable", new JsonObject());
    chromium.call("Runtime.enable", new JsonObject());
    chromium.call("Page.enable", new JsonObject());
    return chromium;
  }

  JsonObject call(String method, JsonObject params) {
    int id = ids.incrementAndGet();
    Promise<JsonObject> promise = Promise.promise();
    calls.put(id, promise);
    socket.writeTextMessage(new JsonObject().put("id", id).put("method", method).put("params", params).encode());
    Future<JsonObject> future = promise.future();
    return future.await();
  }

  /** Evaluates JavaScript in the page (awaiting promises) and returns its JSON value. */
  Object eval(String expression) {
    JsonObject result = call("Runtime.evaluate", new JsonObject().put("expression", expression)
        .put("awaitPromise", true).put("returnByValue", true));
    if (result.containsKey("exceptionDetails")) {
      throw new AssertionError("page script failed: " + result.getJsonObject("exceptionDetails").encode());
    }
    return result.getJsonObject("result").getValue("value");
  }

  /** Waits until a JavaScript condition is true, failing with {@code what} after {@code seconds}. */
  void waitFor(String condition, String what, int seconds) {
    if (!Await.within(Duration.ofSeconds(seconds), () -> Boolean.TRUE.equals(eval("!!(" + condition + ")")))) {
      throw new AssertionError("timed out waiting for " + what + "; page log: " + log);
    }
  }

  /** Presses and releases a key such as {@code Escape}, as a person would on the focused element. */
  void press(String key, int keyCode) {
    for (String type : List.of("rawKeyDown", "keyUp")) {
      call("Input.dispatchKeyEvent", new JsonObject().put("type", type).put("key", key).put("code", key)
          .put("windowsVirtualKeyCode", keyCode));
    }
  }

  /**
   * Clicks the middle of the element {@code selector} finds with the mouse, as a person would: unlike a click from a
   * script, it counts as the user's gesture, which a page needs to start its audio.
   */
  void click(String selector) {
    JsonObject box = (JsonObject) eval("(() => { const e = document.querySelector(" + new JsonArray().add(selector)
        .encode() + "[0]); e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect();"
        + " return {x: r.x + r.width / 2, y: r.y + r.height / 2}; })()");
    for (String type : List.of("mousePressed", "mouseReleased")) {
      call("Input.dispatchMouseEvent", new JsonObject().put("type", type).put("x", box.getValue("x"))
          .put("y", box.getValue("y")).put("button", "left").put("clickCount", 1));
    }
  }

  /** Sets an input's value and submits its form, as typing then pressing Enter would. */
  void type(String inputId, String text) {
    eval("(() => { const input = document.getElementById('" + inputId + "'); input.value = "
        + new JsonArray().add(text).encode() + "[0]; input.form.requestSubmit(); })()");
  }

  /**
   * Reloads the page and returns once the new document has loaded. Reloading from a script instead left the test's
   * next evaluation racing the navigation: on a busy machine it reached the old document as it was torn down and
   * failed with "Inspected target navigated or closed".
   */
  void reload() {
    Promise<JsonObject> loaded = Promise.promise();
    awaited.put("Page.loadEventFired", loaded);
    call("Page.reload", new JsonObject());
    try {
      loaded.future().await(30, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("the page did not load again within 30 s; page log: " + log, e);
    }
  }

  void navigate(String url) {
    call("Page.navigate", new JsonObject().put("url", url));
  }

  void viewport(int width, int height, boolean mobile) {
    call("Emulation.setDeviceMetricsOverride", new JsonObject().put("width", width).put("height", height)
        .put("deviceScaleFactor", 1).put("mobile", mobile));
  }

  void screenshot(Path file) throws Exception {
    String data = call("Page.captureScreenshot", new JsonObject().put("format", "png")
        .put("captureBeyondViewport", true)).getString("data");
    Files.createDirectories(file.getParent());
    Files.write(file, Base64.getDecoder().decode(data));
  }

  /** Stops Chromium and waits for it and its helpers to exit, since they write into the profile until they do. */
  @Override
  public void close() {
    socket.close();
    client.close();
    List<ProcessHandle> chromium = Stream.concat(Stream.of(process.toHandle()), process.descendants()).toList();
    process.destroy();
    for (ProcessHandle member : chromium) {
      try {
        member.onExit().get(10, TimeUnit.SECONDS);
      } catch (ExecutionException | TimeoutException e) {
        member.destroyForcibly();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
