package io.harpou.bridge.vertx.models;

import io.vertx.core.json.JsonObject;
import java.util.regex.Pattern;

/**
 * One named model as configured: which provider serves it (with the provider's own keys), how large its context
 * window is, what it costs, whether it can call tools, whether it runs locally, and its monthly budget.
 *
 * <pre>{@code
 * "fast":   {"provider": "ollama", "url": "http://gpu-box:11434", "model": "qwen3:4b", "context_window": 8192},
 * "strong": {"provider": "azure-openai", "endpoint": "https://home.openai.azure.com", "deployment": "gpt-4o",
 *            "api_key": "...", "context_window": 128000, "cost_per_1k_input": 0.0025,
 *            "cost_per_1k_output": 0.01, "monthly_budget": 18}
 * }</pre>
 *
 * @param name the name routing rules and the ledger use: 1 to 64 of {@code a-z 0-9 _ . -}
 * @param provider the {@link io.harpou.bridge.vertx.model.ModelProvider} id
 * @param section the provider's section (with these keys too; providers ignore keys they do not know)
 * @param contextWindow the model's context window in tokens (prompt and answer together)
 * @param maxOutputTokens the share of the window kept for the answer
 * @param costPer1kInput the price of 1,000 prompt tokens (0 for a local model)
 * @param costPer1kOutput the price of 1,000 generated tokens (0 for a local model)
 * @param tools whether the model can call tools; a model that cannot gets none offered
 * @param local whether the model runs on the household's own hardware; turns go to local models when a cloud
 *     model's budget is spent
 * @param monthlyBudget what the model may cost in a calendar month (UTC) before it is refused; 0 for no limit
 * @param vision whether the model reads images: camera questions go to vision models only
 */
public record ModelSpec(String name, String provider, JsonObject section, int contextWindow, int maxOutputTokens,
                        double costPer1kInput, double costPer1kOutput, boolean tools, boolean local,
                        double monthlyBudget, boolean vision) {

  /**
   * The window assumed when none is configured, and asked of Ollama: a household's tool definitions alone take a few
   * thousand tokens, more than Ollama's own default window holds, and every current tool-calling model takes this.
   */
  public static final int DEFAULT_CONTEXT_WINDOW = 16_384;
  private static final Pattern NAME = Pattern.compile("[a-z0-9_.-]{1,64}");

  /** Checks the fields. */
  public ModelSpec {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("a model name is 1 to 64 of a-z, 0-9, '_', '.', '-': got " + name);
    }
    if (provider == null || provider.isBlank()) {
      throw new IllegalArgumentException("model " + name + " needs a provider (ollama, openai, azure-openai, ...)");
    }
    section = section == null ? new JsonObject() : section.copy();
    if (contextWindow < 512 || contextWindow > 10_000_000) {
      throw new IllegalArgumentException("model " + name + ": context_window must be 512..10000000");
    }
    if (maxOutputTokens < 1 || maxOutputTokens >= contextWindow) {
      throw new IllegalArgumentException("model " + name + ": max_output_tokens must be below context_window");
    }
    if (costPer1kInput < 0 || costPer1kOutput < 0 || monthlyBudget < 0) {
      throw new IllegalArgumentException("model " + name + ": costs and budget must not be negative");
    }
  }

  /**
   * Reads one model's section. Ollama models are local unless {@code local} says otherwise, others are not; an
   * Ollama model without {@code num_ctx} is asked for its whole {@code context_window}.
   *
   * @throws IllegalArgumentException when a value is missing or out of range
   */
  public static ModelSpec fromJson(String name, JsonObject json) {
    String provider = json.getString("provider");
    int window = json.getInteger("context_window", DEFAULT_CONTEXT_WINDOW);
    JsonObject section = json.copy();
    if ("ollama".equals(provider) && !section.containsKey("num_ctx")) {
      section.put("num_ctx", window);
    }
    return new ModelSpec(name, provider, section, window,
        json.getInteger("max_output_tokens", Math.min(1_024, window / 4)),
        json.getDouble("cost_per_1k_input", 0.0), json.getDouble("cost_per_1k_output", 0.0),
        json.getBoolean("tools", true), json.getBoolean("local", "ollama".equals(provider)),
        json.getDouble("monthly_budget", 0.0), json.getBoolean("vision", false));
  }

  /** The same model, marked as one that reads images. */
  public ModelSpec withVision() {
    return new ModelSpec(name, provider, section, contextWindow, maxOutputTokens, costPer1kInput, costPer1kOutput,
        tools, local, monthlyBudget, true);
  }

  /** What {@code input} and {@code output} tokens cost on this model. */
  public double cost(int input, int output) {
    return input / 1000.0 * costPer1kInput + output / 1000.0 * costPer1kOutput;
  }

  /** Whether the model has a monthly budget. */
  public boolean hasBudget() {
    return monthlyBudget > 0;
  }

  /** The tokens a prompt (messages and tool definitions) may take: the window less the answer's share. */
  public int promptBudget() {
    return contextWindow - maxOutputTokens;
  }
}
