/**
 * Speech engines for Harpou's voice SPI, found by {@link io.harpou.bridge.api.Providers} through
 * {@link io.harpou.bridge.vertx.speech.BuiltInSpeechEngines}: Whisper speech to text in process (whisper-jni),
 * espeak-ng text to speech as a process, and clients of remote Wyoming speech services.
 */
package io.harpou.bridge.vertx.speech;
