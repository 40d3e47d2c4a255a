// The credential the console sends. The console token is taken once from the address the hub printed
// (http://127.0.0.1:8099/#token=...: a fragment never reaches any server); an API key is typed into the key dialog.
// Both are kept in this origin's storage, which no other page, port or host can read, so every tab of the console
// shares them and asks only once.
import { button } from './dom.js';

const TOKEN = 'harpou.console-token';
const KEY = 'harpou.key';
let prompt = null;

const fromAddress = /(?:^#|&)token=([^&]+)/.exec(location.hash);
if (fromAddress) {
  localStorage.setItem(TOKEN, decodeURIComponent(fromAddress[1]));
  history.replaceState(null, '', location.pathname + location.search);
}

export function credential() {
  return localStorage.getItem(KEY) || localStorage.getItem(TOKEN);
}

function forget(sent) {
  if (localStorage.getItem(KEY) === sent) localStorage.removeItem(KEY);
  if (localStorage.getItem(TOKEN) === sent) localStorage.removeItem(TOKEN);
}

// Shown where the house would be when the dialog is closed without a key, so the page never waits in silence.
function offerToAsk(dialog) {
  const status = document.getElementById('home-status');
  status.replaceChildren('Harpou needs the console link or an API key to show the house. ',
    button('small', 'Enter a key', () => dialog.showModal()));
}

// The hub refused `sent` (null when nothing was sent): forgets it and asks for a key, saying why. Resolves once a
// key is entered; concurrent refusals share one dialog.
export function refused(sent) {
  if (sent) forget(sent);
  const dialog = document.getElementById('key-dialog');
  const error = document.getElementById('key-error');
  if (sent) {
    error.textContent = 'Harpou refused that key: it is wrong or was revoked. Check it and try again.';
    error.hidden = false;
  }
  if (prompt) return prompt;
  const form = document.getElementById('key-form');
  const input = document.getElementById('key-input');
  prompt = new Promise((resolve) => {
    const submitted = () => {
      localStorage.setItem(KEY, input.value.trim());
      input.value = '';
      error.hidden = true;
      dialog.removeEventListener('close', closed);
      prompt = null;
      resolve();
    };
    const closed = () => {
      if (prompt) offerToAsk(dialog);
    };
    form.addEventListener('submit', submitted, { once: true });
    dialog.addEventListener('close', closed);
  });
  dialog.showModal();
  return prompt;
}
