/**
 * The {@code info} model a Wyoming service sends in answer to {@code describe}: its speech-to-text, text-to-speech,
 * handle, intent, wake, mic and sound programs with their models and voices, and the satellite description.
 */
package io.harpou.wyoming.info;
