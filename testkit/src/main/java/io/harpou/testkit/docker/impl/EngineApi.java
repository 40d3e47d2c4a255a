package io.harpou.testkit.docker.impl;

import io.harpou.testkit.docker.VirtualContainer;
import io.harpou.testkit.docker.VirtualDocker;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Engine API endpoints the virtual daemon serves, with Docker's status codes and error bodies. */
final class EngineApi {

  private static final Pattern CONTAINER = Pattern.compile("^/containers/([^/]+)/(json|logs|stats|restart|start|"
      + "stop|exec)$");
  private static final Pattern EXEC = Pattern.compile("^/exec/([^/]+)/(start|json)$");

  private final Map<String, VirtualContainer> containers;
  private final Map<String, JsonObject> execs = new ConcurrentHashMap<>();

  EngineApi(Map<String, VirtualContainer> containers) {
    this.containers = containers;
  }

  VirtualContainer find(String nameOrId) {
    for (VirtualContainer c : containers.values()) {
      if (c.name().equals(nameOrId) || c.id().equals(nameOrId)
          || nameOrId.length() >= 12 && c.id().startsWith(nameOrId)) {
        return c;
      }
    }
    return null;
  }

  void handle(HttpServerRequest request, String path, JsonObject body) {
    HttpServerResponse response = request.response();
    response.putHeader("Api-Version", VirtualDocker.API_VERSION).putHeader("Docker-Experimental", "false")
        .putHeader("Ostype", "linux").putHeader("Server", "Docker/27.5.1 (linux)");
    if (path.equals("/_ping")) {
      response.putHeader("Content-Type", "text/plain; charset=utf-8").putHeader("Cache-Control",
          "no-cache, no-store, must-revalidate").putHeader("Pragma", "no-cache").putHeader("Builder-Version", "1");
      response.end(request.method() == HttpMethod.HEAD ? "" : "OK");
      return;
    }
    if (path.equals("/version")) {
      json(response, 200, new JsonObject().put("Version", "27.5.1").put("ApiVersion", VirtualDocker.API_VERSION)
          .put("MinAPIVersion", "1.24").put("Os", "linux").put("Arch", "amd64").put("KernelVersion", "6.1.0")
          .put("GoVersion", "go1.22.10").put("GitCommit", "virtual").put("BuildTime", "2025-01-01T00:00:00Z"));
      return;
    }
    if (path.equals("/info")) {
      json(response, 200, new JsonObject().put("ID", "virtual").put("Containers", containers.size())
          .put("OSType", "linux").put("NCPU", 2).put("MemTotal", 4L << 30).put("Name", "virtual-docker")
          .put("ServerVersion", "27.5.1"));
      return;
    }
    if (path.equals("/events")) {
      // An event stream that stays open and quiet until the client leaves.
      response.setChunked(true).putHeader("Content-Type", "application/json").write("");
      return;
    }
    if (path.equals("/containers/json")) {
      json(response, 200, list(request));
      return;
    }
    if (path.equals("/images/create") && request.method() == HttpMethod.POST) {
      String image = request.getParam("fromImage") + ":" + request.getParam("tag", "latest");
      response.putHeader("Content-Type", "application/json").end(new JsonObject().put("status", "Pulling from "
          + image).encode() + "\n" + new JsonObject().put("status", "Status: Image is up to date for " + image)
          .encode() + "\n");
      return;
    }
    Matcher container = CONTAINER.matcher(path);
    if (container.matches()) {
      VirtualContainer c = find(container.group(1));
      if (c == null) {
        error(response, 404, "No such container: " + container.group(1));
        return;
      }
      onContainer(request, response, c, container.group(2), body);
      return;
    }
    Matcher exec = EXEC.matcher(path);
    if (exec.matches()) {
      onExec(response, exec.group(1), exec.group(2));
      return;
    }
    error(response, 404, "page not found");
  }

  private void onContainer(HttpServerRequest request, HttpServerResponse response, VirtualContainer c,
                           String action, JsonObject body) {
    switch (action) {
      case "json" -> json(response, 200, ContainerJson.inspect(c));
      case "logs" -> logs(request, response, c);
      case "stats" -> json(response, 200, ContainerJson.stats(c));
      case "restart" -> {
        c.restart();
        response.setStatusCode(204).end();
      }
      case "start" -> {
        if ("running".equals(c.state())) {
          response.setStatusCode(304).end();
        } else {
          c.start();
          response.setStatusCode(204).end();
        }
      }
      case "stop" -> {
        c.stop();
        response.setStatusCode(204).end();
      }
      default -> {
        if (!"running".equals(c.state())) {
          error(response, 409, "container " + c.id() + " is not running");
          return;
        }
        String id = UUID.randomUUID().toString().replace("-", "");
        execs.put(id, new JsonObject().put("container", c.name()).put("cmd", body.getJsonArray("Cmd",
            new JsonArray())));
        json(response, 201, new JsonObject().put("Id", id));
      }
    }
  }

  /** Runs an exec: {@code echo} prints its arguments, {@code hostname} the container's name; others are not found. */
  private void onExec(HttpServerResponse response, String id, String action) {
    JsonObject exec = execs.get(id);
    if (exec == null) {
      error(response, 404, "No such exec instance: " + id);
      return;
    }
    if (action.equals("json")) {
      json(response, 200, new JsonObject().put("ID", id).put("Running", false)
          .put("ExitCode", exec.getInteger("exit", 0)));
      return;
    }
    List<String> cmd = exec.getJsonArray("cmd").stream().map(String::valueOf).toList();
    String program = cmd.isEmpty() ? "" : cmd.get(0);
    Buffer out = Buffer.buffer();
    if (program.equals("echo")) {
      out.appendBuffer(frame(false, String.join(" ", cmd.subList(1, cmd.size())) + "\n"));
      exec.put("exit", 0);
    } else if (program.equals("hostname")) {
      out.appendBuffer(frame(false, exec.getString("container") + "\n"));
      exec.put("exit", 0);
    } else {
      out.appendBuffer(frame(true, "OCI runtime exec failed: exec: \"" + program
          + "\": executable file not found in $PATH: unknown\n"));
      exec.put("exit", 127);
    }
    // Answered as the daemon answers a client that does not ask to take the connection over: 200 and the stream.
    // (The docker program asks for a 101 upgrade on a POST, which Vert.x's server does not grant.)
    response.putHeader("Content-Type", "application/vnd.docker.multiplexed-stream").end(out);
  }

  private void logs(HttpServerRequest request, HttpServerResponse response, VirtualContainer c) {
    List<VirtualContainer.LogLine> lines = c.logs();
    String tail = request.getParam("tail", "all");
    if (!tail.equals("all")) {
      int n = Integer.parseInt(tail);
      lines = lines.subList(Math.max(0, lines.size() - n), lines.size());
    }
    boolean stdout = "1".equals(request.getParam("stdout")) || "true".equals(request.getParam("stdout"));
    boolean stderr = "1".equals(request.getParam("stderr")) || "true".equals(request.getParam("stderr"));
    Buffer out = Buffer.buffer();
    for (VirtualContainer.LogLine line : lines) {
      if (line.stderr() ? stderr : stdout) {
        out.appendBuffer(frame(line.stderr(), line.text() + "\n"));
      }
    }
    response.putHeader("Content-Type", "application/vnd.docker.multiplexed-stream").end(out);
  }

  /** One frame of Docker's multiplexed stream: stream type, three zeros, big-endian length, payload. */
  static Buffer frame(boolean stderr, String text) {
    byte[] payload = text.getBytes(StandardCharsets.UTF_8);
    return Buffer.buffer().appendByte((byte) (stderr ? 2 : 1)).appendBytes(new byte[3]).appendInt(payload.length)
        .appendBytes(payload);
  }

  private JsonArray list(HttpServerRequest request) {
    boolean all = "1".equals(request.getParam("all")) || "true".equals(request.getParam("all"));
    String project = null;
    String filters = request.getParam("filters");
    if (filters != null) {
      JsonObject parsed = new JsonObject(filters);
      Object labels = parsed.getValue("label");
      // Clients send {"label": ["k=v"]} or, older ones, {"label": {"k=v": true}}.
      String label = labels instanceof JsonArray array && !array.isEmpty() ? array.getString(0)
          : labels instanceof JsonObject object && !object.isEmpty() ? object.fieldNames().iterator().next() : null;
      if (label != null && label.startsWith("com.docker.compose.project=")) {
        project = label.substring(label.indexOf('=') + 1);
      }
    }
    JsonArray out = new JsonArray();
    String wanted = project;
    containers.values().stream().sorted((a, b) -> a.name().compareTo(b.name()))
        .filter(c -> all || "running".equals(c.state()) || "restarting".equals(c.state()))
        .filter(c -> wanted == null || wanted.equals(c.labels().get("com.docker.compose.project")))
        .forEach(c -> out.add(ContainerJson.summary(c, Instant.now())));
    return out;
  }

  private static void json(HttpServerResponse response, int status, Object body) {
    response.setStatusCode(status).putHeader("Content-Type", "application/json")
        .end(body instanceof JsonArray array ? array.encode() : ((JsonObject) body).encode());
  }

  private static void error(HttpServerResponse response, int status, String message) {
    json(response, status, new JsonObject().put("message", message));
  }
}
