package io.harpou.bridge.vertx.settings;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The household's settings as they are now, kept in a {@link SettingsTable} so they survive a restart. Everything
 * that obeys them (the prompt, the model's thinking, the policy's view of hidden and protected entities) asks
 * {@link #current()} at each turn or call instead of keeping a copy, so a save applies from the next turn on. When
 * hubs share the table, each reads the row again every {@link #SHARED_REFRESH_MS} ms, so a save made on another hub
 * applies here within that time.
 */
public final class LiveSettings {

  /** How often a hub sharing the settings reads them again. */
  public static final long SHARED_REFRESH_MS = 1_000;
  private static final Logger LOG = LoggerFactory.getLogger(LiveSettings.class);

  private final SettingsTable table;
  private final HouseholdSettings defaults;
  private volatile HouseholdSettings current;
  /** Counts saves, so a read that started before one never puts back what it replaced. */
  private volatile long saves;
  private long refresher = -1;
  private Vertx vertx;

  private LiveSettings(SettingsTable table, HouseholdSettings defaults) {
    this.table = table;
    this.defaults = defaults;
    this.current = defaults;
  }

  /**
   * Loads what {@code table} holds over {@code defaults} (the configuration's values); when the table is shared, reads
   * it again on {@code vertx} every {@link #SHARED_REFRESH_MS} ms until {@link #close()}. A saved row that no longer
   * validates is logged and left out, so a bad row never stops the agent.
   */
  public static Future<LiveSettings> open(Vertx vertx, SettingsTable table, HouseholdSettings defaults) {
    LiveSettings settings = new LiveSettings(table, defaults);
    return settings.reload().map(v -> {
      if (table.shared()) {
        settings.vertx = vertx;
        settings.refresher = vertx.setPeriodic(SHARED_REFRESH_MS, t -> settings.reload()
            .onFailure(e -> LOG.warn("Reading the shared settings failed: {}", e.getMessage())));
      }
      return settings;
    });
  }

  /** The settings in force. */
  public HouseholdSettings current() {
    return current;
  }

  /** Stores {@code settings}, then puts them in force; on a database failure the ones in force stay. */
  public Future<HouseholdSettings> save(HouseholdSettings settings) {
    return table.save(settings.toJson().encode(), Instant.now()).map(v -> {
      saves++;
      current = settings;
      return settings;
    });
  }

  /** Stops reading a shared table again. */
  public void close() {
    if (vertx != null) {
      vertx.cancelTimer(refresher);
    }
  }

  private Future<Void> reload() {
    long before = saves;
    return table.load().map(saved -> {
      if (saves == before) {
        current = parsed(saved);
      }
      return null;
    });
  }

  private HouseholdSettings parsed(String saved) {
    if (saved == null) {
      return defaults;
    }
    try {
      return defaults.with(new JsonObject(saved));
    } catch (IllegalArgumentException | DecodeException e) {
      LOG.warn("The saved settings are unusable, using the configuration's: {}", e.getMessage());
      return defaults;
    }
  }
}
