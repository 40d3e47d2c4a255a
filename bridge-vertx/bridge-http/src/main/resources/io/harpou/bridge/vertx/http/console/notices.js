// When a timer or task ends: a chime, a browser notification (once the person allowed them), and a message in the
// conversation that asked for it.
let audio = null;

// Plays two short tones; browsers allow sound only after the person has used the page, which they have by then.
function chime() {
  try {
    audio = audio || new AudioContext();
    [880, 660].forEach((frequency, index) => {
      const tone = audio.createOscillator();
      const volume = audio.createGain();
      tone.frequency.value = frequency;
      volume.gain.value = 0.15;
      tone.connect(volume).connect(audio.destination);
      const start = audio.currentTime + index * 0.25;
      tone.start(start);
      tone.stop(start + 0.2);
    });
  } catch (error) {
    // No sound device: the notice and the message still say it.
  }
}

function notify(title, body) {
  if (!('Notification' in window)) return;
  if (Notification.permission === 'granted') {
    new Notification(title, { body, icon: 'icon-192.png' });
  }
}

// Asks, once, to show notifications: called from a person's own action, as browsers require.
export function askForNotifications() {
  if ('Notification' in window && Notification.permission === 'default') Notification.requestPermission();
}

// Tells of a finished task; `say(text, conversationId)` adds Harpou's message to that conversation when shown.
export function taskEnded(task, say) {
  const timer = Boolean(task.due_at);
  const text = task.status === 'done'
    ? (timer ? `${task.title}: time is up.` : `${task.title}: done.${task.result ? ` ${task.result}` : ''}`)
    : `${task.title}: ${task.status}.`;
  if (task.status === 'done') chime();
  notify('Harpou', text);
  if (task.origin && task.origin.conversation_id) say(text, task.origin.conversation_id);
}
