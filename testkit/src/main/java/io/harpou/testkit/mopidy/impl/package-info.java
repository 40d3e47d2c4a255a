/** The Mopidy simulator's server, library and player. */
package io.harpou.testkit.mopidy.impl;
