package io.harpou.wyoming.message;

import io.harpou.wyoming.WyomingEvent;
import io.harpou.wyoming.WyomingMessage;
import io.harpou.wyoming.info.Info;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Turns generic events into typed messages; events of unknown types come back unchanged. */
public final class WyomingMessages {

  private static final Map<String, Function<WyomingEvent, WyomingMessage>> READERS = readers();

  private WyomingMessages() {
  }

  private static Map<String, Function<WyomingEvent, WyomingMessage>> readers() {
    Map<String, Function<WyomingEvent, WyomingMessage>> m = new HashMap<>();
    m.put(Audio.AudioStart.TYPE, Audio.AudioStart::fromEvent);
    m.put(Audio.AudioChunk.TYPE, Audio.AudioChunk::fromEvent);
    m.put(Audio.AudioStop.TYPE, Audio.AudioStop::fromEvent);
    m.put(Control.Describe.TYPE, Control.Describe::fromEvent);
    m.put(Info.TYPE, Info::fromEvent);
    m.put(Control.Ping.TYPE, Control.Ping::fromEvent);
    m.put(Control.Pong.TYPE, Control.Pong::fromEvent);
    m.put(Control.ErrorMessage.TYPE, Control.ErrorMessage::fromEvent);
    m.put(Control.UserEvent.TYPE, Control.UserEvent::fromEvent);
    m.put(Asr.Transcribe.TYPE, Asr.Transcribe::fromEvent);
    m.put(Asr.Transcript.TYPE, Asr.Transcript::fromEvent);
    m.put(Asr.TranscriptStart.TYPE, Asr.TranscriptStart::fromEvent);
    m.put(Asr.TranscriptChunk.TYPE, Asr.TranscriptChunk::fromEvent);
    m.put(Asr.TranscriptStop.TYPE, Asr.TranscriptStop::fromEvent);
    m.put(Tts.Synthesize.TYPE, Tts.Synthesize::fromEvent);
    m.put(Tts.SynthesizeStart.TYPE, Tts.SynthesizeStart::fromEvent);
    m.put(Tts.SynthesizeChunk.TYPE, Tts.SynthesizeChunk::fromEvent);
    m.put(Tts.SynthesizeStop.TYPE, Tts.SynthesizeStop::fromEvent);
    m.put(Tts.SynthesizeStopped.TYPE, Tts.SynthesizeStopped::fromEvent);
    m.put(Wake.Detect.TYPE, Wake.Detect::fromEvent);
    m.put(Wake.Detection.TYPE, Wake.Detection::fromEvent);
    m.put(Wake.NotDetected.TYPE, Wake.NotDetected::fromEvent);
    m.put(Vad.VoiceStarted.TYPE, Vad.VoiceStarted::fromEvent);
    m.put(Vad.VoiceStopped.TYPE, Vad.VoiceStopped::fromEvent);
    m.put(Intents.Recognize.TYPE, Intents.Recognize::fromEvent);
    m.put(Intents.Intent.TYPE, Intents.Intent::fromEvent);
    m.put(Intents.NotRecognized.TYPE, Intents.NotRecognized::fromEvent);
    m.put(Intents.IntentsStart.TYPE, Intents.IntentsStart::fromEvent);
    m.put(Intents.IntentsStop.TYPE, Intents.IntentsStop::fromEvent);
    m.put(Handle.Handled.TYPE, Handle.Handled::fromEvent);
    m.put(Handle.NotHandled.TYPE, Handle.NotHandled::fromEvent);
    m.put(Handle.HandledStart.TYPE, Handle.HandledStart::fromEvent);
    m.put(Handle.HandledChunk.TYPE, Handle.HandledChunk::fromEvent);
    m.put(Handle.HandledStop.TYPE, Handle.HandledStop::fromEvent);
    m.put(Pipeline.RunPipeline.TYPE, Pipeline.RunPipeline::fromEvent);
    m.put(Pipeline.RunSatellite.TYPE, Pipeline.RunSatellite::fromEvent);
    m.put(Pipeline.PauseSatellite.TYPE, Pipeline.PauseSatellite::fromEvent);
    m.put(SatelliteStatus.SatelliteConnected.TYPE, SatelliteStatus.SatelliteConnected::fromEvent);
    m.put(SatelliteStatus.SatelliteDisconnected.TYPE, SatelliteStatus.SatelliteDisconnected::fromEvent);
    m.put(SatelliteStatus.StreamingStarted.TYPE, SatelliteStatus.StreamingStarted::fromEvent);
    m.put(SatelliteStatus.StreamingStopped.TYPE, SatelliteStatus.StreamingStopped::fromEvent);
    m.put(SatelliteStatus.Played.TYPE, SatelliteStatus.Played::fromEvent);
    m.put(Timers.TimerStarted.TYPE, Timers.TimerStarted::fromEvent);
    m.put(Timers.TimerUpdated.TYPE, Timers.TimerUpdated::fromEvent);
    m.put(Timers.TimerCancelled.TYPE, Timers.TimerCancelled::fromEvent);
    m.put(Timers.TimerFinished.TYPE, Timers.TimerFinished::fromEvent);
    return Collections.unmodifiableMap(m);
  }

  /**
   * Returns the event types this library reads into typed messages.
   *
   * @return the known types
   */
  public static Set<String> knownTypes() {
    return READERS.keySet();
  }

  /**
   * Reads an event as its typed message, or returns the event itself when its type is unknown.
   *
   * @param event the event
   * @return a typed message, or {@code event}
   * @throws io.harpou.wyoming.WyomingException when a known event lacks a required field or has a field of the
   *     wrong type
   * @throws IllegalArgumentException when a field value breaks a record's rule (a run-pipeline ending before it
   *     starts, a non-positive sample rate)
   */
  public static WyomingMessage read(WyomingEvent event) {
    Function<WyomingEvent, WyomingMessage> reader = READERS.get(event.type());
    return reader == null ? event : reader.apply(event);
  }
}
