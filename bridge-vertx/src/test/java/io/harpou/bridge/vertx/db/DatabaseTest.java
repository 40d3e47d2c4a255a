package io.harpou.bridge.vertx.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harpou.bridge.api.BridgeException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
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
}
