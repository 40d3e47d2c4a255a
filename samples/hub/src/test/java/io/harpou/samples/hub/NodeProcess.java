package io.harpou.samples.hub;

import io.harpou.testkit.Await;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A hub started as its own JVM, as {@code java -jar harpou-hub.jar -cluster --config FILE} would start it, with its
 * output kept for the test to read (the ports it chose, the home lease) and a kill -9 for the test to play a crash.
 */
final class NodeProcess implements AutoCloseable {

  private static final Duration START = Duration.ofSeconds(180);

  private final String name;
  private final Process process;
  private final List<String> lines = new CopyOnWriteArrayList<>();

  private NodeProcess(String name, Process process) {
    this.name = name;
    this.process = process;
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
          StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          lines.add(line);
        }
      } catch (IOException e) {
        lines.add("(output ended: " + e.getMessage() + ")");
      }
    }, "node-" + name);
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts a clustered hub with {@code config} written to {@code dir}/config.json. */
  static NodeProcess start(String name, Path dir, JsonObject config) throws IOException {
    Files.createDirectories(dir);
    Path file = dir.resolve("config.json");
    Files.writeString(file, config.encodePrettily());
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
        HubMain.class.getName(), "--config", file.toString(), "-cluster", "-cluster-host", "127.0.0.1"));
    Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    return new NodeProcess(name, process);
  }

  /**
   * Starts the built hub as a user does, {@code java [jvmOptions] -jar JAR --config FILE [args]}, with
   * {@code config} written to {@code dir}/config.json: only the jar's own manifest makes its class path.
   */
  static NodeProcess startJar(String name, Path dir, Path jar, JsonObject config, List<String> jvmOptions,
      String... args) throws IOException {
    Files.createDirectories(dir);
    Path file = dir.resolve("config.json");
    Files.writeString(file, config.encodePrettily());
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-XX:TieredStopAtLevel=1"));
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", jar.toString(), "--config", file.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    return new NodeProcess(name, process);
  }

  /** Waits for the process to end by itself and returns its exit code; fails with its output if it does not. */
  int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
      throw new AssertionError(name + " is still running; its output:\n" + output());
    }
    return process.exitValue();
  }

  /** Waits until the hub says it runs, and fails with its output if it stopped instead. */
  NodeProcess awaitRunning() {
    awaitLine("Harpou is running", START);
    return this;
  }

  /** Waits for a line containing {@code text}. */
  void awaitLine(String text, Duration timeout) {
    try {
      Await.until(name + " prints '" + text + "'", timeout, () -> {
        if (!process.isAlive() && lines.stream().noneMatch(l -> l.contains(text))) {
          throw new AssertionError(name + " stopped with " + process.exitValue());
        }
        return lines.stream().anyMatch(l -> l.contains(text));
      });
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "; its output:\n" + output(), e);
    }
  }

  /** True once this node printed {@code text}. */
  boolean printed(String text) {
    return lines.stream().anyMatch(l -> l.contains(text));
  }

  /** How many lines of the output contain {@code text}. */
  long count(String text) {
    return lines.stream().filter(l -> l.contains(text)).count();
  }

  /** The first group of {@code pattern} in the output. */
  Optional<String> find(Pattern pattern) {
    for (String line : lines) {
      Matcher matcher = pattern.matcher(line);
      if (matcher.find()) {
        return Optional.of(matcher.group(1));
      }
    }
    return Optional.empty();
  }

  boolean alive() {
    return process.isAlive();
  }

  /** kill -9: no shutdown hook runs, the node leaves nothing behind on purpose. */
  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  String output() {
    List<String> copy = List.copyOf(lines);
    return String.join("\n", copy.subList(Math.max(0, copy.size() - 60), copy.size()));
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }
}
