package io.harpou.bridge.vertx.mcp;

import io.harpou.bridge.api.tool.Risk;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An MCP server whose tools Harpou uses, from one entry of {@code mcp.servers}: started as a command speaking stdio,
 * or reached by streamable HTTP at a URL (with headers, such as a token, that never appear in logs). Its tools join
 * the registry as {@code <prefix>_<tool>} with the configured risk.
 *
 * @param prefix snake_case, names the server and prefixes its tools
 * @param command the program and its arguments, for stdio; empty for HTTP
 * @param env environment variables added for the program
 * @param url the streamable-HTTP endpoint, or null for stdio
 * @param headers HTTP headers sent with every request (secrets allowed)
 * @param risk the risk of its tools (ACT by default)
 * @param trustHints true when a tool the server marks {@code readOnlyHint} is taken as READ
 * @param timeoutMs how long one call may take
 * @param maxOutputChars the longest tool output kept; longer output is cut and says so
 * @param pingIntervalMs how often the connected server is pinged; a failed ping reconnects it
 */
public record McpRemoteServer(String prefix, List<String> command, Map<String, String> env, String url,
                              Map<String, String> headers, Risk risk, boolean trustHints, long timeoutMs,
                              int maxOutputChars, long pingIntervalMs) {

  /** How often a server is pinged unless its entry says otherwise. */
  public static final long DEFAULT_PING_INTERVAL_MS = 30_000;
  /** The most frequent ping allowed, so that a typo cannot keep a server busy answering pings. */
  public static final long MIN_PING_INTERVAL_MS = 1_000;

  private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9]{0,15}");

  /**
   * Validates the entry.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public McpRemoteServer {
    if (prefix == null || !PREFIX.matcher(prefix).matches()) {
      throw new IllegalArgumentException("mcp.servers: prefix must be 1 to 16 lower-case letters and digits");
    }
    command = command == null ? List.of() : List.copyOf(command);
    env = env == null ? Map.of() : Map.copyOf(env);
    headers = headers == null ? Map.of() : Map.copyOf(headers);
    if (command.isEmpty() == (url == null)) {
      throw new IllegalArgumentException("mcp.servers." + prefix + ": give either a command or a url");
    }
    risk = risk == null ? Risk.ACT : risk;
    if (timeoutMs < 1 || maxOutputChars < 1) {
      throw new IllegalArgumentException("mcp.servers." + prefix + ": timeout_ms and max_output_chars must be"
          + " positive");
    }
    if (pingIntervalMs < MIN_PING_INTERVAL_MS) {
      throw new IllegalArgumentException("mcp.servers." + prefix + ": ping_interval_ms must be at least "
          + MIN_PING_INTERVAL_MS);
    }
  }

  /**
   * Reads one entry: {@code prefix}, {@code command} (a list) and {@code env}, or {@code url} and {@code headers};
   * {@code risk} (act), {@code trust_read_only_hints} (false), {@code timeout_ms} (30000),
   * {@code max_output_chars} (16000), {@code ping_interval_ms} (30000, at least 1000).
   */
  public static McpRemoteServer fromJson(JsonObject json) {
    try {
      return new McpRemoteServer(json.getString("prefix"), strings(json.getJsonArray("command")),
          map(json.getJsonObject("env")), json.getString("url"), map(json.getJsonObject("headers")),
          Risk.fromJson(json.getString("risk", "act")), json.getBoolean("trust_read_only_hints", false),
          json.getLong("timeout_ms", 30_000L), json.getInteger("max_output_chars", 16_000),
          json.getLong("ping_interval_ms", DEFAULT_PING_INTERVAL_MS));
    } catch (ClassCastException e) {
      throw new IllegalArgumentException("mcp.servers: a field has the wrong type: " + e.getMessage(), e);
    }
  }

  /** Reads the {@code mcp.servers} list. */
  public static List<McpRemoteServer> listFromJson(JsonArray servers) {
    List<McpRemoteServer> out = new ArrayList<>();
    for (Object entry : servers == null ? new JsonArray() : servers) {
      if (!(entry instanceof JsonObject json)) {
        throw new IllegalArgumentException("mcp.servers must be a list of objects");
      }
      out.add(fromJson(json));
    }
    return out;
  }

  /** Where it is, for logs and health: the program, or the URL without credentials; never the headers. */
  public String describe() {
    if (url == null) {
      return "stdio " + command.get(0);
    }
    int at = url.indexOf('@');
    int scheme = url.indexOf("://");
    return at > 0 && scheme > 0 && at > scheme ? url.substring(0, scheme + 3) + url.substring(at + 1) : url;
  }

  private static List<String> strings(JsonArray array) {
    return array == null ? List.of() : array.stream().map(String::valueOf).toList();
  }

  private static Map<String, String> map(JsonObject json) {
    Map<String, String> out = new LinkedHashMap<>();
    if (json != null) {
      json.forEach(e -> out.put(e.getKey(), String.valueOf(e.getValue())));
    }
    return out;
  }
}
