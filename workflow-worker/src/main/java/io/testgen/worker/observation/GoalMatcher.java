package io.testgen.worker.observation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Scores words (a link's text, a button's label, a form's purpose) against the user's instruction,
 * so the crawl explores what the user asked about first and can tell when the goal was reached. The
 * instruction's words become groups of synonyms; a score is the share of groups matched.
 */
final class GoalMatcher {
  private static final Set<String> STOP_WORDS =
      Set.of(
          "the", "and", "for", "with", "that", "this", "then", "into", "from", "your", "you", "our",
          "their", "some", "any", "all", "page", "site", "app", "test", "tests", "check", "make",
          "sure", "can", "able", "should", "user", "users", "want", "try", "use", "using", "via",
          "new", "one", "item", "there", "its", "it's", "flow", "verify");
  private static final List<Set<String>> SYNONYMS =
      List.of(
          Set.of("create", "add", "new", "post", "compose", "write"),
          Set.of("signup", "sign", "register", "registration", "join", "account"),
          Set.of("login", "log", "signin", "authenticate"),
          Set.of("search", "find", "look", "query", "filter"),
          Set.of("contact", "message", "send", "support", "feedback", "reach"),
          Set.of("delete", "remove", "destroy"),
          Set.of("edit", "update", "change", "modify", "rename"),
          Set.of("buy", "purchase", "checkout", "order", "cart", "pay"),
          Set.of("task", "tasks", "todo", "todos", "item", "items"),
          Set.of("view", "open", "show", "detail", "details", "see", "browse"));

  private final String instruction;
  private final List<Set<String>> groups = new ArrayList<>();

  GoalMatcher(String instruction) {
    this.instruction = instruction == null ? "" : instruction.trim();
    Set<String> seen = new LinkedHashSet<>();
    for (String token : tokens(this.instruction)) {
      if (token.length() < 3 || STOP_WORDS.contains(token) || !seen.add(token)) continue;
      Set<String> group = new LinkedHashSet<>();
      group.add(stem(token));
      for (Set<String> synonyms : SYNONYMS) {
        if (synonyms.contains(token)) synonyms.forEach(s -> group.add(stem(s)));
      }
      if (groups.stream().noneMatch(g -> g.contains(stem(token)))) groups.add(group);
    }
  }

  boolean active() {
    return !groups.isEmpty();
  }

  String instruction() {
    return instruction;
  }

  /** Share of the instruction's word groups found in {@code words}, 0..1. */
  double score(String words) {
    if (groups.isEmpty() || words == null) return 0;
    Set<String> stems = new LinkedHashSet<>();
    for (String t : tokens(words)) stems.add(stem(t));
    int matched = 0;
    for (Set<String> group : groups) {
      if (group.stream().anyMatch(stems::contains)) matched++;
    }
    return (double) matched / groups.size();
  }

  /** Whether an action with these words fulfils the instruction. */
  boolean fulfils(String words) {
    if (groups.isEmpty()) return false;
    int needed = Math.max(1, (int) Math.ceil(groups.size() * 0.6));
    return Math.round(score(words) * groups.size()) >= needed;
  }

  private static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    for (String t : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (!t.isEmpty()) out.add(t);
    }
    return out;
  }

  private static String stem(String token) {
    if (token.length() > 4 && token.endsWith("ies")) return token.substring(0, token.length() - 3);
    if (token.length() > 3 && token.endsWith("s")) return token.substring(0, token.length() - 1);
    return token;
  }
}
