package io.harpou.bridge.vertx.agent.impl;

import dev.langchain4j.agent.tool.ToolSpecification;
import io.harpou.bridge.api.tool.ToolSpec;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tools' LangChain4j forms, kept from one turn to the next. Each turn lists the tools anew, since MCP servers'
 * tools come and go, but a tool's spec is one object for as long as the tool is registered: a spec seen last turn keeps
 * the form it was converted to then, and an unchanged list is answered with the very list of last turn, so the model
 * pool's token count recognises it at once. Only the current list's forms are kept: a tool that went is forgotten.
 * Safe to share between event loops: the kept lists are immutable and replaced as a whole.
 */
final class OfferedTools {

  private record Converted(List<ToolSpec> specs, List<ToolSpecification> specifications) {
  }

  private volatile Converted last = new Converted(List.of(), List.of());

  /** The LangChain4j forms of {@code specs}, in their order. */
  List<ToolSpecification> of(List<ToolSpec> specs) {
    Converted known = last;
    if (sameObjects(known.specs(), specs)) {
      return known.specifications();
    }
    Map<ToolSpec, ToolSpecification> before = new IdentityHashMap<>();
    for (int i = 0; i < known.specs().size(); i++) {
      before.put(known.specs().get(i), known.specifications().get(i));
    }
    List<ToolSpecification> converted = new ArrayList<>(specs.size());
    for (ToolSpec spec : specs) {
      ToolSpecification kept = before.get(spec);
      converted.add(kept != null ? kept : ToolSchemas.toSpecification(spec));
    }
    Converted now = new Converted(List.copyOf(specs), List.copyOf(converted));
    last = now;
    return now.specifications();
  }

  private static boolean sameObjects(List<ToolSpec> a, List<ToolSpec> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (a.get(i) != b.get(i)) {
        return false;
      }
    }
    return true;
  }
}
