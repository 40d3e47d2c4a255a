package io.harpou.testkit.ollama;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the scripted Ollama on its own: {@code ScriptedOllamaMain [--host H] [--port P] [--script FILE]
 * [--model NAME]...}. Prints the base URL as its own line on standard output once listening, then serves until
 * the process is stopped.
 */
public final class ScriptedOllamaMain {

  private ScriptedOllamaMain() {
  }

  /** Starts the server from command-line arguments; exits with status 2 on bad arguments, 1 if it cannot start. */
  public static void main(String[] args) {
    ScriptedOllamaOptions options;
    try {
      options = parse(args);
    } catch (IllegalArgumentException | IOException e) {
      System.err.println("scripted-ollama: " + e.getMessage());
      System.err.println("usage: ScriptedOllamaMain [--host H] [--port P] [--script FILE] [--model NAME]...");
      System.exit(2);
      return;
    }
    Vertx vertx = Vertx.vertx();
    try {
      ScriptedOllama ollama = ScriptedOllama.create(vertx, options).start().await();
      System.out.println(ollama.baseUrl());
      System.out.flush();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> vertx.close().await()));
    } catch (RuntimeException e) {
      System.err.println("scripted-ollama: cannot start: " + e.getMessage());
      vertx.close();
      System.exit(1);
    }
  }

  /** Reads the options from the arguments, loading the script file if one is named. */
  static ScriptedOllamaOptions parse(String[] args) throws IOException {
    ScriptedOllamaOptions options = new ScriptedOllamaOptions();
    List<String> models = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("missing value after " + flag);
      }
      String value = args[++i];
      switch (flag) {
        case "--host" -> options.setHost(value);
        case "--port" -> options.setPort(parsePort(value));
        case "--script" -> options.setScript(
            OllamaScript.parse(Files.readString(Path.of(value), StandardCharsets.UTF_8)));
        case "--model" -> models.add(value);
        default -> throw new IllegalArgumentException("unknown option " + flag);
      }
    }
    if (!models.isEmpty()) {
      options.setModels(models);
    }
    return options;
  }

  private static int parsePort(String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("port must be a number, got '" + value + "'", e);
    }
  }
}
