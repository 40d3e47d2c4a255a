// The live event socket: authenticates with its first message (so the credential never appears in a URL),
// subscribes to every kind, and reconnects with a growing delay. onState hears 'connecting', 'live' and 'offline';
// onLive(again) runs each time the subscription is confirmed, `again` true after a reconnection or lost events, when
// whatever the page shows may have changed while it was away.
import { credential } from './key.js';

export function events(onEvent, onState, onLive) {
  let delay = 500;
  let connectedBefore = false;
  const connect = () => {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const socket = new WebSocket(`${scheme}://${location.host}/api/events`);
    socket.addEventListener('open', () => {
      delay = 500;
      if (credential()) socket.send(JSON.stringify({ type: 'auth', token: credential() }));
      socket.send(JSON.stringify({ type: 'subscribe', kinds: ['*'] }));
    });
    socket.addEventListener('message', (message) => {
      const data = JSON.parse(message.data);
      if (data.type === 'event') {
        onEvent(data.event);
      } else if (data.type === 'subscribed') {
        onState('live');
        onLive(connectedBefore);
        connectedBefore = true;
      } else if (data.type === 'dropped') {
        // Events were lost while this page lagged behind: what it shows may be stale.
        onLive(true);
      }
    });
    socket.addEventListener('close', () => {
      onState('offline');
      setTimeout(connect, delay);
      delay = Math.min(delay * 2, 10000);
    });
  };
  onState('connecting');
  connect();
}
