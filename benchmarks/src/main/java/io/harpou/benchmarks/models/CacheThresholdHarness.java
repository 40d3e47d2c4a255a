package io.harpou.benchmarks.models;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures the response cache's semantic threshold with all-MiniLM-L6-v2 (the model Ollama serves as
 * {@code all-minilm}) on a labelled set: pairs of questions that are the same question reworded (a hit is right)
 * and near misses that differ in what they ask (a hit would serve a wrong answer). Prints each pair's similarity and,
 * for each candidate threshold, the paraphrases found and the near misses wrongly served:
 * {@code java -cp benchmarks.jar io.harpou.benchmarks.models.CacheThresholdHarness}.
 */
public final class CacheThresholdHarness {

  private static final String[][] PARAPHRASES = {
      {"What is the capital of Peru?", "what's the capital of peru"},
      {"What is the capital of Peru?", "Which city is the capital of Peru?"},
      {"How tall is Mount Everest?", "What is the height of Mount Everest?"},
      {"Who wrote Les Misérables?", "Who is the author of Les Misérables?"},
      {"How long should I boil an egg?", "How many minutes do I boil an egg for?"},
      {"Why is the sky blue?", "Why does the sky look blue?"},
      {"How many days are there in a leap year?", "How many days does a leap year have?"},
      {"What does the boiler manual say about the pressure?", "What does the boiler manual say about pressure?"},
      {"Explain how a heat pump works", "How does a heat pump work?"},
      {"What is the boiling point of water?", "At what temperature does water boil?"},
      {"Quelle est la capitale du Pérou ?", "Quelle ville est la capitale du Pérou ?"},
      {"Pourquoi le ciel est-il bleu ?", "Pourquoi le ciel est bleu ?"},
      {"How far is the Moon from the Earth?", "What is the distance between the Earth and the Moon?"},
      {"Who painted the Mona Lisa?", "Who is the painter of the Mona Lisa?"},
      {"How do I descale the kettle according to the manual?", "According to the manual, how do I descale the"
          + " kettle?"}};
  private static final String[][] NEAR_MISSES = {
      {"What is the capital of Peru?", "What is the capital of Bolivia?"},
      {"How tall is Mount Everest?", "How tall is Mont Blanc?"},
      {"Who wrote Les Misérables?", "Who wrote The Count of Monte Cristo?"},
      {"How long should I boil an egg?", "How long should I boil pasta?"},
      {"Why is the sky blue?", "Why is the sea salty?"},
      {"How many days are there in a leap year?", "How many days are there in February?"},
      {"What does the boiler manual say about the pressure?", "What does the boiler manual say about the"
          + " temperature?"},
      {"Explain how a heat pump works", "Explain how a fridge works"},
      {"What is the boiling point of water?", "What is the freezing point of water?"},
      {"Quelle est la capitale du Pérou ?", "Quelle est la capitale du Chili ?"},
      {"How far is the Moon from the Earth?", "How far is the Sun from the Earth?"},
      {"Who painted the Mona Lisa?", "Who painted the Sistine Chapel ceiling?"},
      {"How do I descale the kettle according to the manual?", "How do I descale the coffee machine according to"
          + " the manual?"},
      {"What is the population of France?", "What is the population of Germany?"},
      {"When was the Eiffel Tower built?", "When was the Statue of Liberty built?"}};

  private CacheThresholdHarness() {
  }

  /** Prints the similarities and the outcome of each threshold. */
  public static void main(String[] args) {
    EmbeddingModel model = new AllMiniLmL6V2EmbeddingModel();
    List<Double> same = similarities(model, PARAPHRASES, "paraphrase");
    List<Double> different = similarities(model, NEAR_MISSES, "near miss ");
    for (double threshold = 0.70; threshold <= 0.975; threshold += 0.01) {
      double t = threshold;
      long found = same.stream().filter(s -> s >= t).count();
      long wrong = different.stream().filter(s -> s >= t).count();
      System.out.printf("threshold %.2f: %2d of %d paraphrases served, %2d of %d near misses wrongly served%n", t,
          found, same.size(), wrong, different.size());
    }
  }

  private static List<Double> similarities(EmbeddingModel model, String[][] pairs, String label) {
    List<Double> out = new ArrayList<>();
    for (String[] pair : pairs) {
      float[] a = model.embed(TextSegment.from(pair[0])).content().vector();
      float[] b = model.embed(TextSegment.from(pair[1])).content().vector();
      double similarity = cosine(a, b);
      out.add(similarity);
      System.out.printf("%s %.3f  %s | %s%n", label, similarity, pair[0], pair[1]);
    }
    return out;
  }

  private static double cosine(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    return dot / Math.sqrt(na * nb);
  }
}
