package io.harpou.tools.system.host;

import io.harpou.bridge.api.tool.Risk;
import io.harpou.bridge.api.tool.Tool;
import io.harpou.bridge.api.tool.ToolCall;
import io.harpou.bridge.api.tool.ToolContext;
import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.bridge.api.tool.ToolSpec;
import io.harpou.tools.system.common.Args;
import io.harpou.tools.system.common.Schema;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The processes using the most CPU (measured over half a second) or memory. Only each process's name is shown, never
 * its arguments, which may hold passwords.
 */
final class ProcessListTool implements Tool {

  private static final long SAMPLE_MS = 500;
  private static final double TICKS_PER_SECOND = 100.0;
  private static final long PAGE_BYTES = 4096;
  private static final ToolSpec SPEC = new ToolSpec("process_list",
      "Lists the processes on the home server using the most CPU or memory.",
      Schema.object().choice("sort", "cpu or memory (default cpu)", List.of("cpu", "memory"), false)
          .integer("limit", "how many (default 10)", 1, 50, false).build(), Risk.READ, false);

  /** One process at one moment. */
  record Sample(long pid, String name, long cpuTicks, long rssBytes) {
  }

  @Override
  public ToolSpec spec() {
    return SPEC;
  }

  @Override
  public Future<ToolResult> call(ToolCall call, ToolContext context) {
    boolean byMemory = "memory".equals(Args.text(call.arguments(), "sort", "cpu"));
    int limit = Args.integer(call.arguments(), "limit", 10, 1, 50);
    var vertx = context.vertx();
    return vertx.executeBlocking(ProcessListTool::sample, false).compose(first -> {
      Promise<Map<Long, Sample>> later = Promise.promise();
      vertx.setTimer(SAMPLE_MS, t -> vertx.executeBlocking(ProcessListTool::sample, false).onComplete(later));
      return later.future().map(second -> ToolResult.ok(top(first, second, byMemory, limit)));
    });
  }

  private static JsonObject top(Map<Long, Sample> first, Map<Long, Sample> second, boolean byMemory, int limit) {
    record Row(Sample sample, double cpuPercent) {
    }
    List<Row> rows = second.values().stream().map(s -> {
      Sample before = first.get(s.pid());
      long ticks = before == null ? 0 : s.cpuTicks() - before.cpuTicks();
      return new Row(s, Math.round(ticks / TICKS_PER_SECOND / (SAMPLE_MS / 1000.0) * 1000) / 10.0);
    }).sorted(byMemory ? Comparator.comparingLong((Row r) -> r.sample().rssBytes()).reversed()
        : Comparator.comparingDouble(Row::cpuPercent).reversed()).limit(limit).toList();
    JsonArray list = new JsonArray();
    rows.forEach(r -> list.add(new JsonObject().put("pid", r.sample().pid()).put("name", r.sample().name())
        .put("cpu_percent", r.cpuPercent()).put("memory_mib", r.sample().rssBytes() >> 20)));
    return new JsonObject().put("processes", list).put("count", second.size());
  }

  /** Every process's name, CPU ticks and resident memory, from {@code /proc}. */
  static Map<Long, Sample> sample() throws IOException {
    Map<Long, Sample> out = new HashMap<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path folder : stream) {
        try {
          String stat = Files.readString(folder.resolve("stat"));
          // The name sits in parentheses and may itself hold spaces or parentheses: read from the last ')'.
          int open = stat.indexOf('(');
          int close = stat.lastIndexOf(')');
          String[] fields = stat.substring(close + 2).split(" ");
          long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
          long rss = Long.parseLong(fields[21]) * PAGE_BYTES;
          long pid = Long.parseLong(folder.getFileName().toString());
          out.put(pid, new Sample(pid, stat.substring(open + 1, close), ticks, rss));
        } catch (IOException | RuntimeException e) {
          // The process ended while it was being read.
        }
      }
    }
    return out;
  }
}
