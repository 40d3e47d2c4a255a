// A banner of the server's open alerts: what a monitor saw, and the question its repair waits on.
import { el } from './dom.js';

const open = new Map();

function render() {
  const banner = document.getElementById('alerts');
  banner.replaceChildren(...[...open.values()].map((alert) => {
    const item = el('p', `alert ${alert.severity}`, alert.summary);
    if (alert.state === 'asking') {
      item.append(el('strong', 'alert-question', ` ${alert.detail} Answer in the chat: "yes to the repair".`));
    } else if (alert.detail) {
      item.append(el('span', 'alert-detail', ` ${alert.detail}`));
    }
    return item;
  }));
  banner.hidden = open.size === 0;
}

export function alertEvent(event) {
  if (event.kind !== 'alert') return;
  if (event.state === 'cleared') open.delete(event.alert_id);
  else open.set(event.alert_id, event);
  render();
}
