package io.harpou.bridge.vertx.memory;

import io.harpou.bridge.vertx.db.Database;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** One Vert.x per test class and a fresh database per test, closed afterwards; the MiniLM model is loaded once. */
abstract class MemoryTestSupport {

  static Vertx vertx;

  @TempDir
  Path dir;

  private final List<MemoryService> opened = new ArrayList<>();
  private final List<Database> databases = new ArrayList<>();

  @BeforeAll
  static void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stopVertx() {
    vertx.close().await();
  }

  /** Opens the database file of this test (the same file each time, to test restarts). */
  Database database() {
    Database db = Database.open(vertx, dir.resolve("harpou.db")).await();
    databases.add(db);
    return db;
  }

  /** Opens a store on a fresh connection to this test's database. */
  MemoryService open(MemoryOptions options) {
    MemoryService service = MemoryService.open(vertx, database(), options).await();
    opened.add(service);
    return service;
  }

  /** Closes a store and its database, as a hub shutdown does. */
  void closeAll() {
    opened.forEach(s -> s.close().await());
    databases.forEach(d -> d.close().await());
    opened.clear();
    databases.clear();
  }

  @AfterEach
  void closeStores() {
    closeAll();
  }
}
