package io.harpou.testkit.comfyui.impl;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * Validates an API-format workflow as ComfyUI's {@code validate_prompt} does, answering its error shapes: a node class
 * that does not exist ({@code invalid_prompt}), no output node ({@code prompt_no_outputs}), and per-node errors
 * ({@code prompt_outputs_failed_validation}: a required input missing, a link to no node, a value not in the list, a
 * number out of range).
 */
final class PromptCheck {

  private PromptCheck() {
  }

  /** The 400 body for {@code prompt}, or null when ComfyUI would queue it. */
  static JsonObject problem(Object value, List<String> checkpoints) {
    if (!(value instanceof JsonObject prompt) || prompt.isEmpty()) {
      return error("no_prompt", "No prompt provided", "No prompt provided").put("node_errors", new JsonArray());
    }
    boolean hasOutput = false;
    for (String id : prompt.fieldNames()) {
      if (!(prompt.getValue(id) instanceof JsonObject node) || !(node.getValue("class_type") instanceof String type)) {
        return error("invalid_prompt", "Cannot execute because a node is missing the class_type property.",
            "Node ID '#" + id + "'").put("node_errors", new JsonArray());
      }
      NodeTypes.NodeType known = NodeTypes.TYPES.get(type);
      if (known == null) {
        return error("invalid_prompt", "Cannot execute because node " + type + " does not exist.",
            "Node ID '#" + id + "'").put("node_errors", new JsonArray());
      }
      hasOutput |= known.output();
    }
    if (!hasOutput) {
      return error("prompt_no_outputs", "Prompt has no outputs", "").put("node_errors", new JsonArray());
    }
    JsonObject nodeErrors = new JsonObject();
    for (String id : prompt.fieldNames()) {
      JsonObject node = prompt.getJsonObject(id);
      String type = node.getString("class_type");
      JsonObject inputs = node.getValue("inputs") instanceof JsonObject i ? i : new JsonObject();
      JsonArray errors = new JsonArray();
      for (Map.Entry<String, String> input : NodeTypes.TYPES.get(type).required().entrySet()) {
        String problem = inputProblem(prompt, inputs.getValue(input.getKey()), input.getKey(), input.getValue(),
            checkpoints);
        if (problem != null) {
          errors.add(new JsonObject().put("type", problem.substring(0, problem.indexOf('|')))
              .put("message", message(problem)).put("details", problem.substring(problem.indexOf('|') + 1))
              .put("extra_info", new JsonObject().put("input_name", input.getKey())));
        }
      }
      if (!errors.isEmpty()) {
        nodeErrors.put(id, new JsonObject().put("errors", errors).put("dependent_outputs", new JsonArray())
            .put("class_type", type));
      }
    }
    return nodeErrors.isEmpty() ? null : error("prompt_outputs_failed_validation", "Prompt outputs failed validation",
        "").put("node_errors", nodeErrors);
  }

  private static String inputProblem(JsonObject prompt, Object value, String name, String kind,
                                     List<String> checkpoints) {
    if (value == null) {
      return "required_input_missing|" + name;
    }
    if (value instanceof JsonArray link) {
      Object from = link.getValue(0);
      return from instanceof String id && prompt.containsKey(id) && link.getValue(1) instanceof Number ? null
          : "exception_during_inner_validation|" + name + ": link to no node " + from;
    }
    return switch (kind) {
      case "COMBO" -> "ckpt_name".equals(name) && !checkpoints.contains(String.valueOf(value))
          ? "value_not_in_list|" + name + ": '" + value + "' not in " + checkpoints : null;
      case "INT" -> !(value instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())
          ? "invalid_input_type|" + name + ", " + value + " is not an INT"
          : outOfRange(name, n.longValue());
      case "FLOAT" -> value instanceof Number ? null : "invalid_input_type|" + name + ", " + value + " is not a FLOAT";
      case "STRING" -> value instanceof String ? null : "invalid_input_type|" + name + " is not a STRING";
      default -> "exception_during_inner_validation|" + name + " must be a link to a " + kind;
    };
  }

  private static String outOfRange(String name, long value) {
    long[] range = switch (name) {
      case "width", "height" -> new long[] {16, 16384};
      case "batch_size" -> new long[] {1, 4096};
      case "steps" -> new long[] {1, 10000};
      case "seed" -> new long[] {0, Long.MAX_VALUE};
      default -> new long[] {Long.MIN_VALUE, Long.MAX_VALUE};
    };
    if (value < range[0]) {
      return "value_smaller_than_min|" + name + ": " + value + " smaller than min of " + range[0];
    }
    return value > range[1] ? "value_bigger_than_max|" + name + ": " + value + " bigger than max of " + range[1] : null;
  }

  private static String message(String problem) {
    return switch (problem.substring(0, problem.indexOf('|'))) {
      case "required_input_missing" -> "Required input is missing";
      case "value_not_in_list" -> "Value not in list";
      case "value_smaller_than_min" -> "Value smaller than min";
      case "value_bigger_than_max" -> "Value bigger than max";
      case "invalid_input_type" -> "Failed to convert an input value to a INT value";
      default -> "Exception when validating inner node";
    };
  }

  private static JsonObject error(String type, String message, String details) {
    return new JsonObject().put("error", new JsonObject().put("type", type).put("message", message)
        .put("details", details).put("extra_info", new JsonObject()));
  }
}
