package io.harpou.bridge.vertx.voice;

import io.harpou.bridge.api.voice.SpeechAudio;
import io.harpou.bridge.vertx.speech.EspeakOptions;
import io.harpou.bridge.vertx.speech.EspeakTtsService;
import io.harpou.bridge.api.voice.Pcm;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;

/** Real speech for tests: espeak-ng says a sentence, resampled to 16 kHz as a satellite microphone would send it. */
final class Speech {

  private Speech() {
  }

  /** espeak-ng's voice, the engine the tests speak answers with. */
  static EspeakTtsService espeak(Vertx vertx) {
    return EspeakTtsService.create(vertx, new EspeakOptions());
  }

  /** {@code text} spoken at 16 kHz mono, scaled by {@code gain}, followed by {@code silenceMs} of silence. */
  static Buffer microphone(Vertx vertx, String text, double gain, int silenceMs) {
    EspeakTtsService tts = espeak(vertx);
    try {
      SpeechAudio audio = tts.synthesize(text, "en", null).await();
      Buffer pcm = Pcm.resample(Pcm.downmix(audio.pcm(), audio.format().channels()), audio.format().rate(), 16000);
      short[] samples = Pcm.samples(pcm);
      for (int i = 0; i < samples.length; i++) {
        samples[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(samples[i] * gain)));
      }
      return Pcm.toBuffer(samples).appendBuffer(Buffer.buffer(new byte[silenceMs * 32]));
    } finally {
      tts.close().await();
    }
  }
}
