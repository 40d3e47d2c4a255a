// Satellites, each with a small face that shows its session state.
import { api, el } from './api.js';

const FACES = { idle: 'idle', listening: 'listening', processing: 'thinking', responding: 'speaking',
  error: 'error', disconnected: 'asleep' };

function face() {
  const node = el('div', 'face');
  node.append(el('span', 'eye left'), el('span', 'eye right'), el('span', 'mouth'));
  return node;
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
  const mood = FACES[satellite.state] || 'idle';
  item.dataset.face = mood;
  item.querySelector('.sat-room').textContent = satellite.room || '';
  item.querySelector('.sat-state').textContent = mood;
  document.getElementById('sat-empty').hidden = true;
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
