package io.harpou.bridge.vertx.http.impl;

import io.harpou.bridge.api.event.ReplySent;
import io.harpou.bridge.api.event.SatelliteStateChanged;
import io.harpou.bridge.api.event.TranscriptReceived;
import io.harpou.bridge.api.event.TurnStarted;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The stages of a spoken turn as Prometheus histograms, so a household can graph its own voice latency: wake word to
 * end of speech, end of speech to the transcript (speech to text), a turn's start to its reply (understanding, every
 * channel), and end of speech to the first audio of the answer. Each is measured between the times the events carry,
 * from a satellite's {@code listening}, {@code processing} and {@code responding} states, its transcript and the
 * turn's start and reply.
 */
final class VoiceStageMetrics {

  private static final int MAX_TRACKED = 10_000;
  private static final Duration[] BUCKETS = {Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
      Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10),
      Duration.ofSeconds(30)};

  private final Timer wakeToEndOfSpeech;
  private final Timer speechToText;
  private final Timer understanding;
  private final Timer firstAudio;
  /** Per satellite: when it started listening and when the speech ended. */
  private final Map<String, Instant[]> satellites = bounded();
  private final Map<String, Instant> turns = bounded();

  VoiceStageMetrics(MeterRegistry registry) {
    wakeToEndOfSpeech = histogram(registry, "harpou.voice.wake.to.end.of.speech",
        "From the wake word to the end of speech, per spoken turn");
    speechToText = histogram(registry, "harpou.voice.speech.to.text", "From the end of speech to its transcript");
    understanding = histogram(registry, "harpou.turn.understanding",
        "From a turn's start to its reply (matcher or model, with its tools)");
    firstAudio = histogram(registry, "harpou.voice.first.audio",
        "From the end of speech to the first audio of the spoken answer");
  }

  /** Follows one event. */
  void record(JsonObject event) {
    Instant time = timeOf(event);
    if (time == null) {
      return;
    }
    switch (event.getString("kind", "")) {
      case SatelliteStateChanged.KIND -> satellite(event.getString("satellite"), event.getString("state"), time);
      case TranscriptReceived.KIND -> {
        Instant[] stages = satellites.get(String.valueOf(event.getString("satellite")));
        if (stages != null && stages[1] != null) {
          observe(speechToText, stages[1], time);
        }
      }
      case TurnStarted.KIND -> turns.put(event.getString("turn_id", ""), time);
      case ReplySent.KIND -> {
        Instant started = turns.remove(event.getString("turn_id", ""));
        if (started != null) {
          observe(understanding, started, time);
        }
      }
      default -> {
      }
    }
  }

  private void satellite(String id, String state, Instant time) {
    if (id == null || state == null) {
      return;
    }
    Instant[] stages = satellites.computeIfAbsent(id, k -> new Instant[2]);
    switch (state) {
      case "listening" -> {
        stages[0] = time;
        stages[1] = null;
      }
      case "processing" -> {
        if (stages[0] != null && stages[1] == null) {
          stages[1] = time;
          observe(wakeToEndOfSpeech, stages[0], time);
        }
      }
      case "responding" -> {
        if (stages[1] != null) {
          observe(firstAudio, stages[1], time);
          stages[0] = null;
          stages[1] = null;
        }
      }
      default -> {
      }
    }
  }

  private static void observe(Timer timer, Instant from, Instant to) {
    if (!to.isBefore(from)) {
      timer.record(Duration.between(from, to));
    }
  }

  private static Instant timeOf(JsonObject event) {
    try {
      String time = event.getString("time");
      return time == null ? null : Instant.parse(time);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static Timer histogram(MeterRegistry registry, String name, String description) {
    return Timer.builder(name).description(description).serviceLevelObjectives(BUCKETS).register(registry);
  }

  private static <V> Map<String, V> bounded() {
    return new LinkedHashMap<>() {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > MAX_TRACKED;
      }
    };
  }
}
