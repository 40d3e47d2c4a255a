// What the console knows of the hub itself: its version and how long a confirmation question waits.
import { api } from './api.js';

let info = { version: null, confirmation_timeout_ms: 30000 };

export async function loadHubInfo() {
  info = await api('/api/console');
  return info;
}

export function hubInfo() {
  return info;
}
