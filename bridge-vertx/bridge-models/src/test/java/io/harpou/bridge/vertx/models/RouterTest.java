package io.harpou.bridge.vertx.models;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The router's default and its configured rules, on the requests a household makes. */
class RouterTest {

  private static Router router(JsonObject routing) {
    List<ModelSpec> models = List.of(
        ModelSpec.fromJson("fast", new JsonObject().put("provider", "ollama")),
        ModelSpec.fromJson("strong", new JsonObject().put("provider", "openai")),
        ModelSpec.fromJson("backup", new JsonObject().put("provider", "ollama")));
    return new Router(RoutingOptions.fromJson(routing), models);
  }

  private static Route route(Router router, String text, String language, String profile, boolean followUp) {
    return router.route(RequestTraits.of(text, language, profile, followUp));
  }

  private static Route route(String text) {
    return route(router(new JsonObject()), text, "en", null, false);
  }

  @Test
  void should_send_household_commands_to_the_fast_model_and_open_questions_plans_and_documents_to_the_strong_one() {
    assertThat(route("dim the living room lamp a little")).extracting(Route::model, Route::reason)
        .containsExactly("fast", "a household command");
    assertThat(route("is the garage door closed?").model()).isEqualTo("fast");
    assertThat(route("éteins la lumière du salon").model()).isEqualTo("fast");
    assertThat(route("what is the capital of Peru?")).extracting(Route::model, Route::reason)
        .containsExactly("strong", "an open question");
    assertThat(route("why is the sky blue")).extracting(Route::model).isEqualTo("strong");
    assertThat(route("plan dinner for Saturday: find a recipe in my documents, add the missing ingredients to"
        + " the shopping list, and remind me at 5 pm to start cooking")).extracting(Route::model, Route::reason)
        .containsExactly("strong", "a plan");
    assertThat(route("what does the boiler manual say about the pressure")).extracting(Route::reason)
        .isEqualTo("a question about documents");
    assertThat(route("thanks")).extracting(Route::model, Route::reason).containsExactly("fast", "a short request");
  }

  @Test
  void should_keep_a_short_follow_up_of_a_strong_turn_on_the_strong_model() {
    Router router = router(new JsonObject());

    assertThat(route(router, "and in winter", "en", null, true)).extracting(Route::model, Route::reason)
        .containsExactly("strong", "a follow-up of a turn the strong model answered");
    assertThat(route(router, "and in winter", "en", null, false).model()).isEqualTo("fast");
  }

  @Test
  void should_send_a_language_the_fast_model_is_not_trusted_with_to_the_strong_one() {
    assertThat(route(router(new JsonObject()), "danke schön", "de-CH", null, false))
        .extracting(Route::model, Route::reason).containsExactly("strong", "language de-ch");
  }

  @Test
  void should_apply_the_first_matching_rule_before_the_default_and_the_profiles_preference() {
    Router router = router(new JsonObject()
        .put("rules", new JsonArray()
            .add(new JsonObject().put("when", new JsonObject().put("contains_any", new JsonArray().add("recette")
                .add("cocktail"))).put("model", "strong").put("reason", "recipes need the strong model"))
            .add(new JsonObject().put("when", new JsonObject().put("household", true).put("profile", "kid"))
                .put("model", "backup")))
        .put("profiles", new JsonObject().put("ada", new JsonObject().put("model", "strong")
            .put("chain", new JsonArray().add("strong").add("backup")))));

    assertThat(route(router, "une recette de crêpes", "fr", null, false)).extracting(Route::model, Route::reason)
        .containsExactly("strong", "recipes need the strong model");
    assertThat(route(router, "turn on the light", "en", "kid", false)).extracting(Route::model, Route::reason)
        .containsExactly("backup", "rule for backup");
    assertThat(route(router, "turn on the light", "en", "ada", false))
        .extracting(Route::model, Route::reason, Route::chain)
        .containsExactly("strong", "profile ada prefers strong", List.of("strong", "backup"));
  }

  @Test
  void should_fall_back_along_the_configured_chain_after_the_chosen_model() {
    Router router = router(new JsonObject().put("chain", new JsonArray().add("backup").add("strong").add("fast")));

    assertThat(route(router, "turn on the light", "en", null, false).chain())
        .containsExactly("fast", "backup", "strong");
  }

  @Test
  void should_send_an_agent_profiles_turns_to_the_model_it_names_keeping_the_configured_chain() {
    Router router = router(new JsonObject().put("profiles", new JsonObject().put("cook", new JsonObject()
        .put("model", "fast").put("chain", new JsonArray().add("fast").add("backup")))));

    assertThat(router.route(RequestTraits.of("what is a roux?", "en", "cook", false), "backup"))
        .extracting(Route::model, Route::reason, Route::chain)
        .containsExactly("backup", "profile cook prefers backup", List.of("backup", "fast"));
    assertThat(router.route(RequestTraits.of("what is a roux?", "en", "cook", false), "gone"))
        .extracting(Route::model, Route::reason)
        .containsExactly("fast", "profile cook prefers fast");
  }
}
