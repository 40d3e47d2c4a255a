package io.harpou.benchmarks.memory;

import io.harpou.bridge.api.memory.Memory;
import io.harpou.bridge.vertx.db.Database;
import io.harpou.bridge.vertx.memory.Embedder;
import io.harpou.bridge.vertx.memory.MemoryOptions;
import io.harpou.bridge.vertx.memory.MemoryService;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * 10,000 distinct household memories ("Chloe walks the dog on Tuesday evenings") and questions about them, and a
 * database seeded with them once (kept under {@code target/memory-bench/} and reused by later runs).
 */
final class MemoryCorpus {

  static final String[] NAMES = {"Alice", "Bob", "Chloe", "David", "Emma", "Farid", "Grace", "Hugo", "Ines", "Jules",
      "Karim", "Lea", "Marc", "Nina", "Oscar", "Paula", "Quentin", "Rosa", "Samir", "Theo"};
  static final String[] ACTIVITIES = {"waters the ferns", "walks the dog", "takes the bins out",
      "cleans the aquarium", "practises the piano", "calls grandma", "goes swimming", "bakes bread", "fixes the bikes",
      "reads bedtime stories", "does the laundry", "orders groceries online", "mows the lawn",
      "pays the electricity bill", "drives to the football club", "feeds the chickens", "tidies the garage",
      "checks the smoke alarms", "waxes the skis", "repots the orchids", "charges the electric car",
      "backs up the family photos", "descales the kettle", "books the dentist", "empties the dishwasher"};
  static final String[] WHENS = {"every Monday morning", "on Tuesday evenings", "on Wednesday afternoons",
      "every Thursday", "on Friday nights", "on Saturday mornings", "on Sunday evenings", "before breakfast",
      "after school", "once a month", "at the weekend", "during the holidays", "when it rains", "after dinner",
      "at lunchtime", "every other week", "in the spring", "before bed", "on the first of the month",
      "twice a week"};

  private MemoryCorpus() {
  }

  static List<String> facts(int count) {
    List<String> out = new ArrayList<>(count);
    for (String name : NAMES) {
      for (String activity : ACTIVITIES) {
        for (String when : WHENS) {
          if (out.size() < count) {
            out.add(name + " " + activity + " " + when);
          }
        }
      }
    }
    return out;
  }

  /**
   * Distinct questions in other words than the facts, in a fixed pseudo-random order (at most 1,400 exist). Distinct,
   * so that cycling through them never finds a question's vector in the store's cache of recent queries.
   */
  static List<String> questions(int count) {
    Random random = new Random(42);
    java.util.Set<String> out = new java.util.LinkedHashSet<>();
    for (int i = 0; out.size() < Math.min(count, 1400); i++) {
      String name = NAMES[random.nextInt(NAMES.length)];
      String activity = ACTIVITIES[random.nextInt(ACTIVITIES.length)];
      String when = WHENS[random.nextInt(WHENS.length)];
      out.add(switch (i % 3) {
        case 0 -> "who " + activity + " " + when + "?";
        case 1 -> "when does " + name + " " + activity.replaceFirst("^(\\w+?)(e?s) ", "$1 ") + "?";
        default -> "what does " + name + " do " + when + "?";
      });
    }
    return new ArrayList<>(out);
  }

  /** The seeded database file for {@code count} memories, created on first use. */
  static Path seeded(Vertx vertx, int count) throws Exception {
    Path file = Path.of("target/memory-bench/seed-" + count + ".db").toAbsolutePath();
    if (Files.exists(file)) {
      return file;
    }
    Path partial = file.resolveSibling("partial-" + count + ".db");
    Files.createDirectories(file.getParent());
    Files.deleteIfExists(partial);
    List<String> facts = facts(count);
    Embedder model = Embedder.create(vertx, new MemoryOptions());
    long start = System.nanoTime();
    Map<String, float[]> vectors = new HashMap<>();
    List<Future<List<float[]>>> batches = new ArrayList<>();
    for (int from = 0; from < facts.size(); from += 64) {
      batches.add(model.embedAll(facts.subList(from, Math.min(facts.size(), from + 64))));
    }
    for (int b = 0; b < batches.size(); b++) {
      List<float[]> batch = batches.get(b).await();
      for (int i = 0; i < batch.size(); i++) {
        vectors.put(facts.get(b * 64 + i), batch.get(i));
      }
    }
    System.out.printf("embedded %d memories in %.1f s%n", facts.size(), (System.nanoTime() - start) / 1e9);
    Embedder precomputed = new Embedder() {
      @Override
      public String modelId() {
        return model.modelId();
      }

      @Override
      public Future<List<float[]>> embedAll(List<String> texts) {
        List<float[]> out = new ArrayList<>();
        for (String text : texts) {
          out.add(vectors.get(text));
        }
        return out.contains(null) ? model.embedAll(texts) : Future.succeededFuture(out);
      }
    };
    Database db = Database.open(vertx, partial).await();
    // Every fact is distinct; duplicate detection is off so that template siblings are all kept.
    MemoryService store = MemoryService.open(vertx, db, new MemoryOptions().setDuplicateSimilarity(2.0),
        precomputed).await();
    for (String fact : facts) {
      store.remember(Memory.of(fact)).await();
    }
    store.close().await();
    model.close().await();
    db.close().await();
    Files.move(partial, file);
    System.out.printf("seeded %d memories in %.1f s%n", facts.size(), (System.nanoTime() - start) / 1e9);
    return file;
  }
}
