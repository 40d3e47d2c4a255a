package io.harpou.wyoming.message;

import static io.harpou.wyoming.impl.Fields.bool;
import static io.harpou.wyoming.impl.Fields.expect;
import static io.harpou.wyoming.impl.Fields.putIfSet;
import static io.harpou.wyoming.impl.Fields.requireNonNull;
import static io.harpou.wyoming.impl.Fields.requireString;
import static io.harpou.wyoming.impl.Fields.string;
import static io.harpou.wyoming.impl.Fields.strings;

import io.harpou.wyoming.WyomingEvent;
import io.harpou.wyoming.WyomingMessage;
import io.harpou.wyoming.impl.Fields;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** Satellite and pipeline control: {@code run-pipeline}, {@code run-satellite}, {@code pause-satellite}. */
public final class Pipeline {

  private Pipeline() {
  }

  /**
   * Asks to run a pipeline from one stage to another (satellite to Home Assistant).
   *
   * @param startStage the first stage, required
   * @param endStage the last stage, required, not before the start
   * @param wakeWordName the wake word that triggered the run, or {@code null}
   * @param restartOnEnd whether to restart automatically after each run
   * @param wakeWordNames the wake words to listen for when starting at {@code wake}, or {@code null}
   * @param announceText the text to announce when starting at {@code tts}, or {@code null}
   */
  public record RunPipeline(PipelineStage startStage, PipelineStage endStage, String wakeWordName,
      boolean restartOnEnd, List<String> wakeWordNames, String announceText) implements WyomingMessage {

    /** The event type. */
    public static final String TYPE = "run-pipeline";

    /** Checks both stages are present and in order. */
    public RunPipeline {
      requireNonNull(startStage, "startStage");
      requireNonNull(endStage, "endStage");
      if (endStage.ordinal() < startStage.ordinal()) {
        throw new IllegalArgumentException("end stage " + endStage.wireName() + " comes before start stage "
            + startStage.wireName());
      }
      wakeWordNames = Fields.copy(wakeWordNames);
    }

    /**
     * Creates a run between two stages with no other options.
     *
     * @param startStage the first stage
     * @param endStage the last stage
     * @param restartOnEnd whether to restart automatically after each run
     */
    public RunPipeline(PipelineStage startStage, PipelineStage endStage, boolean restartOnEnd) {
      this(startStage, endStage, null, restartOnEnd, null, null);
    }

    @Override
    public WyomingEvent toEvent() {
      JsonObject d = new JsonObject().put("start_stage", startStage.wireName()).put("end_stage", endStage.wireName())
          .put("restart_on_end", restartOnEnd);
      putIfSet(d, "wake_word_name", wakeWordName);
      if (wakeWordNames != null && !wakeWordNames.isEmpty()) {
        d.put("wake_word_names", Fields.toArray(wakeWordNames));
      }
      putIfSet(d, "announce_text", announceText);
      return WyomingEvent.of(TYPE, d);
    }

    /**
     * Reads the message from an event; the legacy {@code name} and {@code snd_format} keys stay in the event.
     *
     * @param event a {@code run-pipeline} event
     * @return the message
     * @throws io.harpou.wyoming.WyomingException when the type is wrong, a stage is missing or unknown
     * @throws IllegalArgumentException when the end stage comes before the start stage
     */
    public static RunPipeline fromEvent(WyomingEvent event) {
      JsonObject d = expect(event, TYPE);
      return new RunPipeline(PipelineStage.fromWireName(requireString(d, "start_stage")),
          PipelineStage.fromWireName(requireString(d, "end_stage")), string(d, "wake_word_name"),
          bool(d, "restart_on_end", false), strings(d, "wake_word_names"), string(d, "announce_text"));
    }
  }

  /** Home Assistant is ready: the satellite may run pipelines. */
  public record RunSatellite() implements WyomingMessage {

    /** The event type. */
    public static final String TYPE = "run-satellite";

    @Override
    public WyomingEvent toEvent() {
      return WyomingEvent.of(TYPE);
    }

    /**
     * Reads the message from an event.
     *
     * @param event a {@code run-satellite} event
     * @return the message
     * @throws io.harpou.wyoming.WyomingException when the type is wrong
     */
    public static RunSatellite fromEvent(WyomingEvent event) {
      expect(event, TYPE);
      return new RunSatellite();
    }
  }

  /** Home Assistant is not ready (muted, stopping): the satellite stops streaming. */
  public record PauseSatellite() implements WyomingMessage {

    /** The event type. */
    public static final String TYPE = "pause-satellite";

    @Override
    public WyomingEvent toEvent() {
      return WyomingEvent.of(TYPE);
    }

    /**
     * Reads the message from an event.
     *
     * @param event a {@code pause-satellite} event
     * @return the message
     * @throws io.harpou.wyoming.WyomingException when the type is wrong
     */
    public static PauseSatellite fromEvent(WyomingEvent event) {
      expect(event, TYPE);
      return new PauseSatellite();
    }
  }
}
