package io.harpou.wyoming.info;

import static io.harpou.wyoming.impl.Fields.expect;
import static io.harpou.wyoming.impl.Fields.object;
import static io.harpou.wyoming.impl.Fields.objects;

import io.harpou.wyoming.WyomingEvent;
import io.harpou.wyoming.WyomingMessage;
import io.harpou.wyoming.impl.Fields;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * What a service offers, the answer to {@code describe}. Every list is always written, empty or not, and every
 * required key of every entry is present, because Home Assistant fails to set up on a missing one.
 *
 * @param asr speech-to-text programs
 * @param tts text-to-speech programs
 * @param handle intent handling programs (conversation agents)
 * @param intent intent recognition programs
 * @param wake wake word programs
 * @param mic microphone programs
 * @param snd sound output programs
 * @param satellite the satellite description, or {@code null} when the service is not a satellite
 */
public record Info(List<AsrProgram> asr, List<TtsProgram> tts, List<HandleProgram> handle,
    List<IntentProgram> intent, List<WakeProgram> wake, List<AudioProgram> mic, List<AudioProgram> snd,
    SatelliteInfo satellite) implements WyomingMessage {

  /** The event type. */
  public static final String TYPE = "info";

  /** Copies the lists, a {@code null} list becoming empty. */
  public Info {
    asr = listOf(asr);
    tts = listOf(tts);
    handle = listOf(handle);
    intent = listOf(intent);
    wake = listOf(wake);
    mic = listOf(mic);
    snd = listOf(snd);
  }

  /**
   * Returns an empty info (no programs, not a satellite), to build on with the {@code with} methods.
   *
   * @return the empty info
   */
  public static Info empty() {
    return new Info(null, null, null, null, null, null, null, null);
  }

  /**
   * Returns a copy with the given speech-to-text programs.
   *
   * @param programs the programs
   * @return a new info
   */
  public Info withAsr(List<AsrProgram> programs) {
    return new Info(programs, tts, handle, intent, wake, mic, snd, satellite);
  }

  /**
   * Returns a copy with the given text-to-speech programs.
   *
   * @param programs the programs
   * @return a new info
   */
  public Info withTts(List<TtsProgram> programs) {
    return new Info(asr, programs, handle, intent, wake, mic, snd, satellite);
  }

  /**
   * Returns a copy with the given handle programs.
   *
   * @param programs the programs
   * @return a new info
   */
  public Info withHandle(List<HandleProgram> programs) {
    return new Info(asr, tts, programs, intent, wake, mic, snd, satellite);
  }

  /**
   * Returns a copy with the given satellite description.
   *
   * @param satelliteInfo the satellite
   * @return a new info
   */
  public Info withSatellite(SatelliteInfo satelliteInfo) {
    return new Info(asr, tts, handle, intent, wake, mic, snd, satelliteInfo);
  }

  private static <T> List<T> listOf(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }

  /**
   * Returns the data of the {@code info} event.
   *
   * @return a new JSON object
   */
  public JsonObject toJson() {
    JsonObject d = new JsonObject()
        .put("asr", Fields.toArray(asr, AsrProgram::toJson))
        .put("tts", Fields.toArray(tts, TtsProgram::toJson))
        .put("handle", Fields.toArray(handle, HandleProgram::toJson))
        .put("intent", Fields.toArray(intent, IntentProgram::toJson))
        .put("wake", Fields.toArray(wake, WakeProgram::toJson))
        .put("mic", Fields.toArray(mic, p -> p.toJson("mic_format")))
        .put("snd", Fields.toArray(snd, p -> p.toJson("snd_format")));
    if (satellite != null) {
      d.put("satellite", satellite.toJson());
    }
    return d;
  }

  /**
   * Reads the data of an {@code info} event; missing lists are empty, unknown keys ignored.
   *
   * @param data the event data
   * @return the info
   * @throws io.harpou.wyoming.WyomingException when an entry lacks a required key
   */
  public static Info fromJson(JsonObject data) {
    JsonObject satellite = object(data, "satellite");
    return new Info(objects(data, "asr", AsrProgram::fromJson), objects(data, "tts", TtsProgram::fromJson),
        objects(data, "handle", HandleProgram::fromJson), objects(data, "intent", IntentProgram::fromJson),
        objects(data, "wake", WakeProgram::fromJson), objects(data, "mic", j -> AudioProgram.fromJson(j, "mic_format")),
        objects(data, "snd", j -> AudioProgram.fromJson(j, "snd_format")),
        satellite == null ? null : SatelliteInfo.fromJson(satellite));
  }

  @Override
  public WyomingEvent toEvent() {
    return WyomingEvent.of(TYPE, toJson());
  }

  /**
   * Reads the message from an event.
   *
   * @param event an {@code info} event
   * @return the info
   * @throws io.harpou.wyoming.WyomingException when the type is wrong or an entry lacks a required key
   */
  public static Info fromEvent(WyomingEvent event) {
    return fromJson(expect(event, TYPE));
  }
}
