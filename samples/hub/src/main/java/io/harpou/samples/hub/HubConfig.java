package io.harpou.samples.hub;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Builds the hub's configuration: the JSON file first, then {@code HARPOU_} environment variables, then command-line
 * flags, each overriding the one before. The hub and its tools ({@code harpou keys}) read it the same way.
 */
public final class HubConfig {

  private HubConfig() {
  }

  /**
   * The configuration a command line and environment give: the {@code --config} file, overlaid as {@link #resolve}
   * does.
   *
   * @throws IllegalArgumentException when the file cannot be read or is not a JSON object, or a value does not fit
   */
  public static JsonObject load(HubArguments arguments, Map<String, String> env) {
    JsonObject file = new JsonObject();
    if (arguments.configFile() != null) {
      try {
        file = new JsonObject(Files.readString(Path.of(arguments.configFile())));
      } catch (IOException | DecodeException e) {
        throw new IllegalArgumentException("--config: cannot read " + arguments.configFile() + " as a JSON object ("
            + e.getMessage() + ")");
      }
    }
    return resolve(file, env, arguments.flags());
  }

  /**
   * Overlays the environment and the flags on the file's configuration.
   *
   * @param file the configuration read from {@code --config}, or empty
   * @param env the process environment
   * @param flags command-line flag values by flag name (for example {@code --http-port})
   * @throws IllegalArgumentException when a value does not fit its setting (a port that is not a number, a token file
   *     that cannot be read), naming the setting
   */
  public static JsonObject resolve(JsonObject file, Map<String, String> env, Map<String, String> flags) {
    JsonObject config = file.copy();
    for (ConfigKey key : ConfigKey.ALL) {
      String value = env.get(key.env());
      if (value != null && !value.isBlank()) {
        put(config, key, value, key.env());
      }
    }
    for (ConfigKey key : ConfigKey.ALL) {
      String value = key.flag() == null ? null : flags.get(key.flag());
      if (value != null) {
        put(config, key, value, key.flag());
      }
    }
    return config;
  }

  private static void put(JsonObject config, ConfigKey key, String text, String source) {
    Object value = switch (key.type()) {
      case TEXT, SECRET -> text;
      case INTEGER -> integer(text, source);
      case SECRET_FILE -> readSecret(text, source);
    };
    String[] parts = key.path().split("\\.");
    JsonObject section = config;
    for (int i = 0; i < parts.length - 1; i++) {
      JsonObject next = section.getJsonObject(parts[i]);
      if (next == null) {
        next = new JsonObject();
        section.put(parts[i], next);
      }
      section = next;
    }
    section.put(parts[parts.length - 1], value);
  }

  private static int integer(String text, String source) {
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(source + " must be a whole number, not '" + text + "'");
    }
  }

  private static String readSecret(String file, String source) {
    try {
      return Files.readString(Path.of(file)).strip();
    } catch (IOException e) {
      throw new IllegalArgumentException(source + ": cannot read " + file + " (" + e.getMessage() + ")");
    }
  }

  /** A copy of the configuration with every secret replaced, safe to print. */
  public static JsonObject redacted(JsonObject config) {
    JsonObject copy = config.copy();
    for (ConfigKey key : ConfigKey.ALL) {
      if (key.type() == ConfigKey.Type.SECRET || key.type() == ConfigKey.Type.SECRET_FILE) {
        String[] parts = key.path().split("\\.");
        JsonObject section = copy;
        for (int i = 0; i < parts.length - 1 && section != null; i++) {
          section = section.getJsonObject(parts[i]);
        }
        if (section != null && section.containsKey(parts[parts.length - 1])) {
          section.put(parts[parts.length - 1], "***");
        }
      }
    }
    return copy;
  }
}
