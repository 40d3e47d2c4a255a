package io.harpou.bridge.vertx.agent.impl;

import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.home.HomeGateway;
import io.harpou.bridge.api.memory.RecalledMemory;
import io.harpou.bridge.vertx.settings.HouseholdSettings;
import io.harpou.bridge.vertx.settings.LiveSettings;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the system message: the household's persona, date and time, the reply language, the speaker's room, the relevant home, memories, and the chat
 * client's own instructions last.
 */
public final class PromptBuilder {

  private static final Map<String, String> LANGUAGE_NAMES = Map.of("en", "English", "fr", "French");
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.ENGLISH);

  private final LiveSettings settings;
  private final String persona;

  /** Creates a builder that reads the persona and the reply language from the household's settings at each turn. */
  public PromptBuilder(LiveSettings settings) {
    this(settings, null);
  }

  private PromptBuilder(LiveSettings settings, String persona) {
    this.settings = settings;
    this.persona = persona;
  }

  /** A builder speaking with {@code persona} (an agent profile's) instead of the household's. */
  public PromptBuilder withPersona(String persona) {
    return new PromptBuilder(settings, persona);
  }

  /**
   * The system message for one turn; {@code home} may be null, {@code memories} empty, {@code clientInstructions}
   * null when the client sent none; the home's entities, most relevant first, take at most
   * {@code entityBudgetTokens}.
   */
  public String system(Utterance utterance, HomeGateway home, List<RecalledMemory> memories,
                       String clientInstructions, int entityBudgetTokens) {
    ZonedDateTime now = ZonedDateTime.now(ZoneId.systemDefault());
    HouseholdSettings household = settings.current();
    StringBuilder out = new StringBuilder(persona != null ? persona : household.persona()).append("\n\n");
    out.append("Now: ").append(WHEN.format(now)).append(" (").append(now.getZone()).append(").\n");
    if (household.language() == null) {
      out.append("Reply in the language of the user (").append(utterance.language()).append(").\n");
    } else {
      out.append("Reply in ").append(LANGUAGE_NAMES.get(household.language()))
          .append(" unless the user clearly writes in another language.\n");
    }
    if (utterance.room() != null) {
      out.append("The speaker is in: ").append(utterance.room()).append(".\n");
    }
    if (utterance.user() != null) {
      out.append("The speaker is: ").append(utterance.user()).append(".\n");
    }
    if (home != null) {
      // What the household hid is not offered to the model; the policy refuses to act on it anyway.
      List<HomeSelector.Selected> selected =
          HomeSelector.select(home, utterance.text(), utterance.room(), entityBudgetTokens).stream()
              .filter(s -> !household.hiddenEntities().contains(s.state().entityId())).toList();
      if (!selected.isEmpty()) {
        out.append("\nRelevant devices (entity_id \"name\" (area) = state):\n");
        selected.forEach(s -> out.append("- ").append(s.line()).append('\n'));
      }
    }
    if (!memories.isEmpty()) {
      out.append("\nThings you remember:\n");
      memories.forEach(m -> out.append("- ").append(m.memory().text()).append('\n'));
    }
    if (clientInstructions != null) {
      out.append("\nThe chat application adds these instructions:\n").append(clientInstructions).append('\n');
    }
    return out.toString();
  }
}
