package io.harpou.bridge.vertx.profiles.impl;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import io.harpou.bridge.api.agent.AgentProfile;
import io.harpou.bridge.api.tool.Risk;
import io.harpou.bridge.api.tool.ToolSpec;
import io.harpou.bridge.vertx.tools.ToolRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Asks the configured model for a profile from a household's description, then trusts nothing it says: the answer
 * must hold a JSON object that makes a valid profile; each tool it grants must exist here and patterns are expanded to
 * the tools they match; PROTECTED and DANGEROUS tools are removed unless the request allows PROTECTED ones explicitly
 * (DANGEROUS never). What was removed is reported, so the household reviews the profile before saving it.
 */
final class ProfileGenerator {

  /** The generated profile and what was changed in the model's answer. */
  record Generated(AgentProfile profile, List<String> warnings) {
  }

  /** The model's answer could not be made into a profile; the message says why. */
  static final class UnusableAnswer extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UnusableAnswer(String message) {
      super(message);
    }
  }

  private static final long TIMEOUT_MS = 60_000;
  private static final int EXCERPT = 200;

  private final Vertx vertx;
  private final ChatModel model;
  private final ToolRegistry tools;

  ProfileGenerator(Vertx vertx, ChatModel model, ToolRegistry tools) {
    this.vertx = vertx;
    this.model = model;
    this.tools = tools;
  }

  /** A profile for {@code description}, not stored; fails with {@link UnusableAnswer} when the answer is unusable. */
  Future<Generated> generate(String description, boolean allowProtected) {
    String system = instructions(allowProtected);
    return vertx.executeBlocking(() -> model.chat(SystemMessage.from(system), UserMessage.from(description))
            .aiMessage().text(), false)
        .timeout(TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .map(answer -> review(answer, allowProtected));
  }

  private String instructions(boolean allowProtected) {
    StringBuilder out = new StringBuilder("You design voice assistant agents for a household's home assistant."
        + " From the household's description, write one agent profile. Answer with one JSON object and nothing"
        + " else, with these keys: \"id\" (lower-case letters, digits and '-'), \"name\", \"persona\" (the agent's"
        + " system prompt, in the second person), \"language\" (a language tag such as en or fr), \"tools\" (a list"
        + " of tool names from the list below, only those the agent needs), \"memory_scope\" (household, person or"
        + " room), \"rooms\" (a list of room names, possibly empty).\nTools:\n");
    for (ToolSpec spec : tools.specs()) {
      if (grantable(spec.risk(), allowProtected)) {
        out.append("- ").append(spec.name()).append(": ").append(spec.description()).append('\n');
      }
    }
    return out.toString();
  }

  private Generated review(String answer, boolean allowProtected) {
    JsonObject json = firstObject(answer);
    List<String> warnings = new ArrayList<>();
    Set<String> granted = new LinkedHashSet<>();
    Object asked = json.getValue("tools");
    if (asked != null && !(asked instanceof JsonArray)) {
      warnings.add("the model's tools were not a list; none granted");
    }
    for (Object entry : asked instanceof JsonArray list ? list : new JsonArray()) {
      if (!(entry instanceof String pattern)) {
        warnings.add("ignored a tool entry that was not a name");
        continue;
      }
      List<ToolSpec> matching = tools.specs().stream().filter(s -> AgentProfile.matches(pattern, s.name()))
          .toList();
      if (matching.isEmpty()) {
        warnings.add("removed '" + excerpt(pattern) + "': no such tool");
      }
      for (ToolSpec spec : matching) {
        if (grantable(spec.risk(), allowProtected)) {
          granted.add(spec.name());
        } else {
          warnings.add("removed '" + spec.name() + "': it is " + spec.risk().jsonName()
              + (spec.risk() == Risk.PROTECTED ? " (set allow_protected to grant it)" : " (never granted here)"));
        }
      }
    }
    json.put("tools", new JsonArray(new ArrayList<>(granted)));
    json.put("id", slug(json.getValue("id") instanceof String id ? id : json.getString("name", "agent")));
    json.remove("updated_at");
    json.remove("model");
    try {
      return new Generated(AgentProfile.fromJson(json), warnings);
    } catch (IllegalArgumentException e) {
      throw new UnusableAnswer("the model's profile is not valid: " + e.getMessage());
    }
  }

  private static boolean grantable(Risk risk, boolean allowProtected) {
    return risk == Risk.READ || risk == Risk.ACT || (risk == Risk.PROTECTED && allowProtected);
  }

  /** The first JSON object in the answer (models often wrap it in prose or a code fence). */
  private static JsonObject firstObject(String answer) {
    int start = answer == null ? -1 : answer.indexOf('{');
    int end = answer == null ? -1 : answer.lastIndexOf('}');
    if (start < 0 || end <= start) {
      throw new UnusableAnswer("the model did not answer with a profile: \"" + excerpt(answer) + "\"");
    }
    try {
      return new JsonObject(answer.substring(start, end + 1));
    } catch (DecodeException e) {
      throw new UnusableAnswer("the model's answer is not valid JSON: \"" + excerpt(answer) + "\"");
    }
  }

  private static String slug(String text) {
    String ascii = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]+", "-").replaceAll("(^-+|-+$)", "");
    ascii = ascii.length() > 64 ? ascii.substring(0, 64) : ascii;
    return ascii.isEmpty() ? "agent" : ascii;
  }

  private static String excerpt(String text) {
    String value = String.valueOf(text).replaceAll("\\s+", " ").strip();
    return value.length() > EXCERPT ? value.substring(0, EXCERPT) + "..." : value;
  }
}
