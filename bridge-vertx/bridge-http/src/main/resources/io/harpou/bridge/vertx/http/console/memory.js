// What the house remembers, searchable, each with a Forget button; and the documents Harpou answers from.
import { api } from './api.js';
import { button, el } from './dom.js';
import { toast } from './toast.js';

async function forget(memory) {
  try {
    await api(`/api/memory/${encodeURIComponent(memory.id)}`, { method: 'DELETE' });
    loadMemory();
  } catch (error) {
    toast(`Memory: ${error.message}`);
  }
}

function item(memory) {
  const li = el('li', 'memory');
  li.dataset.memoryId = memory.id;
  const forgetIt = button('small', 'Forget', () => forget(memory));
  forgetIt.setAttribute('aria-label', `Forget: ${memory.text}`);
  li.append(el('span', 'memory-text', memory.text), el('span', 'memory-scope', memory.scope || ''), forgetIt);
  return li;
}

export async function loadMemory() {
  const list = document.getElementById('memory-list');
  const q = document.getElementById('memory-search').value.trim();
  try {
    const { memories } = await api(`/api/memory${q ? `?q=${encodeURIComponent(q)}` : ''}`);
    list.replaceChildren(...memories.map(item));
    document.getElementById('memory-empty').hidden = memories.length > 0;
  } catch (error) {
    document.getElementById('memory-empty').textContent = error.status === 503 ? 'Memory is off.' : error.message;
  }
}

export async function loadDocuments() {
  const list = document.getElementById('document-list');
  try {
    const { documents } = await api('/api/documents');
    list.replaceChildren(...documents.map((doc) => el('li', 'document', `${doc.file}: ${doc.pages} `
      + `page${doc.pages === 1 ? '' : 's'}, indexed ${new Date(doc.indexed_at).toLocaleString()}`)));
    document.getElementById('documents-empty').hidden = documents.length > 0;
  } catch (error) {
    document.getElementById('documents-empty').textContent = error.message;
  }
}

export function initMemory() {
  const form = document.getElementById('memory-form');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    loadMemory();
  });
  document.querySelector('nav.tabs button[data-view="settings"]').addEventListener('click', () => {
    loadMemory();
    loadDocuments();
  });
}
