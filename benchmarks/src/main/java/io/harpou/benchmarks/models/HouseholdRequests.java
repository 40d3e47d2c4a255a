package io.harpou.benchmarks.models;

import java.util.List;

/**
 * A mixed table of what a household asks its assistant in a day, English and French: commands and questions about
 * the home, reminders and lists, small talk, knowledge questions, document questions and plans. Each entry is the
 * text and its language. It is what the routing figures are measured on.
 */
final class HouseholdRequests {

  /** The table. */
  static final List<String[]> TABLE = List.of(
      r("turn on the kitchen light", "en"), r("dim the living room lamp to thirty percent", "en"),
      r("switch off all the lights upstairs", "en"), r("set the heating to 20 degrees", "en"),
      r("close the blinds in the bedroom", "en"), r("is the garage door closed?", "en"),
      r("what's the temperature in the nursery", "en"), r("lock the front door", "en"),
      r("play some jazz in the kitchen", "en"), r("pause the music", "en"),
      r("add milk and eggs to the shopping list", "en"), r("remind me at 5 pm to call grandma", "en"),
      r("set a timer for ten minutes", "en"), r("start the vacuum", "en"), r("turn the fan off", "en"),
      r("allume la lumière du salon", "fr"), r("éteins toutes les lampes", "fr"),
      r("ferme les volets de la chambre", "fr"), r("mets le chauffage à 19", "fr"),
      r("la porte du garage est-elle fermée ?", "fr"), r("ajoute du pain à la liste de courses", "fr"),
      r("lance un minuteur de cinq minutes", "fr"), r("baisse le volume de la télé", "fr"),
      r("thanks", "en"), r("good night", "en"), r("merci beaucoup", "fr"), r("ok", "en"),
      r("what is the capital of Peru?", "en"), r("why is the sky blue", "en"),
      r("explain how a heat pump works", "en"), r("who wrote the Count of Monte Cristo?", "en"),
      r("tell me a joke about cats", "en"), r("how long should I boil an egg?", "en"),
      r("pourquoi les feuilles tombent-elles en automne ?", "fr"), r("quelle est la capitale du Pérou ?", "fr"),
      r("écris un petit poème pour l'anniversaire de Léa", "fr"),
      r("what does the boiler manual say about the pressure", "en"),
      r("find the lasagne recipe in my documents", "en"),
      r("according to my notes when is the car insurance due", "en"),
      r("que dit la notice du lave-vaisselle sur le sel", "fr"),
      r("plan dinner for Saturday: find a recipe in my documents, add the missing ingredients to the shopping list,"
          + " and remind me at 5 pm to start cooking", "en"),
      r("plan a rainy Sunday for the kids", "en"), r("organise the week's meals around what is in the fridge", "en"),
      r("planifie le goûter d'anniversaire de samedi", "fr"),
      r("summarize the school newsletter", "en"),
      r("compare the electricity bills of January and February", "en"),
      r("can you suggest a film for tonight", "en"), r("wie spät ist es", "de"), r("qué tiempo hace", "es"),
      r("and tomorrow?", "en"));

  private HouseholdRequests() {
  }

  private static String[] r(String text, String language) {
    return new String[] {text, language};
  }
}
