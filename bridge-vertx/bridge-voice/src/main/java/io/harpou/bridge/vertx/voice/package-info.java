/**
 * Voice: Harpou as a Wyoming service that Home Assistant adds (speech to text, text to speech and a conversation
 * agent on one port), and satellite sessions, which run the voice pipeline (audio, end of speech, transcription, the
 * agent, speech back) for each room's wyoming-satellite, with multi-room arbitration and room announcements.
 * {@link io.harpou.bridge.vertx.voice.WyomingServiceVerticle} runs it from {@link io.harpou.bridge.vertx.voice.VoiceOptions}.
 */
package io.harpou.bridge.vertx.voice;
