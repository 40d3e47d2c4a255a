package io.harpou.wyoming.message;

import io.harpou.wyoming.WyomingException;

/** The stages of an Assist pipeline, in the order they run. */
public enum PipelineStage {
  /** Wake word detection. */
  WAKE("wake"),
  /** Speech-to-text. */
  ASR("asr"),
  /** Intent recognition; Home Assistant's satellite code does not accept it as a start or end stage. */
  INTENT("intent"),
  /** Intent handling. */
  HANDLE("handle"),
  /** Text-to-speech. */
  TTS("tts");

  private final String wireName;

  PipelineStage(String wireName) {
    this.wireName = wireName;
  }

  /**
   * Returns the name used on the wire.
   *
   * @return for example {@code "asr"}
   */
  public String wireName() {
    return wireName;
  }

  /**
   * Finds a stage by its wire name.
   *
   * @param name the wire name
   * @return the stage
   * @throws WyomingException when the name is unknown
   */
  public static PipelineStage fromWireName(String name) {
    for (PipelineStage stage : values()) {
      if (stage.wireName.equals(name)) {
        return stage;
      }
    }
    throw new WyomingException("unknown pipeline stage: " + name);
  }
}
