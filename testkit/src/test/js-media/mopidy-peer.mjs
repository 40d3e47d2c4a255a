// Mopidy's official JavaScript client against a Mopidy server: builds its API from core.describe, searches the
// library, queues an album, plays, skips, sets the volume, and records the events the server pushes. Prints one JSON
// line.
import Mopidy from 'mopidy';

const [url] = process.argv.slice(2);
const mopidy = new Mopidy({ webSocketUrl: `${url.replace(/^http/, 'ws')}/mopidy/ws`, console: { ...console,
  warn: () => {} } });
await new Promise((resolve) => mopidy.on('state:online', resolve));
const events = [];
mopidy.on('event', (name, data) => events.push({ name, ...data }));

const version = await mopidy.getVersion();
const schemes = await mopidy.getUriSchemes();
const results = await mopidy.library.search({ query: { album: ['kind of blue'] } });
const album = results.flatMap((r) => r.albums || [])[0];
const jazzOnTidal = await mopidy.library.search({ query: { genre: ['jazz'] }, uris: ['tidal:'] });
await mopidy.tracklist.clear();
const added = await mopidy.tracklist.add({ uris: [album.uri] });
await mopidy.playback.play();
await mopidy.playback.next();
const current = await mopidy.playback.getCurrentTrack();
await mopidy.mixer.setVolume([35]);
const volume = await mopidy.mixer.getVolume();
const state = await mopidy.playback.getState();
let badVolume = null;
try {
  await mopidy.mixer.setVolume({ volume: 300 });
} catch (error) {
  badVolume = { name: error.name, code: error.code, type: error.data && error.data.type };
}
let unknown = null;
try {
  await mopidy._send({ method: 'core.playback.fly' });
} catch (error) {
  unknown = { name: error.name, code: error.code, message: error.message };
}
await new Promise((resolve) => setTimeout(resolve, 100));
await mopidy.close();
console.log(JSON.stringify({ version, schemes, album: album.name, album_uri: album.uri,
  tidal_jazz: jazzOnTidal.flatMap((r) => r.tracks).map((t) => t.uri), added: added.map((t) => t.track.name),
  current: current && current.name, current_model: current && current.__model__, volume, state, badVolume, unknown,
  events: events.map((e) => e.name) }));
process.exit(0);
