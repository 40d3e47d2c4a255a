// API keys for other devices and programs: created here (shown once), listed, and revoked. Only this machine's
// console may manage them; a console opened with an API key is told so.
import { api } from './api.js';
import { button, el } from './dom.js';
import { toast } from './toast.js';

async function revoke(name) {
  try {
    await api(`/api/keys/${encodeURIComponent(name)}`, { method: 'DELETE' });
    loadKeys();
  } catch (error) {
    toast(`Keys: ${error.message}`);
  }
}

export async function loadKeys() {
  const list = document.getElementById('key-list');
  const note = document.getElementById('keys-note');
  try {
    const { keys } = await api('/api/keys');
    list.replaceChildren(...keys.map((key) => {
      const li = el('li', 'api-key');
      li.dataset.keyName = key.name;
      const revokeIt = button('small', 'Revoke', () => revoke(key.name));
      revokeIt.setAttribute('aria-label', `Revoke ${key.name}`);
      li.append(el('span', 'key-name', key.name),
        el('span', 'key-created', new Date(key.created_at).toLocaleDateString()), revokeIt);
      return li;
    }));
    note.textContent = keys.length ? '' : 'No API key: programs on this machine need none.';
  } catch (error) {
    note.textContent = error.message;
  }
}

export function initKeys() {
  const form = document.getElementById('keys-form');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const input = document.getElementById('key-name');
    const shown = document.getElementById('new-key');
    try {
      const { name, key } = await api('/api/keys', { body: { name: input.value.trim() } });
      input.value = '';
      shown.replaceChildren(`Key for ${name}, shown only now: `, el('code', null, key));
      shown.hidden = false;
      loadKeys();
    } catch (error) {
      toast(`Keys: ${error.message}`);
    }
  });
  document.querySelector('nav.tabs button[data-view="settings"]').addEventListener('click', loadKeys);
}
