package io.harpou.bridge.vertx.memory;

import io.harpou.bridge.api.memory.Memory;
import io.harpou.bridge.api.memory.MemoryQuery;
import io.harpou.bridge.api.memory.RecalledMemory;
import java.util.List;

/**
 * A small labelled set for recall quality: each question is paraphrased (few or no words shared with its fact), or
 * names something rare (a code, a name) that meaning alone blurs. Shared with the stores of other databases, so their
 * figures are measured on the same questions.
 */
public final class LabelledRecallSet {

  public static final List<String> FACTS = List.of(
      "The spare key is under the blue flower pot by the back door",           // 0
      "Alice is allergic to peanuts",                                          // 1
      "The bins are collected on Tuesday mornings",                            // 2
      "The wifi password is Kestrel-7741",                                     // 3
      "Our cat is called Mochi",                                               // 4
      "Bob likes the living room at 21 degrees",                               // 5
      "The boiler was last serviced by Hendricks Heating in March",            // 6
      "Grandma visits every second Sunday",                                    // 7
      "The car is a grey Renault Zoe with plate GX-482-TR",                    // 8
      "The dog must not be fed after 7 pm",                                    // 9
      "The fuse box is in the cellar behind the shelves",                      // 10
      "Alice's piano lesson is on Wednesday at 5",                             // 11
      "The water stopcock is under the kitchen sink",                          // 12
      "Bob is vegetarian",                                                     // 13
      "The garage door code is 3309",                                          // 14
      "The plants on the balcony need watering every two days",                // 15
      "The neighbour Mr Okafor keeps a copy of our house key",                 // 16
      "The recycling goes out on Thursday evening",                            // 17
      "Alice's school is Saint-Exupery primary",                               // 18
      "The internet provider is Freebox and the support number is 3244",       // 19
      "The dishwasher tablets are in the cupboard above the fridge",           // 20
      "Bob's birthday is on the 14th of June",                                 // 21
      "The smoke alarm batteries were replaced in January",                    // 22
      "The printer in the office only works over USB",                         // 23
      "The alarm code is 5521",                                                // 24
      "The front gate code is 1187",                                           // 25
      "Mrs Dubois from next door waters the plants when we travel",            // 26
      "The guest wifi password is Heron-2290",                                 // 27
      "The bike lock combination is 0412",                                     // 28
      "Bob's car is a blue Peugeot 208 with plate FK-913-ZA",                  // 29
      "Grandpa's birthday is on the 2nd of October",                           // 30
      "Alice's dentist is Dr Lemaire",                                         // 31
      "Bob's doctor is Dr Van Houten");                                        // 32

  /** Question, index of the fact that answers it. */
  public static final List<Object[]> QUESTIONS = List.of(
      new Object[] {"where is the extra house key hidden?", 0},
      new Object[] {"what food is dangerous for Alice?", 1},
      new Object[] {"which day do the rubbish trucks come?", 2},
      new Object[] {"what is the network password?", 3},
      new Object[] {"what's the name of our pet?", 4},
      new Object[] {"what temperature does Bob prefer?", 5},
      new Object[] {"who services the heating system?", 6},
      new Object[] {"Hendricks", 6},
      new Object[] {"when does grandmother come over?", 7},
      new Object[] {"what is our licence plate?", 8},
      new Object[] {"GX-482-TR", 8},
      new Object[] {"can I give the dog a snack at night?", 9},
      new Object[] {"where are the circuit breakers?", 10},
      new Object[] {"when does Alice have music class?", 11},
      new Object[] {"how do I turn off the water supply?", 12},
      new Object[] {"does Bob eat meat?", 13},
      new Object[] {"what do I type to open the garage?", 14},
      new Object[] {"how often should the balcony plants get water?", 15},
      new Object[] {"Okafor", 16},
      new Object[] {"who else has a key to the house?", 16},
      new Object[] {"when do we put out the recycling?", 17},
      new Object[] {"which school does Alice go to?", 18},
      new Object[] {"Freebox support", 19},
      new Object[] {"who do I call when the internet is down?", 19},
      new Object[] {"where do we keep the dishwasher soap?", 20},
      new Object[] {"when is Bob's birthday?", 21},
      new Object[] {"when were the smoke detectors last checked?", 22},
      new Object[] {"why can't I print over wifi?", 23},
      new Object[] {"Kestrel", 3},
      new Object[] {"3309", 14},
      new Object[] {"5521", 24},
      new Object[] {"what is 1187 for?", 25},
      new Object[] {"Dubois", 26},
      new Object[] {"Heron-2290", 27},
      new Object[] {"0412", 28},
      new Object[] {"FK-913-ZA", 29},
      new Object[] {"Lemaire", 31},
      new Object[] {"Van Houten", 32},
      new Object[] {"Kestrel-7741", 3},
      new Object[] {"when is grandpa's birthday?", 30},
      new Object[] {"who looks after the plants while we are away?", 26});

  /** Precision at 1 and at 3, from 0 to 1. */
  public record Score(double at1, double at3) {
  }

  private LabelledRecallSet() {
  }

  /** Remembers every fact in {@code store}, asks every question, and scores the answers; misses at 1 are printed. */
  public static Score evaluate(MemoryService store, String label) {
    List<String> ids = FACTS.stream().map(f -> store.remember(Memory.of(f)).await().id()).toList();
    int at1 = 0;
    int at3 = 0;
    for (Object[] q : QUESTIONS) {
      List<RecalledMemory> found = store.recall(MemoryQuery.of((String) q[0], 3)).await();
      List<String> top = found.stream().map(r -> r.memory().id()).toList();
      String expected = ids.get((Integer) q[1]);
      if (!top.isEmpty() && top.get(0).equals(expected)) {
        at1++;
      } else {
        System.out.println(label + " missed at 1: " + q[0] + " -> " + found.stream().map(r -> r.memory().text())
            .toList());
      }
      if (top.contains(expected)) {
        at3++;
      }
    }
    return new Score((double) at1 / QUESTIONS.size(), (double) at3 / QUESTIONS.size());
  }
}
