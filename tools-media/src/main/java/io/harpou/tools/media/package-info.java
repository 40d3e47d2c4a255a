/** The {@code media} tool provider: tools over media files in the hub's data directory ({@code audio_info}). */
package io.harpou.tools.media;
