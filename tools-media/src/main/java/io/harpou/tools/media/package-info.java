/**
 * The {@code media} tool provider: {@code audio_info} over media files in the hub's data directory,
 * {@code generate_image} through ComfyUI, and {@code play_music}, {@code music_control} and {@code now_playing}
 * through Mopidy.
 */
package io.harpou.tools.media;
