// Runs in the audio thread: turns the microphone's samples (the AudioContext runs at 16 kHz, so the browser has
// already resampled them) into signed 16-bit little-endian PCM, posted in frames of 4096 bytes (128 ms).
const FRAME_SAMPLES = 2048;

class MicrophonePcm extends AudioWorkletProcessor {
  constructor() {
    super();
    this.frame = new Int16Array(FRAME_SAMPLES);
    this.filled = 0;
  }

  process(inputs) {
    const channel = inputs[0] && inputs[0][0];
    if (!channel) return true;
    for (let i = 0; i < channel.length; i += 1) {
      const sample = Math.max(-1, Math.min(1, channel[i]));
      this.frame[this.filled] = sample < 0 ? sample * 0x8000 : sample * 0x7fff;
      this.filled += 1;
      if (this.filled === FRAME_SAMPLES) {
        this.port.postMessage(this.frame.buffer.slice(0));
        this.filled = 0;
      }
    }
    return true;
  }
}

registerProcessor('microphone-pcm', MicrophonePcm);
