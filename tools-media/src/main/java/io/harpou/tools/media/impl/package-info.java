/** Implementations of the speech engines and media tools; nothing here is public API. */
package io.harpou.tools.media.impl;
