// Talks to the Harpou HTTP API and the live event socket. Its credential is the console token, taken once from the
// address the hub printed (http://127.0.0.1:8099/#token=...: a fragment never reaches any server) and kept in this
// origin's storage, where no other page can read it; or an API key typed when the hub asks (kept in this tab only).
const TOKEN = 'harpou.console-token';
const KEY = 'harpou.key';
let keyPrompt = null;

const fromAddress = /(?:^#|&)token=([^&]+)/.exec(location.hash);
if (fromAddress) {
  localStorage.setItem(TOKEN, decodeURIComponent(fromAddress[1]));
  history.replaceState(null, '', location.pathname + location.search);
}

function key() {
  return sessionStorage.getItem(KEY) || localStorage.getItem(TOKEN);
}

function forgetKey() {
  if (sessionStorage.getItem(KEY)) sessionStorage.removeItem(KEY);
  else localStorage.removeItem(TOKEN);
}

function askForKey() {
  if (keyPrompt) return keyPrompt;
  const dialog = document.getElementById('key-dialog');
  const form = document.getElementById('key-form');
  const input = document.getElementById('key-input');
  keyPrompt = new Promise((resolve) => {
    form.addEventListener('submit', () => {
      sessionStorage.setItem(KEY, input.value.trim());
      input.value = '';
      keyPrompt = null;
      resolve();
    }, { once: true });
  });
  dialog.showModal();
  return keyPrompt;
}

export async function api(path, options = {}) {
  for (;;) {
    const headers = { ...(options.headers || {}) };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (key()) headers.authorization = `Bearer ${key()}`;
    const response = await fetch(path, {
      method: options.method || (options.body === undefined ? 'GET' : 'POST'),
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    if (response.status === 401) {
      forgetKey();
      await askForKey();
      continue;
    }
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      const error = new Error(body.error ? body.error.message : `HTTP ${response.status}`);
      error.status = response.status;
      throw error;
    }
    return body;
  }
}

// The event socket: authenticates with its first message (so the key never appears in a URL), subscribes to
// every kind, and reconnects with a growing delay.
export function events(onEvent, onState) {
  let delay = 500;
  const connect = () => {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const socket = new WebSocket(`${scheme}://${location.host}/api/events`);
    socket.addEventListener('open', () => {
      delay = 500;
      if (key()) socket.send(JSON.stringify({ type: 'auth', token: key() }));
      socket.send(JSON.stringify({ type: 'subscribe', kinds: ['*'] }));
    });
    socket.addEventListener('message', (message) => {
      const data = JSON.parse(message.data);
      if (data.type === 'event') onEvent(data.event);
      else if (data.type === 'subscribed') onState('live');
      else if (data.type === 'dropped') onState('lagging');
    });
    socket.addEventListener('close', () => {
      onState('offline');
      setTimeout(connect, delay);
      delay = Math.min(delay * 2, 10000);
    });
  };
  connect();
}

export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}
