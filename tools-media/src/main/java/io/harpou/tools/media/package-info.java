/**
 * Speech engines and audio helpers for Harpou's voice SPI: Whisper speech-to-text in process (whisper-jni), espeak-ng
 * text-to-speech as a process, clients of remote Wyoming speech services, PCM and WAV utilities, and the
 * {@code media} tool provider.
 */
package io.harpou.tools.media;
