package io.harpou.bridge.vertx.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harpou.bridge.api.BridgeException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

  private final Vertx vertx = Vertx.vertx();

  @TempDir
  Path dir;

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void should_apply_each_migration_once_and_keep_data_across_reopen() {
    List<String> history = List.of(
        "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)",
        "ALTER TABLE notes ADD COLUMN room TEXT;\nCREATE INDEX notes_room ON notes(room)");
    Database db = Database.open(vertx, dir.resolve("harpou.db")).await();
    assertThat(db.migrate("notes", history).await()).isEqualTo(2);
    db.run(c -> c.createStatement().executeUpdate("INSERT INTO notes(text, room) VALUES ('buy milk', 'kitchen')"))
        .await();
    db.close().await();

    Database reopened = Database.open(vertx, dir.resolve("harpou.db")).await();
    assertThat(reopened.migrate("notes", history).await()).isEqualTo(2);
    String room = reopened.run(c -> {
      try (ResultSet rows = c.createStatement().executeQuery("SELECT room FROM notes")) {
        rows.next();
        return rows.getString(1);
      }
    }).await();
    assertThat(room).isEqualTo("kitchen");
    reopened.close().await();
  }

  @Test
  void should_roll_back_a_failed_migration_and_report_which_one() {
    Database db = Database.open(vertx, dir.resolve("harpou.db")).await();
    List<String> broken = List.of("CREATE TABLE a (x INTEGER)", "CREATE TABLE b (x INTEGER);\nNOT SQL AT ALL");

    assertThatThrownBy(() -> db.migrate("broken", broken).await()).isInstanceOf(BridgeException.class)
        .hasMessageContaining("migration 2 of broken");
    boolean tableBExists = db.run(c -> {
      try (ResultSet rows = c.getMetaData().getTables(null, null, "b", null)) {
        return rows.next();
      }
    }).await();
    assertThat(tableBExists).isFalse();
    assertThat(db.migrate("broken", List.of("CREATE TABLE a (x INTEGER)")).await()).isEqualTo(1);
    db.close().await();
  }

  @Test
  void should_keep_every_good_write_of_a_group_when_one_of_them_fails() {
    Database db = Database.open(vertx, dir.resolve("harpou.db")).await();
    db.migrate("notes", List.of("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)")).await();
    List<Future<Integer>> writes = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      String text = i == 100 ? null : "note " + i;
      writes.add(db.write(c -> {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO notes(text) VALUES(?)")) {
          insert.setString(1, text);
          return insert.executeUpdate();
        }
      }));
    }
    Future.join(writes).otherwiseEmpty().await();

    assertThat(writes.get(100).failed()).isTrue();
    assertThat(writes.get(100).cause()).isInstanceOf(BridgeException.class).hasMessageContaining("NOT NULL");
    assertThat(writes.stream().filter(Future::succeeded).count()).isEqualTo(199);
    List<String> stored = db.run(c -> {
      List<String> texts = new ArrayList<>();
      try (ResultSet rows = c.createStatement().executeQuery("SELECT text FROM notes ORDER BY id")) {
        while (rows.next()) {
          texts.add(rows.getString(1));
        }
      }
      return texts;
    }).await();
    assertThat(stored).hasSize(199).startsWith("note 0", "note 1").endsWith("note 199").doesNotContain("note 100");
    db.close().await();
  }

  @Test
  void should_refuse_work_once_closed() {
    Database db = Database.open(vertx, dir.resolve("harpou.db")).await();
    db.close().await();

    assertThatThrownBy(() -> db.write(c -> 1).await()).isInstanceOf(BridgeException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void should_fail_clearly_when_the_file_cannot_be_created() {
    Path impossible = Path.of("/proc/harpou/harpou.db");

    assertThatThrownBy(() -> Database.open(vertx, impossible).await()).isInstanceOf(BridgeException.class)
        .hasMessageContaining("cannot open database");
  }

  private Database withNotes(Path file, String text) {
    Database db = Database.open(vertx, file).await();
    db.migrate("notes", List.of("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)")).await();
    db.write(c -> {
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO notes(text) VALUES(?)")) {
        insert.setString(1, text);
        return insert.executeUpdate();
      }
    }).await();
    return db;
  }

  private static String firstNote(Database db) {
    return db.run(c -> {
      try (ResultSet rows = c.createStatement().executeQuery("SELECT text FROM notes ORDER BY id")) {
        return rows.next() ? rows.getString(1) : null;
      }
    }).await();
  }

  @Test
  void should_refuse_a_database_truncated_to_zero_bytes_and_open_the_restored_copy() throws Exception {
    Path file = dir.resolve("harpou.db");
    Database db = withNotes(file, "the spare key is under the blue pot");
    LastGoodCopy copies = LastGoodCopy.start(vertx, db).await();
    copies.close().await();
    db.close().await();
    Files.write(file, new byte[0]);

    assertThatThrownBy(() -> Database.open(vertx, file).await()).isInstanceOf(UnusableDatabaseException.class)
        .hasMessageContaining("The database " + file + " is empty (0 bytes)")
        .hasMessageContaining("its last good copy harpou.last-good.db (made ")
        .hasMessageContaining("copy harpou.last-good.db to harpou.db");
    assertThat(Files.size(file)).isZero();

    Files.copy(dir.resolve("harpou.last-good.db"), file, StandardCopyOption.REPLACE_EXISTING);
    Database restored = Database.open(vertx, file).await();
    assertThat(firstNote(restored)).isEqualTo("the spare key is under the blue pot");
    restored.close().await();
  }

  @Test
  void should_refuse_a_deleted_database_whose_last_good_copy_remains() throws Exception {
    Path file = dir.resolve("harpou.db");
    Database db = withNotes(file, "note");
    LastGoodCopy.start(vertx, db).await().close().await();
    db.close().await();
    Files.delete(file);

    assertThatThrownBy(() -> Database.open(vertx, file).await()).isInstanceOf(UnusableDatabaseException.class)
        .hasMessageContaining("is missing");
    assertThat(file).doesNotExist();
  }

  @Test
  void should_refuse_an_empty_database_whose_write_ahead_log_remains() throws Exception {
    Path file = dir.resolve("harpou.db");
    Files.write(file, new byte[0]);
    Files.write(dir.resolve("harpou.db-wal"), new byte[4096]);

    assertThatThrownBy(() -> Database.open(vertx, file).await()).isInstanceOf(UnusableDatabaseException.class)
        .hasMessageContaining("its write-ahead log harpou.db-wal (4096 bytes)")
        .hasMessageContaining("No last good copy exists");
  }

  @Test
  void should_refuse_a_damaged_database_and_name_its_last_good_copy() throws Exception {
    Path file = dir.resolve("harpou.db");
    Database db = withNotes(file, "note");
    db.migrate("more", List.of("CREATE TABLE a (x TEXT)", "CREATE TABLE b (x TEXT)", "CREATE INDEX bx ON b(x)"))
        .await();
    LastGoodCopy.start(vertx, db).await().close().await();
    db.close().await();
    byte[] bytes = Files.readAllBytes(file);
    assertThat(bytes.length).isGreaterThan(4 * 4096);
    // A disk or a copy gone wrong: two pages of the schema's tables overwritten with garbage.
    Arrays.fill(bytes, 4096, 3 * 4096, (byte) 0x5a);
    Files.write(file, bytes);

    assertThatThrownBy(() -> Database.open(vertx, file).await()).isInstanceOf(UnusableDatabaseException.class)
        .hasMessageContaining("The database " + file + " is damaged (SQLite says: ")
        .hasMessageContaining("copy harpou.last-good.db to harpou.db");
    assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
  }

  @Test
  void should_refuse_a_file_that_is_not_a_database() throws Exception {
    Path file = dir.resolve("harpou.db");
    Files.writeString(file, "these are my notes, not a database\n".repeat(200));

    assertThatThrownBy(() -> Database.open(vertx, file).await()).isInstanceOf(UnusableDatabaseException.class)
        .hasMessageContaining("is damaged (SQLite says: ")
        .hasMessageContaining("No last good copy exists");
  }

  @Test
  void should_open_an_empty_file_in_a_new_data_directory_as_a_new_database() throws Exception {
    Path file = Files.write(dir.resolve("harpou.db"), new byte[0]);

    Database db = withNotes(file, "first note");

    assertThat(firstNote(db)).isEqualTo("first note");
    db.close().await();
  }

  @Test
  void should_copy_at_start_only_when_the_last_copy_is_a_day_old() throws Exception {
    Path file = dir.resolve("harpou.db");
    Database db = withNotes(file, "note");
    Path copy = dir.resolve("harpou.last-good.db");

    LastGoodCopy first = LastGoodCopy.start(vertx, db).await();
    first.close().await();
    assertThat(first.status()).startsWith("last good copy harpou.last-good.db made ");
    FileTime recent = FileTime.from(Instant.now().minus(Duration.ofHours(2)));
    Files.setLastModifiedTime(copy, recent);
    LastGoodCopy.start(vertx, db).await().close().await();
    assertThat(Files.getLastModifiedTime(copy)).isEqualTo(recent);
    FileTime old = FileTime.from(Instant.now().minus(Duration.ofHours(25)));
    Files.setLastModifiedTime(copy, old);
    LastGoodCopy.start(vertx, db).await().close().await();
    assertThat(Files.getLastModifiedTime(copy)).isGreaterThan(old);
    assertThat(dir.resolve("harpou.last-good.db.partial")).doesNotExist();
    db.close().await();
  }
}
