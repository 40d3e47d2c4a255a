package io.harpou.bridge.vertx.voice.impl;

/** The {@code code}s of the {@code error} events voice sends, after Home Assistant's pipeline error codes. */
final class ErrorCodes {

  /** No speech-to-text engine is configured. */
  static final String STT_MISSING = "stt-provider-missing";
  /** The speech-to-text engine failed. */
  static final String STT_FAILED = "stt-stream-failed";
  /** Speech was heard but nothing was recognised, or no speech came. */
  static final String NO_TEXT = "stt-no-text-recognized";
  /** No text-to-speech engine is configured. */
  static final String TTS_MISSING = "tts-not-supported";
  /** The text-to-speech engine failed. */
  static final String TTS_FAILED = "tts-failed";
  /** No agent is running. */
  static final String AGENT_MISSING = "intent-not-supported";
  /** The agent failed. */
  static final String AGENT_FAILED = "intent-failed";
  /** A message could not be read or is not allowed now. */
  static final String BAD_REQUEST = "bad-request";
  /** Another satellite heard the same wake word louder. */
  static final String DUPLICATE_WAKE = "duplicate_wake_up_detected";
  /** The household muted the satellite: its wake words and speech are not listened to. */
  static final String MUTED = "satellite-muted";
  /** The satellite asked for wake word detection, which Harpou does not run. */
  static final String WAKE_UNSUPPORTED = "wake-engine-missing";

  private ErrorCodes() {
  }
}
