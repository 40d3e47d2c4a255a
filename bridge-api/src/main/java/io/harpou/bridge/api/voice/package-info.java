/**
 * The voice SPI, after openHAB's: small services with an identity, their capabilities and one work method.
 * {@link io.harpou.bridge.api.voice.SttService} turns audio into text, {@link io.harpou.bridge.api.voice.TtsService}
 * text into audio one sentence at a time, and an {@link io.harpou.bridge.api.voice.Announcer} speaks in a room.
 */
package io.harpou.bridge.api.voice;
