package io.harpou.bridge.vertx.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What Harpou checks before and after opening its database, so that a lost or damaged file stops the start with a
 * clear explanation instead of becoming, silently, a new empty database. SQLite opens an empty file as a new database:
 * that is right in a new data directory and wrong in one that was in use, which its last good copy or its write-ahead
 * log reveals. Blocking: runs on the database thread.
 */
final class OpenCheck {

  /** SQLite's result codes for a damaged file. */
  private static final int SQLITE_CORRUPT = 11;
  private static final int SQLITE_NOTADB = 26;
  private static final int QUICK_CHECK_LINES = 3;

  private OpenCheck() {
  }

  /**
   * Refuses an empty or missing database file whose directory shows it was in use.
   *
   * @throws UnusableDatabaseException naming the file, the evidence and what to do
   */
  static void beforeOpen(Path file) throws IOException {
    long size = Files.exists(file) ? Files.size(file) : -1;
    if (size > 0) {
      return;
    }
    Path copy = LastGoodCopy.fileFor(file);
    Path wal = file.resolveSibling(file.getFileName() + "-wal");
    boolean hasCopy = Files.isRegularFile(copy);
    boolean hasWal = Files.isRegularFile(wal) && Files.size(wal) > 0;
    if (!hasCopy && !hasWal) {
      return;
    }
    String state = size == 0 ? "is empty (0 bytes)" : "is missing";
    String evidence = hasCopy ? "its last good copy " + copy.getFileName() + " (" + LastGoodCopy.describe(copy) + ")"
        : "its write-ahead log " + wal.getFileName() + " (" + Files.size(wal) + " bytes)";
    throw new UnusableDatabaseException("The database " + file + " " + state + ", but " + evidence
        + " shows that this data directory was in use. Harpou will not start on it: an empty database would silently"
        + " lose the API keys, memories, timers and audit trail. " + remedy(file, copy, hasCopy));
  }

  /**
   * Checks an open database with SQLite's {@code quick_check}: once opened, and before each last good copy.
   *
   * @throws UnusableDatabaseException when the file is damaged
   */
  static void requireIntact(Connection connection, Path file) throws SQLException {
    List<String> problems = new ArrayList<>();
    try (Statement statement = connection.createStatement();
         ResultSet rows = statement.executeQuery("PRAGMA quick_check(" + QUICK_CHECK_LINES + ")")) {
      while (rows.next()) {
        problems.add(rows.getString(1));
      }
    }
    if (!problems.equals(List.of("ok"))) {
      throw damaged(file, String.join("; ", problems));
    }
  }

  /** The damaged-file explanation when {@code e} says the file is not a database or is corrupt; null otherwise. */
  static UnusableDatabaseException damagedOrNull(SQLException e, Path file) {
    int code = e.getErrorCode() & 0xff;
    return code == SQLITE_NOTADB || code == SQLITE_CORRUPT ? damaged(file, e.getMessage()) : null;
  }

  private static UnusableDatabaseException damaged(Path file, String why) {
    Path copy = LastGoodCopy.fileFor(file);
    return new UnusableDatabaseException("The database " + file + " is damaged (SQLite says: " + why + ")."
        + " Harpou will not start on it. " + remedy(file, copy, Files.isRegularFile(copy)));
  }

  private static String remedy(Path file, Path copy, boolean hasCopy) {
    String name = file.getFileName().toString();
    String dir = String.valueOf(file.getParent());
    String aside = "move " + name + ", " + name + "-wal and " + name + "-shm out of " + dir;
    if (hasCopy) {
      return "To restore the last good copy (" + LastGoodCopy.describe(copy) + "): stop Harpou, " + aside
          + ", then copy " + copy.getFileName() + " to " + name + ". To start afresh instead, also move "
          + copy.getFileName() + " away.";
    }
    return "No last good copy exists. To start afresh: stop Harpou and " + aside
        + " (sqlite3's .recover command may save some of it).";
  }
}
