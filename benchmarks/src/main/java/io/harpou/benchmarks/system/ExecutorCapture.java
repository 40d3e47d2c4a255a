package io.harpou.benchmarks.system;

import io.harpou.bridge.api.agent.Interpretation;
import io.harpou.bridge.api.agent.Interpreter;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.tool.Risk;
import io.harpou.bridge.api.tool.Tool;
import io.harpou.bridge.api.tool.ToolCall;
import io.harpou.bridge.api.tool.ToolContext;
import io.harpou.bridge.api.tool.ToolGate;
import io.harpou.bridge.api.tool.ToolProvider;
import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.bridge.api.tool.ToolSpec;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A tool provider for measuring the policy point alone: a {@code noop} tool that does no work, and an interpreter
 * that hands out the hub's policy executor (the one interpreters act through) and declines every utterance.
 * Installed only for the hub a harness starts, through the context class loader.
 */
public final class ExecutorCapture implements ToolProvider {

  static final AtomicReference<ToolGate> EXECUTOR = new AtomicReference<>();

  @Override
  public String id() {
    return "bench";
  }

  @Override
  public List<Tool> tools(JsonObject config) {
    return List.of(new Tool() {
      private final ToolSpec spec = ToolSpec.of("noop", "Does nothing, at once.", Risk.READ);

      @Override
      public ToolSpec spec() {
        return spec;
      }

      @Override
      public Future<ToolResult> call(ToolCall call, ToolContext context) {
        return Tool.done(ToolResult.ok("ok"));
      }
    });
  }

  @Override
  public List<Interpreter> interpreters(JsonObject config) {
    return List.of(new Interpreter() {
      @Override
      public String id() {
        return "capture";
      }

      @Override
      public Future<Interpretation> interpret(Utterance utterance, ToolContext context, ToolGate tools) {
        EXECUTOR.set(tools);
        return Future.succeededFuture(Interpretation.notMine());
      }
    });
  }

  /** Runs {@code start} with this provider discoverable, for that call only. */
  static <T> T installed(Callable<T> start) throws Exception {
    Path dir = Files.createTempDirectory("bench-services");
    Path services = Files.createDirectories(dir.resolve("META-INF/services"));
    Files.writeString(services.resolve(ToolProvider.class.getName()), ExecutorCapture.class.getName() + "\n");
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()},
        ExecutorCapture.class.getClassLoader())) {
      thread.setContextClassLoader(loader);
      return start.call();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }
}
