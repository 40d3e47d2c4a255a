package io.harpou.bridge.vertx.db;

import io.harpou.bridge.api.BridgeException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded SQLite database. Every statement runs on one dedicated worker thread, never on an event loop, so calls
 * are serialised the way SQLite wants them and no connection pool is needed. Futures complete on the caller's context
 * and fail with {@link BridgeException} wrapping the SQL error.
 */
public final class Database {

  private static final Logger LOG = LoggerFactory.getLogger(Database.class);

  private final WorkerExecutor worker;
  private final Connection connection;
  private final Path file;

  private Database(WorkerExecutor worker, Connection connection, Path file) {
    this.worker = worker;
    this.connection = connection;
    this.file = file;
  }

  /** Opens (creating if needed) the database file, with write-ahead logging and foreign keys on. */
  public static Future<Database> open(Vertx vertx, Path file) {
    WorkerExecutor worker = vertx.createSharedWorkerExecutor("harpou-db-" + file.toAbsolutePath(), 1, 30,
        TimeUnit.SECONDS);
    return worker.executeBlocking(() -> {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
      try (Statement statement = connection.createStatement()) {
        statement.execute("PRAGMA journal_mode=WAL");
        statement.execute("PRAGMA synchronous=NORMAL");
        statement.execute("PRAGMA foreign_keys=ON");
        statement.execute("PRAGMA busy_timeout=5000");
        statement.execute("CREATE TABLE IF NOT EXISTS schema_versions (component TEXT PRIMARY KEY, "
            + "version INTEGER NOT NULL)");
      }
      LOG.info("Database open at {}", file.toAbsolutePath());
      return new Database(worker, connection, file);
    }, false).recover(e -> {
      worker.close();
      return Future.failedFuture(new BridgeException("cannot open database " + file + ": " + e.getMessage(), e));
    });
  }

  /** The database file. */
  public Path file() {
    return file;
  }

  /** Runs JDBC work on the database thread. */
  public <T> Future<T> run(SqlWork<T> work) {
    return worker.<T>executeBlocking(() -> work.apply(connection), true)
        .recover(e -> Future.failedFuture(e instanceof BridgeException ? e
            : new BridgeException("database error: " + e.getMessage(), e)));
  }

  /** Runs JDBC work in one transaction: committed when it returns, rolled back when it throws. */
  public <T> Future<T> transaction(SqlWork<T> work) {
    return run(c -> {
      c.setAutoCommit(false);
      try {
        T result = work.apply(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    });
  }

  /**
   * Brings a component's tables up to date. {@code migrations} is the component's whole history, oldest first; those
   * not yet applied run in order, each in its own transaction, and are recorded so they never run twice. The Future
   * succeeds with the component's version after migrating.
   */
  public Future<Integer> migrate(String component, List<String> migrations) {
    return run(c -> {
      int current = version(c, component);
      for (int i = current; i < migrations.size(); i++) {
        c.setAutoCommit(false);
        try (Statement statement = c.createStatement()) {
          for (String sql : migrations.get(i).split(";\\s*\\n")) {
            if (!sql.isBlank()) {
              statement.execute(sql);
            }
          }
          try (PreparedStatement upsert = c.prepareStatement("INSERT INTO schema_versions(component, version) "
              + "VALUES(?, ?) ON CONFLICT(component) DO UPDATE SET version = excluded.version")) {
            upsert.setString(1, component);
            upsert.setInt(2, i + 1);
            upsert.executeUpdate();
          }
          c.commit();
        } catch (SQLException e) {
          c.rollback();
          throw new SQLException("migration " + (i + 1) + " of " + component + " failed: " + e.getMessage(), e);
        } finally {
          c.setAutoCommit(true);
        }
      }
      if (current < migrations.size()) {
        LOG.info("Migrated {} from version {} to {}", component, current, migrations.size());
      }
      return migrations.size();
    });
  }

  /** Closes the connection; pending work finishes first. */
  public Future<Void> close() {
    return run(c -> {
      c.close();
      return null;
    }).<Void>mapEmpty().eventually(() -> {
      worker.close();
      return Future.succeededFuture();
    });
  }

  private static int version(Connection c, String component) throws SQLException {
    try (PreparedStatement query = c.prepareStatement("SELECT version FROM schema_versions WHERE component = ?")) {
      query.setString(1, component);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next() ? rows.getInt(1) : 0;
      }
    }
  }

  @Override
  public String toString() {
    return "Database[" + file + "]";
  }
}
