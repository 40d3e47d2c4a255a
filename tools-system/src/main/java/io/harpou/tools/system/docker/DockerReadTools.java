package io.harpou.tools.system.docker;

import io.harpou.bridge.api.tool.Risk;
import io.harpou.bridge.api.tool.Tool;
import io.harpou.bridge.api.tool.ToolArgumentsException;
import io.harpou.bridge.api.tool.ToolCall;
import io.harpou.bridge.api.tool.ToolContext;
import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.bridge.api.tool.ToolSpec;
import io.harpou.tools.system.common.Args;
import io.harpou.tools.system.common.Blocking;
import io.harpou.tools.system.common.Schema;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The read-only Docker tools: {@code docker_status}, {@code docker_logs} and {@code docker_stats}. */
final class DockerReadTools {

  static final int LOG_BYTES = 64 * 1024;
  private static final Pattern HEALTH = Pattern.compile("\\((healthy|unhealthy|health: starting)\\)");
  private static final Pattern AGO = Pattern.compile("(\\d+)\\s*([smhd])");

  private DockerReadTools() {
  }

  /** The three tools over one connection. */
  static List<Tool> create(DockerConnection docker) {
    return List.of(status(docker), logs(docker), stats(docker));
  }

  /** A tool whose call is a function of the client, the arguments and the context. */
  private record DockerTool(ToolSpec spec, DockerConnection docker, Call body) implements Tool {

    interface Call {
      Future<ToolResult> run(DockerClient client, JsonObject arguments, ToolContext context);
    }

    @Override
    public Future<ToolResult> call(ToolCall call, ToolContext context) {
      return body.run(docker.client(context.vertx()), call.arguments(), context)
          .recover(e -> e instanceof ToolArgumentsException ? Future.failedFuture(e)
              : Future.succeededFuture(ToolResult.error(Blocking.message(e))));
    }
  }

  private static Tool status(DockerConnection docker) {
    return new DockerTool(ToolSpec.of("docker_status", "Lists the Docker containers on the home server with their"
        + " state (running, exited, restarting) and health.", Risk.READ), docker, (client, args, context) ->
        client.containers(true, null).map(list -> {
          JsonArray out = new JsonArray();
          for (Object item : list) {
            out.add(summary((JsonObject) item));
          }
          return ToolResult.ok(new JsonObject().put("containers", out));
        }));
  }

  /** A container of the list, as the model reads it. */
  static JsonObject summary(JsonObject container) {
    String status = container.getString("Status", "");
    Matcher health = HEALTH.matcher(status);
    JsonObject json = new JsonObject().put("name", name(container)).put("image", container.getString("Image"))
        .put("state", container.getString("State")).put("status", status);
    return health.find() ? json.put("health", health.group(1).replace("health: ", "")) : json;
  }

  /** A container's name without Docker's leading slash. */
  static String name(JsonObject container) {
    JsonArray names = container.getJsonArray("Names", new JsonArray());
    String name = names.isEmpty() ? container.getString("Id", "?") : names.getString(0);
    return name.startsWith("/") ? name.substring(1) : name;
  }

  private static Tool logs(DockerConnection docker) {
    ToolSpec spec = new ToolSpec("docker_logs", "Shows the latest output lines of a Docker container.",
        Schema.object().string("container", "the container's name", true)
            .integer("tail", "how many of the latest lines (default 100)", 1, 1000, false)
            .string("since", "only lines newer than this: 10m, 2h, 1d or an ISO time", false).build(),
        Risk.READ, false);
    return new DockerTool(spec, docker, (client, args, context) -> {
      String container = container(args);
      int tail = Args.integer(args, "tail", 100, 1, 1000);
      long since = since(Args.text(args, "since", null));
      return client.inspect(container).compose(info -> client.logs(container, tail, since, LOG_BYTES,
              info.getJsonObject("Config", new JsonObject()).getBoolean("Tty", false)))
          .map(out -> ToolResult.ok(new JsonObject().put("container", container).put("lines", out.text())
              .put("truncated", out.truncated())));
    });
  }

  private static Tool stats(DockerConnection docker) {
    ToolSpec spec = new ToolSpec("docker_stats", "Tells the CPU and memory use of running Docker containers.",
        Schema.object().string("container", "one container; every running one when omitted", false).build(),
        Risk.READ, false);
    return new DockerTool(spec, docker, (client, args, context) -> {
      String one = Args.text(args, "container", null);
      Future<List<String>> names = one != null ? Future.succeededFuture(List.of(checkedName(one)))
          : client.containers(false, null).map(list -> {
            List<String> running = new ArrayList<>();
            list.forEach(item -> running.add(name((JsonObject) item)));
            return running;
          });
      return names.compose(list -> {
        List<Future<JsonObject>> each = list.stream().map(name -> client.stats(name)
            .map(stats -> DockerStats.of(name, stats))).toList();
        return Future.all(each).map(all -> {
          JsonArray out = new JsonArray();
          each.forEach(f -> out.add(f.result()));
          return ToolResult.ok(new JsonObject().put("containers", out));
        });
      });
    });
  }

  static String container(JsonObject args) {
    return checkedName(Args.text(args, "container"));
  }

  static String checkedName(String name) {
    if (!DockerClient.validName(name)) {
      throw new ToolArgumentsException("'container' must be a container name such as nextcloud");
    }
    return name;
  }

  /** Unix seconds for "10m", "2h", "1d" ago or an ISO instant; 0 when absent. */
  static long since(String value) {
    if (value == null) {
      return 0;
    }
    Matcher ago = AGO.matcher(value.strip().toLowerCase(Locale.ROOT));
    if (ago.matches()) {
      long amount = Long.parseLong(ago.group(1));
      Duration back = switch (ago.group(2)) {
        case "s" -> Duration.ofSeconds(amount);
        case "m" -> Duration.ofMinutes(amount);
        case "h" -> Duration.ofHours(amount);
        default -> Duration.ofDays(amount);
      };
      return Instant.now().minus(back).getEpochSecond();
    }
    try {
      return Instant.parse(value.strip()).getEpochSecond();
    } catch (DateTimeParseException e) {
      throw new ToolArgumentsException("'since' must be like 10m, 2h, 1d or an ISO time such as"
          + " 2026-01-31T08:00:00Z");
    }
  }
}
