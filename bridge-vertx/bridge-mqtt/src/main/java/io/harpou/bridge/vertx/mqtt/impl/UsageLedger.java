package io.harpou.bridge.vertx.mqtt.impl;

import io.harpou.bridge.vertx.db.Database;
import io.vertx.core.Future;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * The model's tokens per local day, kept in the database so that "tokens today" and "cost this month" survive a
 * restart. Counts are held in memory and each addition is written behind.
 */
final class UsageLedger {

  private static final List<String> MIGRATIONS = List.of("""
      CREATE TABLE token_usage_daily (day TEXT PRIMARY KEY, input_tokens INTEGER NOT NULL,
        output_tokens INTEGER NOT NULL)
      """);

  private final Database database;
  private final Clock clock;
  private LocalDate day;
  private long todayInput;
  private long todayOutput;
  private long monthInput;
  private long monthOutput;

  private UsageLedger(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  /** Opens the table and reads this month's counts. */
  static Future<UsageLedger> open(Database database, Clock clock) {
    UsageLedger ledger = new UsageLedger(database, clock);
    return database.migrate("token_usage", MIGRATIONS).compose(v -> ledger.load()).map(ledger);
  }

  private Future<Void> load() {
    LocalDate today = LocalDate.now(clock);
    return database.run(c -> {
      try (PreparedStatement query = c.prepareStatement("SELECT day, input_tokens, output_tokens FROM"
          + " token_usage_daily WHERE day >= ?")) {
        query.setString(1, today.withDayOfMonth(1).toString());
        try (ResultSet rows = query.executeQuery()) {
          day = today;
          while (rows.next()) {
            monthInput += rows.getLong(2);
            monthOutput += rows.getLong(3);
            if (rows.getString(1).equals(today.toString())) {
              todayInput = rows.getLong(2);
              todayOutput = rows.getLong(3);
            }
          }
        }
      }
      return null;
    });
  }

  /** Counts one model call's tokens. */
  void add(int input, int output) {
    roll();
    todayInput += input;
    todayOutput += output;
    monthInput += input;
    monthOutput += output;
    String key = day.toString();
    database.write(c -> {
      try (PreparedStatement upsert = c.prepareStatement("INSERT INTO token_usage_daily(day, input_tokens,"
          + " output_tokens) VALUES(?, ?, ?) ON CONFLICT(day) DO UPDATE SET input_tokens = input_tokens +"
          + " excluded.input_tokens, output_tokens = output_tokens + excluded.output_tokens")) {
        upsert.setString(1, key);
        upsert.setLong(2, input);
        upsert.setLong(3, output);
        upsert.executeUpdate();
      }
      return null;
    });
  }

  /** Tokens used today, prompt and generated. */
  long tokensToday() {
    roll();
    return todayInput + todayOutput;
  }

  /** What this month's tokens cost at the given prices per million. */
  double costThisMonth(double inputPerMillion, double outputPerMillion) {
    roll();
    return (monthInput * inputPerMillion + monthOutput * outputPerMillion) / 1_000_000.0;
  }

  private void roll() {
    LocalDate today = LocalDate.now(clock);
    if (!today.equals(day)) {
      if (day == null || today.getMonthValue() != day.getMonthValue() || today.getYear() != day.getYear()) {
        monthInput = 0;
        monthOutput = 0;
      }
      todayInput = 0;
      todayOutput = 0;
      day = today;
    }
  }
}
