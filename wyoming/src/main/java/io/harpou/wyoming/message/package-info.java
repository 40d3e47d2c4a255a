/**
 * Typed Wyoming messages on top of the generic {@link io.harpou.wyoming.WyomingEvent}, grouped by domain as the
 * reference library is: audio, speech-to-text, text-to-speech, wake word, voice activity, intents, handling,
 * pipelines and satellites, timers, and control. Each converts with {@code toEvent()} and
 * {@code static fromEvent(WyomingEvent)}; {@link io.harpou.wyoming.message.WyomingMessages} picks the right one.
 */
package io.harpou.wyoming.message;
