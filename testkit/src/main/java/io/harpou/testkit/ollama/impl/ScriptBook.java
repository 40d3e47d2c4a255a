package io.harpou.testkit.ollama.impl;

import io.harpou.testkit.ollama.OllamaMatch;
import io.harpou.testkit.ollama.OllamaReply;
import io.harpou.testkit.ollama.OllamaRule;
import io.harpou.testkit.ollama.OllamaScript;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The live script: queued replies, rules with their remaining uses, and the fallback. Thread-safe. */
final class ScriptBook {

  private static final int ECHO_LIMIT = 200;

  private static final class LiveRule {
    final OllamaRule rule;
    final Pattern pattern;
    int remaining;

    LiveRule(OllamaRule rule) {
      this.rule = rule;
      this.pattern = rule.when().userRegex() == null ? null : Pattern.compile(rule.when().userRegex());
      this.remaining = rule.times();
    }
  }

  private final Deque<OllamaReply> queue = new ArrayDeque<>();
  private final List<LiveRule> rules = new ArrayList<>();
  private OllamaReply fallback;

  synchronized void enqueue(OllamaReply reply) {
    queue.addLast(reply);
  }

  synchronized void addRule(OllamaRule rule) {
    rules.add(new LiveRule(rule));
  }

  synchronized void fallback(OllamaReply reply) {
    fallback = reply;
  }

  synchronized void load(OllamaScript script) {
    script.queue().forEach(queue::addLast);
    script.rules().forEach(rule -> rules.add(new LiveRule(rule)));
    if (script.fallback() != null) {
      fallback = script.fallback();
    }
  }

  synchronized int pending() {
    int pending = queue.size();
    for (LiveRule live : rules) {
      if (!live.rule.repeats()) {
        pending += live.remaining;
      }
    }
    return pending;
  }

  /** The reply for a chat request: the next queued one, else the first matching rule, else the fallback. */
  synchronized OllamaReply next(Conversation conversation) {
    if (!queue.isEmpty()) {
      return queue.removeFirst();
    }
    Iterator<LiveRule> it = rules.iterator();
    while (it.hasNext()) {
      LiveRule live = it.next();
      if (matches(live, conversation)) {
        if (!live.rule.repeats() && --live.remaining == 0) {
          it.remove();
        }
        return live.rule.reply();
      }
    }
    return fallback != null ? fallback : echo(conversation);
  }

  private static boolean matches(LiveRule live, Conversation conversation) {
    OllamaMatch when = live.rule.when();
    if (when.isAny()) {
      return true;
    }
    if (when.wantsToolResult() != conversation.endsWithToolResult()) {
      return false;
    }
    String user = conversation.lastUserMessage();
    if (when.userContains() != null && (user == null || !containsIgnoringCase(user, when.userContains()))) {
      return false;
    }
    if (live.pattern != null && (user == null || !live.pattern.matcher(user).find())) {
      return false;
    }
    if (!when.wantsToolResult()) {
      return true;
    }
    return conversation.trailingToolResults().stream().anyMatch(result ->
        (when.toolName() == null || when.toolName().equals(result.toolName()))
            && (when.toolResultContains() == null
                || containsIgnoringCase(result.content(), when.toolResultContains())));
  }

  private static boolean containsIgnoringCase(String text, String part) {
    return text.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT));
  }

  private static OllamaReply echo(Conversation conversation) {
    if (conversation.endsWithToolResult()) {
      return OllamaReply.text("Done: " + clip(conversation.trailingToolResults().get(0).content()));
    }
    String user = conversation.lastUserMessage();
    if (user == null || user.isBlank()) {
      return OllamaReply.text("Hello from the scripted Ollama.");
    }
    return OllamaReply.text("You said: " + clip(user));
  }

  private static String clip(String text) {
    String stripped = text.strip();
    return stripped.length() > ECHO_LIMIT ? stripped.substring(0, ECHO_LIMIT) + "..." : stripped;
  }
}
