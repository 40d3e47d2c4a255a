package io.harpou.bridge.vertx.db;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A copy of the database known to be good, beside it ({@code harpou.db} gets {@code harpou.last-good.db}), to restore
 * from when the database is lost or damaged. It is made with SQLite's {@code VACUUM INTO} from a database that has
 * just passed {@code quick_check}, written to a temporary file, synced, then renamed over the previous copy, so a crash
 * or a full disk mid-copy leaves the previous copy intact. A copy is made at start when the last one is more than a
 * day old, then once a day; a damaged database is never copied.
 */
public final class LastGoodCopy {

  private static final Logger LOG = LoggerFactory.getLogger(LastGoodCopy.class);
  private static final Duration EVERY = Duration.ofDays(1);
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
      .withZone(ZoneOffset.UTC);

  private final Vertx vertx;
  private final Database database;
  private final Path file;
  private volatile String status = "no last good copy yet";
  private long timer = -1;

  private LastGoodCopy(Vertx vertx, Database database) {
    this.vertx = vertx;
    this.database = database;
    this.file = fileFor(database.file());
  }

  /** Where the copy of {@code database} lives: beside it, {@code .last-good} before its extension. */
  public static Path fileFor(Path database) {
    String name = database.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String copy = dot > 0 ? name.substring(0, dot) + ".last-good" + name.substring(dot) : name + ".last-good";
    return database.resolveSibling(copy);
  }

  /**
   * Keeps copies of {@code database}: makes one now when the last is more than a day old (a failure is logged, not
   * fatal: the database itself is fine), then one a day until {@link #close()}.
   */
  public static Future<LastGoodCopy> start(Vertx vertx, Database database) {
    LastGoodCopy copies = new LastGoodCopy(vertx, database);
    return copies.copy(true).<Void>mapEmpty().recover(e -> Future.succeededFuture()).map(v -> {
      copies.timer = vertx.setPeriodic(EVERY.toMillis(), id -> copies.save());
      return copies;
    });
  }

  /** The copy's file. */
  public Path file() {
    return file;
  }

  /** One line for health and the start-up report: where the copy is and when it was made. */
  public String status() {
    return status;
  }

  /** Makes a copy now; the Future fails, leaving the previous copy in place, when the database is damaged. */
  public Future<Path> save() {
    return copy(false);
  }

  private Future<Path> copy(boolean onlyWhenOld) {
    return database.run(c -> {
      try {
        return copyNow(c, onlyWhenOld);
      } catch (IOException e) {
        throw new SQLException("cannot write " + file + ": " + e.getMessage(), e);
      }
    }).onFailure(e -> LOG.warn("Could not save a last good copy of {}; the previous copy is kept: {}",
        database.file(), e.getMessage()));
  }

  /** Runs on the database thread, so no write lands between the check and the copy. */
  private Path copyNow(Connection c, boolean onlyWhenOld) throws SQLException, IOException {
    if (!(onlyWhenOld && isRecent())) {
      OpenCheck.requireIntact(c, database.file());
      Path partial = file.resolveSibling(file.getFileName() + ".partial");
      Files.deleteIfExists(partial);
      try (PreparedStatement vacuum = c.prepareStatement("VACUUM INTO ?")) {
        vacuum.setString(1, partial.toString());
        vacuum.execute();
      }
      try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
        channel.force(true);
      }
      Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      LOG.info("Saved the last good copy of the database at {}", file);
    }
    status = Files.isRegularFile(file) ? "last good copy " + file.getFileName() + " " + describe(file)
        : "no last good copy yet";
    return file;
  }

  /** Stops the daily copies; a copy already under way finishes on the database thread before it closes. */
  public Future<Void> close() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
      timer = -1;
    }
    return Future.succeededFuture();
  }

  /** "made 2025-01-31 04:00 UTC", from the copy's modification time. */
  static String describe(Path copy) {
    try {
      return "made " + STAMP.format(Files.getLastModifiedTime(copy).toInstant());
    } catch (IOException e) {
      return "of unknown age";
    }
  }

  private boolean isRecent() {
    try {
      return Files.isRegularFile(file)
          && Files.getLastModifiedTime(file).toInstant().isAfter(Instant.now().minus(EVERY));
    } catch (IOException e) {
      return false;
    }
  }
}
