/**
 * A Mopidy simulator: its JSON-RPC 2.0 API over {@code POST /mopidy/rpc} and the WebSocket {@code /mopidy/ws}
 * ({@code core.describe}, library search and lookup, tracklist, playback, mixer, and the events Mopidy pushes), over
 * a small library of local and TIDAL tracks, judged by the official {@code mopidy} JavaScript client.
 */
package io.harpou.testkit.mopidy;
