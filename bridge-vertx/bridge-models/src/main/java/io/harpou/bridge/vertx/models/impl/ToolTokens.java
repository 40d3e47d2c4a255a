package io.harpou.bridge.vertx.models.impl;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.internal.JsonSchemaElementUtils;
import dev.langchain4j.model.TokenCountEstimator;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The tokens tool definitions take in one model's prompts. The agent offers the same tools on almost every call (the
 * list is built anew each turn, since an MCP server's tools come and go), and writing each definition out to count it
 * cost more than the rest of a step, so the count of the last list is kept while an equal list is offered.
 * Thread-safe.
 */
public final class ToolTokens {

  private final TokenCountEstimator counter;
  private List<ToolSpecification> counted;
  private int tokens;

  /** Counts with {@code counter}, the model family's tokenizer. */
  public ToolTokens(TokenCountEstimator counter) {
    this.counter = counter;
  }

  /** The tokens of {@code tools} as the providers send them. */
  public synchronized int of(List<ToolSpecification> tools) {
    if (!tools.equals(counted)) {
      int sum = 0;
      for (ToolSpecification tool : tools) {
        sum += counter.estimateTokenCountInText(asSent(tool));
      }
      counted = tools;
      tokens = sum;
    }
    return tokens;
  }

  /**
   * A tool definition as the providers send it: its name, description and JSON Schema (the schema mapped the way
   * LangChain4j's own Ollama and OpenAI clients map it), not the record's {@code toString}, which is half noise.
   */
  static String asSent(ToolSpecification tool) {
    String schema = tool.parameters() == null ? "" : new JsonObject(JsonSchemaElementUtils.toMap(tool.parameters()))
        .encode();
    return tool.name() + " " + (tool.description() == null ? "" : tool.description()) + " " + schema;
  }
}
