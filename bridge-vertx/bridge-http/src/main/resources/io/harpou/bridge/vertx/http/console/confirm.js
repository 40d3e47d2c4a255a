// A confirmation question as buttons: the question names exactly what will happen; Yes and No answer it, and a
// countdown shows how long it waits. Typing "yes" works as well. Only the latest question can be answered: sending
// anything settles it.
import { button, el } from './dom.js';
import { hubInfo } from './hub.js';

let current = null;

export function settleConfirmation() {
  if (current) current('answered');
}

// Adds Yes and No to `turn`'s answer; `send` sends the chosen word as the next turn.
export function offerConfirmation(turn, send) {
  settleConfirmation();
  const box = el('div', 'confirm');
  box.setAttribute('role', 'group');
  box.setAttribute('aria-label', 'Confirm');
  const countdown = el('span', 'countdown');
  countdown.setAttribute('aria-live', 'off');
  const yes = button('yes', 'Yes', () => send('yes'));
  const no = button('small no', 'No', () => send('no'));
  box.append(yes, no, countdown);
  turn.answer.append(box);
  const expires = Date.now() + hubInfo().confirmation_timeout_ms;
  let timer = null;
  const settle = (how) => {
    clearInterval(timer);
    yes.disabled = true;
    no.disabled = true;
    box.dataset.state = how;
    countdown.textContent = how === 'expired' ? 'Expired: nothing was done.' : '';
    if (current === settle) current = null;
  };
  const tick = () => {
    const left = Math.ceil((expires - Date.now()) / 1000);
    if (left <= 0) settle('expired');
    else countdown.textContent = `Expires in ${left} s`;
  };
  current = settle;
  timer = setInterval(tick, 1000);
  tick();
  yes.focus();
}
