// The agent's settings that apply without a restart: persona, thinking, the language replies default to, and the
// entities hidden from the agent or protected by a confirmation. The model and the satellites' rooms are shown only:
// changing them takes a restart. Only this machine's console may read or save them; one opened with an API key is
// told so.
import { api } from './api.js';
import { el } from './dom.js';

const THINKING = { default: null, on: true, off: false };

// One entity id a line (commas work too), blanks left out.
function entityLines(id) {
  return document.getElementById(id).value.split(/[\s,]+/).filter(Boolean);
}

function show(settings) {
  document.getElementById('persona').value = settings.persona;
  document.getElementById('thinking').value = settings.thinking === null ? 'default' : settings.thinking ? 'on' : 'off';
  document.getElementById('reply-language').value = settings.language || '';
  document.getElementById('hidden-entities').value = settings.hidden_entities.join('\n');
  document.getElementById('protected-entities').value = settings.protected_entities.join('\n');
  const restart = settings.restart_needed;
  document.getElementById('settings-model').textContent = restart.model || 'No model: the local matcher answers';
  const satellites = restart.satellites.map((satellite) =>
    el('li', 'settings-satellite', `${satellite.id}: ${satellite.room || 'no room yet'}`));
  document.getElementById('settings-satellites')
    .replaceChildren(...(satellites.length ? satellites : [el('li', 'muted', 'No satellite')]));
}

export async function loadSettings() {
  const status = document.getElementById('agent-settings-status');
  try {
    show(await api('/api/settings'));
    status.textContent = '';
  } catch (error) {
    status.textContent = error.message;
  }
}

export function initSettings() {
  document.getElementById('agent-settings-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const status = document.getElementById('agent-settings-status');
    status.textContent = 'Saving...';
    try {
      show(await api('/api/settings', {
        method: 'PUT',
        body: {
          persona: document.getElementById('persona').value,
          thinking: THINKING[document.getElementById('thinking').value],
          language: document.getElementById('reply-language').value || null,
          hidden_entities: entityLines('hidden-entities'),
          protected_entities: entityLines('protected-entities'),
        },
      }));
      status.textContent = 'Saved: the next turn uses these settings.';
    } catch (error) {
      status.textContent = `Not saved: ${error.message}`;
    }
  });
  document.querySelector('nav.tabs button[data-view="settings"]').addEventListener('click', loadSettings);
}
