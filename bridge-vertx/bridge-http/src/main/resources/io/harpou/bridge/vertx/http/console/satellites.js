// Satellites, each with a small face that shows its session state. An error face stays long enough to be seen; an
// offline satellite looks switched off, not asleep.
import { api } from './api.js';
import { el } from './dom.js';

const FACES = { idle: 'idle', listening: 'listening', processing: 'thinking', responding: 'speaking',
  error: 'error', disconnected: 'offline' };
const WORDS = { idle: 'ready', listening: 'listening', thinking: 'thinking', speaking: 'speaking',
  error: 'something failed', offline: 'offline' };
// How long an error face stays before the state that followed it is shown.
const ERROR_SHOWN_MS = 4000;
const held = new Map();

function face() {
  const node = el('div', 'face');
  node.setAttribute('aria-hidden', 'true');
  node.append(el('span', 'eye left'), el('span', 'eye right'), el('span', 'mouth'));
  return node;
}

function show(item, mood) {
  item.dataset.face = mood;
  item.querySelector('.sat-state').textContent = WORDS[mood];
}

function render(satellite) {
  const list = document.getElementById('sat-list');
  let item = list.querySelector(`li[data-satellite="${CSS.escape(satellite.id)}"]`);
  if (!item) {
    item = el('li', 'satellite');
    item.dataset.satellite = satellite.id;
    item.append(face(), el('span', 'sat-name', satellite.id), el('span', 'sat-room'), el('span', 'sat-state'));
    list.append(item);
  }
  if (satellite.room) item.querySelector('.sat-room').textContent = satellite.room;
  document.getElementById('sat-empty').hidden = true;
  const mood = FACES[satellite.state] || 'idle';
  const until = held.get(satellite.id);
  if (mood === 'error') {
    show(item, mood);
    held.set(satellite.id, { until: Date.now() + ERROR_SHOWN_MS, next: null });
    setTimeout(() => {
      const hold = held.get(satellite.id);
      held.delete(satellite.id);
      if (hold && hold.next) show(item, hold.next);
    }, ERROR_SHOWN_MS);
  } else if (until && until.until > Date.now()) {
    until.next = mood;
  } else {
    show(item, mood);
  }
}

export async function loadSatellites() {
  try {
    (await api('/api/satellites')).satellites.forEach(render);
  } catch (error) {
    document.getElementById('sat-empty').textContent = error.message;
  }
}

export function satelliteEvent(event) {
  if (event.kind === 'satellite_state') {
    render({ id: event.satellite, room: event.room, state: event.state });
  }
}
