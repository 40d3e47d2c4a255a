// Speaking to Harpou from the browser: the microphone button streams the person's speech (16 kHz mono PCM, from an
// AudioWorklet) over its own WebSocket into the voice pipeline a satellite uses, as a satellite of the room this
// console stands in (chosen in Settings); the spoken answer is played, and the turn appears in the chat as a
// satellite's does. The button (or the silence) ends the speech.
import { hubInfo } from './hub.js';
import { credential } from './key.js';

const ROOM = 'harpou.room';
let current = null;

function status(text, state) {
  const mic = document.getElementById('mic');
  mic.dataset.state = state;
  mic.setAttribute('aria-pressed', String(state === 'listening'));
  document.getElementById('voice-status').textContent = text;
}

// Plays the answer's PCM chunks one after the other, at the rate audio-start announced.
class Player {
  constructor(context) {
    this.context = context;
    this.rate = 22050;
    this.at = 0;
    this.playedMs = 0;
  }

  play(bytes) {
    const samples = new Int16Array(bytes);
    const buffer = this.context.createBuffer(1, samples.length, this.rate);
    const channel = buffer.getChannelData(0);
    samples.forEach((sample, i) => { channel[i] = sample / 0x8000; });
    const source = this.context.createBufferSource();
    source.buffer = buffer;
    source.connect(this.context.destination);
    this.at = Math.max(this.at, this.context.currentTime);
    source.start(this.at);
    this.at += buffer.duration;
    this.playedMs += buffer.duration * 1000;
  }

  // Resolves once everything queued has been heard.
  drained() {
    const left = Math.max(0, this.at - this.context.currentTime);
    return new Promise((resolve) => { setTimeout(resolve, left * 1000); });
  }
}

async function stopMicrophone(session) {
  if (session.stream) session.stream.getTracks().forEach((track) => track.stop());
  if (session.node) session.node.disconnect();
  session.stream = null;
  session.node = null;
}

function finish(session, text) {
  stopMicrophone(session);
  // A page may hold only a few audio contexts: each request's is released once its answer has been heard.
  session.player.context.close();
  if (session.socket.readyState <= WebSocket.OPEN) session.socket.close();
  if (current === session) current = null;
  status(text, 'idle');
}

function onMessage(session, message) {
  if (typeof message.data !== 'string') {
    session.player.play(message.data);
    document.getElementById('mic').dataset.playedMs = String(Math.round(session.player.playedMs));
    return;
  }
  const { type, data } = JSON.parse(message.data);
  if (type === 'transcribe') status('Listening...', 'listening');
  else if (type === 'voice-stopped') {
    stopMicrophone(session);
    status('Thinking...', 'thinking');
  } else if (type === 'transcript') {
    document.getElementById('mic').dataset.transcript = data.text;
    status(`Heard: ${data.text}`, 'thinking');
  } else if (type === 'audio-start') {
    session.player.rate = data.rate;
    status('Speaking...', 'speaking');
  } else if (type === 'audio-stop') {
    session.player.drained().then(() => {
      if (session.socket.readyState === WebSocket.OPEN) session.socket.send(JSON.stringify({ type: 'played' }));
      finish(session, '');
    });
  } else if (type === 'error') {
    finish(session, `Voice: ${data.text}`);
  }
}

async function start() {
  const context = new AudioContext({ sampleRate: 16000 });
  const session = { player: new Player(context), stream: null, node: null };
  current = session;
  status('Opening the microphone...', 'starting');
  try {
    // The microphone as it is, as a satellite sends it: the browser's gain control clips speech into noise.
    session.stream = await navigator.mediaDevices.getUserMedia({ audio: { channelCount: 1,
      autoGainControl: false, noiseSuppression: false, echoCancellation: false } });
    await context.audioWorklet.addModule('mic-worklet.js');
  } catch (error) {
    current = null;
    stopMicrophone(session);
    context.close();
    status(`Voice: the microphone is not available (${error.message})`, 'idle');
    return;
  }
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const socket = new WebSocket(`${scheme}://${location.host}/api/voice`);
  socket.binaryType = 'arraybuffer';
  session.socket = socket;
  socket.addEventListener('open', () => {
    if (credential()) socket.send(JSON.stringify({ type: 'auth', token: credential() }));
    socket.send(JSON.stringify({ type: 'start', room: localStorage.getItem(ROOM) || undefined }));
    const source = context.createMediaStreamSource(session.stream);
    session.node = new AudioWorkletNode(context, 'microphone-pcm');
    session.node.port.onmessage = (frame) => {
      if (socket.readyState === WebSocket.OPEN && session.node) socket.send(frame.data);
    };
    source.connect(session.node);
  });
  socket.addEventListener('message', (message) => onMessage(session, message));
  socket.addEventListener('close', () => {
    if (current === session) finish(session, 'Voice: Harpou closed the connection.');
  });
}

// Offers the house's rooms as the room this console stands in.
export function voiceRooms(home) {
  const select = document.getElementById('console-room');
  const chosen = localStorage.getItem(ROOM) || '';
  const none = document.createElement('option');
  none.value = '';
  none.textContent = 'No room';
  select.replaceChildren(none, ...home.areas.map((area) => {
    const option = document.createElement('option');
    option.value = area.area_id;
    option.textContent = area.name;
    return option;
  }));
  select.value = chosen;
}

// The microphone is offered only when Harpou runs voice.
export function showMicrophone() {
  document.getElementById('mic').hidden = !hubInfo().voice;
}

export function initVoice() {
  document.getElementById('mic').addEventListener('click', () => {
    if (!current) {
      start();
    } else if (current.socket && current.socket.readyState === WebSocket.OPEN && current.node) {
      // Released: the speech ends here, whatever the silence says.
      current.socket.send(JSON.stringify({ type: 'stop' }));
      stopMicrophone(current);
    }
  });
  document.getElementById('console-room').addEventListener('change', (event) => {
    if (event.target.value) localStorage.setItem(ROOM, event.target.value);
    else localStorage.removeItem(ROOM);
  });
}
