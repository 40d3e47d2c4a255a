package io.harpou.tools.home.impl;

import io.harpou.tools.home.IntentMatch;

/** Turns one matched sentence of an intent into a call, a question or an answer. */
@FunctionalInterface
interface IntentHandler {

  /** The outcome for {@code entry} matched with {@code slots}, or null when the sentence does not fit this home. */
  IntentMatch handle(MatchContext c, IntentEntry entry, Slots slots);
}
