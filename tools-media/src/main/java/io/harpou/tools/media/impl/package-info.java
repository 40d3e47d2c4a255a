/** Implementations of the media tools; nothing here is public API. */
package io.harpou.tools.media.impl;
