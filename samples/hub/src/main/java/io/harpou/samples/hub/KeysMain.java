package io.harpou.samples.hub;

import io.harpou.bridge.vertx.BridgeOptions;
import io.harpou.bridge.vertx.http.KeysCommand;
import io.harpou.bridge.vertx.store.pg.PgStore;
import io.harpou.bridge.vertx.store.pg.PgStoreOptions;
import io.vertx.core.json.JsonObject;
import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;

/**
 * {@code harpou keys create NAME | list | revoke NAME}: manages the API keys in the data directory the hub uses, found
 * as the hub finds it (the {@code --config} file, then {@code HARPOU_DATA_DIR}, then {@code --data-dir}), or in the
 * database the hubs share when {@code database.url} ({@code HARPOU_DATABASE_URL}) names one.
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
    BridgeOptions options = new BridgeOptions(config);
    Optional<PgStoreOptions> shared;
    try {
      shared = options.getSharedDatabase();
    } catch (IllegalArgumentException e) {
      err.println("harpou keys: " + e.getMessage());
      return 2;
    }
    if (shared.isPresent()) {
      PgStoreOptions database = shared.get();
      return KeysCommand.run("the hubs' shared database is " + database.describe(),
          vertx -> PgStore.open(vertx, database).compose(PgStore::keys), arguments.rest(), out, err);
    }
    return KeysCommand.run(options.dataDir(), arguments.rest(), out, err);
  }
}
