package io.harpou.bridge.vertx.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.api.memory.Memory;
import io.harpou.bridge.api.memory.MemoryQuery;
import io.harpou.bridge.api.memory.MemoryScope;
import io.harpou.bridge.api.memory.RecalledMemory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MemoryServiceTest extends MemoryTestSupport {

  private static Memory person(String text, String who) {
    return new Memory(null, text, MemoryScope.PERSON, who, "conv-1", who, null, null);
  }

  private static List<String> texts(List<RecalledMemory> recalled) {
    return recalled.stream().map(r -> r.memory().text()).toList();
  }

  @Test
  void should_recall_a_fact_by_a_paraphrased_question_with_its_source() {
    MemoryService store = open(new MemoryOptions());
    store.remember(person("Alice is allergic to peanuts", "alice")).await();
    store.remember(Memory.of("The bins go out on Tuesday evening")).await();
    store.remember(Memory.of("The spare key is under the blue flower pot")).await();

    List<RecalledMemory> found = store.recall(MemoryQuery.of("where can I find the extra house key?", 3)).await();

    assertThat(found).isNotEmpty();
    assertThat(found.get(0).memory().text()).isEqualTo("The spare key is under the blue flower pot");
    Memory allergy = store.recall(MemoryQuery.of("which food must Alice avoid", 1)).await().get(0).memory();
    assertThat(allergy.text()).contains("peanuts");
    assertThat(allergy.source()).isEqualTo("alice");
    assertThat(allergy.conversationId()).isEqualTo("conv-1");
    assertThat(allergy.createdAt()).isBeforeOrEqualTo(Instant.now());
  }

  @Test
  void should_keep_memories_across_a_restart() {
    MemoryService store = open(new MemoryOptions());
    Memory stored = store.remember(Memory.of("The wifi password is hunter2-blue")).await();
    closeAll();

    MemoryService reopened = open(new MemoryOptions());

    List<RecalledMemory> found = reopened.recall(MemoryQuery.of("what's the wireless network password", 1)).await();
    assertThat(found).extracting(r -> r.memory().id()).containsExactly(stored.id());
    assertThat(reopened.list(null, 10).await()).extracting(Memory::text).containsExactly(
        "The wifi password is hunter2-blue");
  }

  @Test
  void should_return_the_known_memory_for_a_near_duplicate() {
    MemoryService store = open(new MemoryOptions());
    Memory first = store.remember(Memory.of("The dog's vet is Dr. Martin on Elm Street")).await();

    Memory again = store.remember(Memory.of("the dog's vet is Dr Martin on Elm Street.")).await();
    Memory reworded = store.remember(Memory.of("The dog's veterinarian is Dr. Martin on Elm Street")).await();

    assertThat(again.id()).isEqualTo(first.id());
    assertThat(reworded.id()).isEqualTo(first.id());
    assertThat(store.list(null, 10).await()).hasSize(1);
  }

  @Test
  void should_replace_an_older_fact_that_a_new_one_contradicts() {
    MemoryService store = open(new MemoryOptions());
    store.remember(Memory.of("The cat is called Mochi")).await();
    store.remember(Memory.of("The cat likes sleeping on the radiator")).await();

    store.remember(Memory.of("Our cat is called Pixel")).await();

    assertThat(store.list(null, 10).await()).extracting(Memory::text)
        .containsExactlyInAnyOrder("Our cat is called Pixel", "The cat likes sleeping on the radiator");
    assertThat(texts(store.recall(MemoryQuery.of("what is the cat's name", 1)).await()))
        .containsExactly("Our cat is called Pixel");
  }

  @Test
  void should_keep_two_descriptions_of_one_subject_but_replace_a_preferred_setting() {
    MemoryService store = open(new MemoryOptions());
    store.remember(Memory.of("The cat is grey")).await();
    store.remember(Memory.of("Alice likes tea")).await();
    store.remember(person("Likes the living room at 21 degrees", "alice")).await();
    store.remember(person("Likes the bedroom at 18 degrees", "alice")).await();

    store.remember(Memory.of("The cat is old")).await();
    store.remember(Memory.of("Alice likes coffee")).await();
    store.remember(person("Likes the living room at 19 degrees", "alice")).await();

    assertThat(store.list(null, 10).await()).extracting(Memory::text).containsExactlyInAnyOrder(
        "The cat is grey", "The cat is old", "Alice likes tea", "Alice likes coffee",
        "Likes the bedroom at 18 degrees", "Likes the living room at 19 degrees");
  }

  @Test
  void should_not_take_facts_of_other_people_for_contradictions() {
    MemoryService store = open(new MemoryOptions());
    store.remember(person("Her favourite colour is green", "alice")).await();

    store.remember(person("Her favourite colour is red", "bob")).await();

    assertThat(store.list(MemoryScope.PERSON, 10).await()).hasSize(2);
  }

  @Test
  void should_forget_by_id_by_request_and_by_scope() {
    MemoryService store = open(new MemoryOptions());
    Memory code = store.remember(Memory.of("The garage code is 4711")).await();
    store.remember(Memory.of("The plumber's number is 555 0199")).await();
    store.remember(new Memory(null, "The bedroom blinds stick halfway", MemoryScope.ROOM, "bedroom", null, null,
        null, null)).await();
    store.remember(new Memory(null, "The bedroom radiator is noisy", MemoryScope.ROOM, "bedroom", null, null,
        null, null)).await();
    store.remember(new Memory(null, "The kitchen tap drips", MemoryScope.ROOM, "kitchen", null, null,
        null, null)).await();

    assertThat(store.forget(code.id()).await()).isTrue();
    assertThat(store.forget(code.id()).await()).isFalse();
    List<Memory> gone = store.forgetMatching("the plumber's phone number", null, null).await();
    assertThat(gone).extracting(Memory::text).containsExactly("The plumber's number is 555 0199");
    assertThat(store.forgetMatching("the colour of the front door", null, null).await()).isEmpty();
    assertThat(store.forgetScope(MemoryScope.ROOM, "bedroom").await()).isEqualTo(2);

    assertThat(store.list(null, 10).await()).extracting(Memory::text).containsExactly("The kitchen tap drips");
    assertThat(store.recall(MemoryQuery.of("garage code", 5)).await()).extracting(r -> r.memory().text())
        .doesNotContain("The garage code is 4711");
  }

  @Test
  void should_forget_expired_memories_on_sweep_and_hide_them_before() {
    MemoryService store = open(new MemoryOptions().setTtl(MemoryScope.ROOM, Duration.ofDays(30)));
    store.remember(new Memory(null, "Guests sleep in the office this week", MemoryScope.HOUSEHOLD, null, null, null,
        null, Instant.now().minusSeconds(1))).await();
    Memory room = store.remember(new Memory(null, "The office window is broken", MemoryScope.ROOM, "office", null,
        null, null, null)).await();
    store.remember(Memory.of("The boiler was serviced in March")).await();

    assertThat(room.expiresAt()).isAfter(Instant.now().plus(Duration.ofDays(29)));
    assertThat(store.list(null, 10).await()).extracting(Memory::text)
        .doesNotContain("Guests sleep in the office this week");
    assertThat(store.sweepExpired().await()).isEqualTo(1);
    assertThat(store.sweepExpired().await()).isZero();
    assertThat(store.list(null, 10).await()).hasSize(2);
  }

  @Test
  void should_limit_recall_to_the_asked_scopes_and_subject() {
    MemoryService store = open(new MemoryOptions());
    store.remember(person("Likes the living room at 21 degrees", "alice")).await();
    store.remember(person("Likes the living room at 19 degrees", "bob")).await();
    store.remember(Memory.of("The living room thermostat is on the north wall")).await();

    List<RecalledMemory> bobs = store.recall(new MemoryQuery("living room temperature",
        Set.of(MemoryScope.PERSON), "bob", 5)).await();

    assertThat(texts(bobs)).containsExactly("Likes the living room at 19 degrees");
  }

  @Test
  void should_find_a_persons_memory_by_meaning_behind_many_closer_household_ones() {
    MemoryService store = open(new MemoryOptions().setDuplicateSimilarity(2.0));
    for (String day : List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")) {
      for (String time : List.of("morning", "afternoon", "evening", "night", "lunchtime", "teatime")) {
        store.remember(Memory.of("The lounge gets warm on " + day + " " + time)).await();
      }
    }
    store.remember(person("Likes the living room at 19 degrees", "bob")).await();

    List<RecalledMemory> bobs = store.recall(new MemoryQuery("how warm should the lounge be",
        Set.of(MemoryScope.PERSON), "bob", 3)).await();

    assertThat(texts(bobs)).containsExactly("Likes the living room at 19 degrees");
  }
}
