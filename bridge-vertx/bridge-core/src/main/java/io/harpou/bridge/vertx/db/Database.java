package io.harpou.bridge.vertx.db;

import io.harpou.bridge.api.BridgeException;
import io.vertx.core.Closeable;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded SQLite database. Every statement runs on one dedicated thread, never on an event loop, so calls are
 * serialised the way SQLite wants them and no connection pool is needed. Work runs in the order it was submitted;
 * {@link #write writes} that queue up while the thread is busy are committed together in one transaction, which is
 * what lets a busy hub record thousands of audit rows and messages a second. Futures complete on the caller's
 * context and fail with {@link BridgeException} wrapping the SQL error.
 */
public final class Database {

  private static final Logger LOG = LoggerFactory.getLogger(Database.class);
  private static final int MAX_GROUP = 512;
  private static final long GROUP_NANOS = 2_000_000;

  private final Vertx vertx;
  private final Path file;
  private final BlockingQueue<Job<?>> queue = new LinkedBlockingQueue<>();
  private final Thread thread;
  private final Closeable closeHook = completion -> close().onComplete(completion);
  private Connection connection;
  private volatile boolean closed;

  private Database(Vertx vertx, Path file) {
    this.vertx = vertx;
    this.file = file;
    this.thread = new Thread(this::serve, "harpou-db-" + file.getFileName());
    this.thread.setDaemon(true);
  }

  /**
   * Opens (creating if needed) the database file, with write-ahead logging and foreign keys on. The Future fails with
   * {@link UnusableDatabaseException} when the file is empty or missing although its directory shows it was in use,
   * or when it is damaged (SQLite's {@code quick_check}): nothing is written to it then.
   */
  public static Future<Database> open(Vertx vertx, Path file) {
    Database database = new Database(vertx, file.toAbsolutePath());
    database.thread.start();
    return database.<Database>run(c -> database.connect()).recover(e -> {
      database.close();
      if (e instanceof UnusableDatabaseException) {
        return Future.failedFuture(e);
      }
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      return Future.failedFuture(new BridgeException("cannot open database " + file + ": " + cause.getMessage(),
          cause));
    }).onSuccess(db -> ((VertxInternal) vertx).addCloseHook(db.closeHook));
  }

  private Database connect() throws SQLException {
    boolean fresh;
    try {
      Path parent = file.getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      OpenCheck.beforeOpen(file);
      fresh = !Files.exists(file) || Files.size(file) == 0;
    } catch (IOException e) {
      throw new SQLException(e.toString(), e);
    }
    connection = DriverManager.getConnection("jdbc:sqlite:" + file);
    try (Statement statement = connection.createStatement()) {
      statement.execute("PRAGMA journal_mode=WAL");
      OpenCheck.requireIntact(connection, file);
      statement.execute("PRAGMA synchronous=NORMAL");
      statement.execute("PRAGMA foreign_keys=ON");
      statement.execute("PRAGMA busy_timeout=5000");
      statement.execute("CREATE TABLE IF NOT EXISTS schema_versions (component TEXT PRIMARY KEY, "
          + "version INTEGER NOT NULL)");
    } catch (SQLException e) {
      UnusableDatabaseException damaged = OpenCheck.damagedOrNull(e, file);
      if (damaged != null) {
        throw damaged;
      }
      throw e;
    }
    LOG.info(fresh ? "Created a new database at {}" : "Database open at {}", file);
    return this;
  }

  /** The database file. */
  public Path file() {
    return file;
  }

  /** Runs JDBC work on the database thread, on its own (in auto-commit mode). */
  public <T> Future<T> run(SqlWork<T> work) {
    return submit(work, false);
  }

  /**
   * Runs a small write (inserts, updates) on the database thread, possibly committed together with other writes
   * queued at the same time. It must not change the connection's auto-commit mode. If one write of a group fails, the
   * group is rolled back and its writes are retried one by one, so only the faulty one fails.
   */
  public <T> Future<T> write(SqlWork<T> work) {
    return submit(work, true);
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

  /** Closes the connection once the work already submitted has run; later work fails. Vert.x closing closes it too. */
  public Future<Void> close() {
    if (closed) {
      return Future.succeededFuture();
    }
    ((VertxInternal) vertx).removeCloseHook(closeHook);
    Future<Void> done = this.<Void>run(c -> {
      if (c != null) {
        c.close();
      }
      return null;
    });
    closed = true;
    queue.add(Job.STOP);
    return done;
  }

  private <T> Future<T> submit(SqlWork<T> work, boolean groupable) {
    if (closed) {
      return Future.failedFuture(new BridgeException("the database " + file + " is closed"));
    }
    // The caller's context runs the Future's callbacks: a write nobody waits for costs no hop back.
    Job<T> job = new Job<>(work, groupable, ((ContextInternal) vertx.getOrCreateContext()).promise());
    queue.add(job);
    return job.promise.future();
  }

  /**
   * The database thread. Work runs in submission order; a write opens a transaction that takes in the writes queued
   * behind it, including those that arrive while it runs, for up to {@link #GROUP_NANOS}: under load many turns share
   * one commit and its pages in the write-ahead log, while a lone write on a quiet hub is committed at once.
   */
  private void serve() {
    while (true) {
      Job<?> job;
      try {
        job = queue.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (job == Job.STOP) {
        // Work submitted while closing, behind the stop, would otherwise wait forever.
        List<Job<?>> late = new ArrayList<>();
        queue.drainTo(late);
        late.stream().filter(j -> j != Job.STOP)
            .forEach(j -> j.fail(new BridgeException("the database " + file + " is closed")));
        return;
      }
      if (job.groupable) {
        runGroup(job);
      } else {
        job.runAlone(connection);
      }
    }
  }

  private void runGroup(Job<?> first) {
    List<Job<?>> group = new ArrayList<>();
    List<Object> results = new ArrayList<>();
    long deadline = System.nanoTime() + GROUP_NANOS;
    try {
      connection.setAutoCommit(false);
      for (Job<?> job = first; job != null; job = nextWrite(group.size(), deadline)) {
        group.add(job);
        results.add(job.work.apply(connection));
      }
      connection.commit();
    } catch (Exception | LinkageError e) {
      rollbackQuietly();
      autoCommitQuietly();
      group.forEach(job -> job.runAlone(connection));
      return;
    }
    autoCommitQuietly();
    for (int i = 0; i < group.size(); i++) {
      group.get(i).succeed(results.get(i));
    }
  }

  /** The next queued job if it is a write the current group may still take in; null otherwise. */
  private Job<?> nextWrite(int grouped, long deadline) {
    Job<?> head = queue.peek();
    boolean fits = head != null && head.groupable && grouped < MAX_GROUP && System.nanoTime() < deadline;
    return fits ? queue.poll() : null;
  }

  private void rollbackQuietly() {
    try {
      connection.rollback();
    } catch (SQLException e) {
      LOG.warn("Rollback of a group of writes failed: {}", e.getMessage());
    }
  }

  private void autoCommitQuietly() {
    try {
      connection.setAutoCommit(true);
    } catch (SQLException e) {
      LOG.warn("Could not restore auto-commit: {}", e.getMessage());
    }
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

  /** One piece of submitted work and where its result goes. */
  private record Job<T>(SqlWork<T> work, boolean groupable, Promise<T> promise) {

    static final Job<Void> STOP = new Job<>(c -> null, false, null);

    void runAlone(Connection connection) {
      T result;
      try {
        result = work.apply(connection);
      } catch (Exception | LinkageError e) {
        fail(e);
        return;
      }
      succeed(result);
    }

    @SuppressWarnings("unchecked")
    void succeed(Object result) {
      promise.complete((T) result);
    }

    void fail(Throwable e) {
      Throwable error = e instanceof BridgeException ? e : new BridgeException("database error: " + e.getMessage(), e);
      promise.fail(error);
    }
  }
}
