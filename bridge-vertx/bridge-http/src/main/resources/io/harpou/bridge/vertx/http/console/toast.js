// Short notices at the corner of the page, read out by screen readers.
import { el } from './dom.js';

export function toast(text) {
  const note = el('div', 'toast', text);
  document.getElementById('toasts').append(note);
  setTimeout(() => note.remove(), 6000);
}
