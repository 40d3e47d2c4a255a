package io.harpou.samples.hub;

import io.harpou.bridge.vertx.BridgeOptions;
import io.harpou.bridge.vertx.http.KeysCommand;
import io.vertx.core.json.JsonObject;
import java.io.PrintStream;
import java.util.Map;

/**
 * {@code harpou keys create NAME | list | revoke NAME}: manages the API keys in the data directory the hub uses, found
 * as the hub finds it (the {@code --config} file, then {@code HARPOU_DATA_DIR}, then {@code --data-dir}).
 */
public final class KeysMain {

  private KeysMain() {
  }

  /** Runs the command and exits with its status. */
  public static void main(String[] args) {
    System.exit(run(args, System.getenv(), System.out, System.err));
  }

  /** Runs the command; returns 0 on success, 1 on failure, 2 on misuse. */
  public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    HubArguments arguments = HubArguments.parse(args);
    JsonObject config;
    try {
      config = HubConfig.load(arguments, env);
    } catch (IllegalArgumentException e) {
      err.println("harpou keys: " + e.getMessage());
      err.println(KeysCommand.USAGE);
      return 2;
    }
    return KeysCommand.run(new BridgeOptions(config).dataDir(), arguments.rest(), out, err);
  }
}
