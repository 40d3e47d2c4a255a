package io.harpou.bridge.vertx.rules;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;

/**
 * Hours when a rule speaks in no room ({@code "22:00-07:00"}, across midnight allowed); the console and Home
 * Assistant are still told.
 *
 * @param from when the quiet begins
 * @param to when it ends
 */
public record QuietHours(LocalTime from, LocalTime to) {

  /**
   * Reads {@code "HH:MM-HH:MM"}.
   *
   * @throws IllegalArgumentException when the text is not two times
   */
  public static QuietHours parse(String text) {
    String[] parts = text.strip().split("\\s*-\\s*");
    try {
      if (parts.length == 2) {
        return new QuietHours(LocalTime.parse(parts[0]), LocalTime.parse(parts[1]));
      }
    } catch (DateTimeParseException e) {
      // Said below.
    }
    throw new IllegalArgumentException("quiet_hours is two times such as \"22:00-07:00\": " + text);
  }

  /** True when {@code time} falls within the quiet hours. */
  public boolean contains(LocalTime time) {
    return from.isBefore(to) ? !time.isBefore(from) && time.isBefore(to) : !time.isBefore(from) || time.isBefore(to);
  }

  @Override
  public String toString() {
    return from + "-" + to;
  }
}
