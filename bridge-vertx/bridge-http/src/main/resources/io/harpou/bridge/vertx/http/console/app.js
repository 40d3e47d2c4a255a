// Starts the console: loads each panel, then keeps them live from the event socket, and loads them again whenever
// the socket comes back after Harpou or the link was away.
import { alertEvent } from './alerts.js';
import { events } from './events.js';
import { askInChat, chatEvent, conversationId, initChat, loadChat, say } from './chat.js';
import { initControls } from './controls.js';
import { homeEvent, homeStale, loadHome } from './home.js';
import { loadHubInfo } from './hub.js';
import { healthEvent, linkState, loadHealth } from './link.js';
import { initLayout } from './layout.js';
import { initCharts } from './charts.js';
import { initKeys } from './keys.js';
import { initMemory, loadDocuments, loadMemory } from './memory.js';
import { loadSatellites, satelliteEvent } from './satellites.js';
import { loadTasks, taskEvent } from './tasks.js';
import { auditEvent, initAudit, loadAudit } from './audit.js';
import { initRules } from './rules.js';
import { initSettings } from './settings.js';
import { initVoice, showMicrophone } from './voice.js';

function onEvent(event) {
  alertEvent(event);
  chatEvent(event);
  homeEvent(event);
  healthEvent(event);
  satelliteEvent(event);
  taskEvent(event, say);
  auditEvent(event);
  if (event.kind === 'component_state' && event.component === 'home_assistant') loadHome();
}

function onState(state) {
  linkState(state);
  homeStale(state === 'offline');
}

function reload() {
  return Promise.all([loadHome(), loadHealth(), loadSatellites(), loadTasks(), loadAudit()]);
}

initLayout();
initChat();
initControls(conversationId, askInChat);
initAudit();
initMemory();
initKeys();
initSettings();
initCharts();
initVoice();
initRules();
await Promise.all([loadHome(), loadHubInfo()]);
showMicrophone();
await loadHealth();
events(onEvent, onState, (again) => {
  if (again) reload();
});
await Promise.all([loadChat(), loadSatellites(), loadTasks(), loadAudit(), loadMemory(), loadDocuments()]);
