// Starts the console: loads each panel, then keeps them live from the event socket.
import { alertEvent } from './alerts.js';
import { events } from './api.js';
import { chatEvent, initChat } from './chat.js';
import { homeEvent, loadHome } from './home.js';
import { loadSatellites, satelliteEvent } from './satellites.js';
import { loadAudit, loadTasks, taskEvent } from './tasks.js';

let auditTimer = null;

function onEvent(event) {
  alertEvent(event);
  chatEvent(event);
  homeEvent(event);
  satelliteEvent(event);
  taskEvent(event);
  if (event.kind === 'tool_finished') {
    clearTimeout(auditTimer);
    auditTimer = setTimeout(loadAudit, 300);
  }
  if (event.kind === 'component_state' && event.component === 'home_assistant') loadHome();
}

function onState(state) {
  const link = document.getElementById('link');
  link.dataset.state = state;
  link.textContent = state;
}

initChat();
document.getElementById('audit-refresh').addEventListener('click', loadAudit);
await loadHome();
events(onEvent, onState);
await Promise.all([loadSatellites(), loadTasks(), loadAudit()]);
