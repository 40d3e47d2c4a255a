package io.harpou.bridge.api.voice;

import io.vertx.core.json.JsonObject;

/**
 * What a household set on one satellite: muted (its microphone is not listened to), do not disturb (nothing is
 * announced on it unprompted), and the volume of what it plays.
 *
 * @param muted true when wake words and speech from the satellite are ignored
 * @param doNotDisturb true when timers, finished tasks and notifications are not spoken on it
 * @param volume the loudness of what it plays, 0 to 100 percent of the speech engine's output
 */
public record SatelliteSettings(boolean muted, boolean doNotDisturb, int volume) {

  /** A satellite as it starts: listening, announcing, at full volume. */
  public static final SatelliteSettings DEFAULT = new SatelliteSettings(false, false, 100);

  /** Requires a volume from 0 to 100. */
  public SatelliteSettings {
    if (volume < 0 || volume > 100) {
      throw new IllegalArgumentException("volume must be from 0 to 100, not " + volume);
    }
  }

  /** The same settings, muted or not. */
  public SatelliteSettings withMuted(boolean value) {
    return new SatelliteSettings(value, doNotDisturb, volume);
  }

  /** The same settings, with do not disturb on or off. */
  public SatelliteSettings withDoNotDisturb(boolean value) {
    return new SatelliteSettings(muted, value, volume);
  }

  /** The same settings at another volume. */
  public SatelliteSettings withVolume(int value) {
    return new SatelliteSettings(muted, doNotDisturb, value);
  }

  /** The JSON form: {@code muted}, {@code do_not_disturb}, {@code volume}. */
  public JsonObject toJson() {
    return new JsonObject().put("muted", muted).put("do_not_disturb", doNotDisturb).put("volume", volume);
  }
}
