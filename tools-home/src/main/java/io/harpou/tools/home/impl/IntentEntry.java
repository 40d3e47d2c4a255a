package io.harpou.tools.home.impl;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;

/**
 * One intent of a language file: what it does, on which domains, and its compiled sentences.
 *
 * @param intent the intent's name, for example {@code turn_on}
 * @param domains the domains it acts on
 * @param sentences the compiled sentences
 * @param args fixed tool arguments added to every match (for example a colour temperature for "warm")
 * @param defaultName the target phrase used when a sentence has no {@code name} slot, or null
 * @param areaMeansDevices a lone area means the intent's devices in that area
 * @param exactName the target must be an exact name or alias (for sentences that are only a name)
 * @param askUnknown a target nobody knows is answered ("I don't know a device called ..."); false where a sentence
 *     is too loose for that (a scene's name may be anything) and the utterance is passed on instead
 */
record IntentEntry(String intent, Set<String> domains, List<Sentence> sentences, JsonObject args, String defaultName,
                   boolean areaMeansDevices, boolean exactName, boolean askUnknown) {

  /** The same entry acting on other domains. */
  IntentEntry withDomains(Set<String> other) {
    return new IntentEntry(intent, other, sentences, args, defaultName, areaMeansDevices, exactName, askUnknown);
  }
}
