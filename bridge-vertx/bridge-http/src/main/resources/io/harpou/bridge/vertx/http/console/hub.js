// What the console knows of the hub itself: its version, how long a confirmation question waits and whether voice
// runs (the microphone needs it).
import { api } from './api.js';

let info = { version: null, confirmation_timeout_ms: 30000, voice: false };

export async function loadHubInfo() {
  info = await api('/api/console');
  return info;
}

export function hubInfo() {
  return info;
}
