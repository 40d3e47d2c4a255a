package io.harpou.bridge.vertx.http;

import io.harpou.bridge.vertx.db.Database;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * The {@code harpou keys} command on a data directory: {@code create NAME} prints a new key once, {@code list} shows
 * names and dates, {@code revoke NAME} deletes one. A running hub picks up changes within a second, and closes the
 * event sockets of a revoked key. The hub's launcher finds the data directory from the hub's own configuration.
 */
public final class KeysCommand {

  /** How to call it. */
  public static final String USAGE = "usage: harpou keys [--config FILE] [--data-dir DIR] create NAME | list | "
      + "revoke NAME";

  private KeysCommand() {
  }

  /** Runs {@code words} on the database in {@code dataDir}; returns 0 on success, 1 on failure, 2 on misuse. */
  public static int run(Path dataDir, List<String> words, PrintStream out, PrintStream err) {
    if (!valid(words)) {
      err.println(USAGE);
      return 2;
    }
    Path file = dataDir.toAbsolutePath().normalize().resolve("harpou.db");
    if (!words.get(0).equals("create") && !Files.exists(file)) {
      err.println("harpou keys: no hub database at " + file + " (is the data directory right?)");
      return 1;
    }
    return run("the hub's database is " + file, vertx -> Database.open(vertx, file).compose(KeyTable::open), words,
        out, err);
  }

  /**
   * Runs {@code words} on the key table {@code open} opens (a shared database's); {@code where} says which, for the
   * person running it. Returns 0 on success, 1 on failure, 2 on misuse.
   */
  public static int run(String where, Function<Vertx, Future<KeyTable>> open, List<String> words, PrintStream out,
                        PrintStream err) {
    if (!valid(words)) {
      err.println(USAGE);
      return 2;
    }
    String action = words.get(0);
    err.println("harpou keys: " + where);
    Vertx vertx = Vertx.vertx();
    try {
      // Closing Vert.x closes what open() opened on it.
      ApiKeys keys = open.apply(vertx).compose(ApiKeys::open).await();
      return execute(keys, action, words.size() == 2 ? words.get(1) : null, out, err).await();
    } catch (RuntimeException e) {
      err.println("harpou keys: " + e.getMessage());
      return 1;
    } finally {
      vertx.close().await();
    }
  }

  private static boolean valid(List<String> words) {
    String action = words.isEmpty() ? "" : words.get(0);
    boolean named = action.equals("create") || action.equals("revoke");
    return (named && words.size() == 2) || (action.equals("list") && words.size() == 1);
  }

  private static Future<Integer> execute(ApiKeys keys, String action, String name, PrintStream out, PrintStream err) {
    return switch (action) {
      case "create" -> keys.create(name).map(key -> {
        out.println(key);
        err.println("Created API key '" + name + "'. It is shown only now: store it safely.");
        return 0;
      });
      case "revoke" -> keys.revoke(name).map(revoked -> {
        if (!revoked) {
          err.println("harpou keys: no key named '" + name + "'");
          return 1;
        }
        out.println("Revoked API key '" + name + "'.");
        return 0;
      });
      default -> keys.list().map(list -> {
        if (list.isEmpty()) {
          out.println("No API keys: the HTTP API only answers programs on this machine.");
        }
        list.forEach(key -> out.println(key.name() + "\t" + key.createdAt()));
        return 0;
      });
    };
  }
}
