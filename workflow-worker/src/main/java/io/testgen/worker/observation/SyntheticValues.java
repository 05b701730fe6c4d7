package io.testgen.worker.observation;

import java.util.List;
import java.util.Locale;

/**
 * Valid-looking values for a form field, inferred from its type, name, label and constraints
 * (pattern, min/max, length). Deterministic, so repeated runs submit the same data.
 */
final class SyntheticValues {
  private SyntheticValues() {}

  /** A value for a text-like field; null for fields filled otherwise (select, checkbox, radio). */
  static String validValue(PageSnapshot.RawField f, String searchHint) {
    String type = f.type() == null ? "text" : f.type().toLowerCase(Locale.ROOT);
    String words =
        ((f.name() == null ? "" : f.name())
                + " "
                + (f.label() == null ? "" : f.label())
                + " "
                + (f.hintText() == null ? "" : f.hintText()))
            .toLowerCase(Locale.ROOT);
    String value =
        switch (type) {
          case "email" -> "testgen.user@example.com";
          case "password" -> "Testgen-Passw0rd!";
          case "tel" -> "+15555550123";
          case "url" -> "https://example.com";
          case "number", "range" -> number(f);
          case "date" -> "2030-01-15";
          case "datetime-local" -> "2030-01-15T10:30";
          case "time" -> "10:30";
          case "month" -> "2030-01";
          case "week" -> "2030-W03";
          case "color" -> "#3366cc";
          case "search" -> searchHint;
          case "select", "checkbox", "radio", "file" -> null;
          default -> byName(words, searchHint);
        };
    if (value == null) return null;
    if (f.pattern() != null && !f.pattern().isBlank() && !matches(f.pattern(), value))
      value = forPattern(f.pattern(), value);
    Integer min = f.minLength();
    if (min != null && value.length() < min) value = value + "x".repeat(min - value.length());
    Integer max = f.maxLength();
    if (max != null && max > 0 && value.length() > max) value = value.substring(0, max);
    return value;
  }

  private static String byName(String words, String searchHint) {
    java.util.Set<String> t = new java.util.HashSet<>(List.of(words.split("[^a-z0-9]+")));
    if (words.contains("mail")) return "testgen.user@example.com";
    if (t.contains("message")
        || t.contains("comment")
        || t.contains("comments")
        || t.contains("description")
        || t.contains("body")
        || t.contains("note")
        || t.contains("notes")) return "This is a message written by TestGen.";
    if (t.contains("phone") || t.contains("tel") || t.contains("mobile")) return "+15555550123";
    if (t.contains("zip") || t.contains("postal") || t.contains("postcode")) return "10115";
    if (t.contains("search") || t.contains("q") || t.contains("query") || t.contains("keyword"))
      return searchHint;
    if (words.contains("first")) return "Ada";
    if (words.contains("last") || words.contains("surname")) return "Lovelace";
    if (words.contains("user") || words.contains("login")) return "testgen_user";
    if (words.contains("name")) return "Ada Lovelace";
    if (t.contains("city")) return "Berlin";
    if (t.contains("country")) return "Germany";
    if (t.contains("address") || t.contains("street")) return "1 Main Street";
    if (t.contains("age") || t.contains("quantity") || t.contains("amount") || t.contains("qty"))
      return "3";
    if (t.contains("url") || t.contains("website")) return "https://example.com";
    if (t.contains("title") || t.contains("subject")) return "TestGen sample title";
    return "TestGen sample";
  }

  private static String number(PageSnapshot.RawField f) {
    try {
      double min = f.min() == null || f.min().isBlank() ? 1 : Double.parseDouble(f.min());
      double max = f.max() == null || f.max().isBlank() ? min + 10 : Double.parseDouble(f.max());
      long v = (long) Math.ceil(Math.max(min, Math.min(max, min + 1)));
      if (v > max) v = (long) Math.floor(max);
      return Long.toString(v);
    } catch (NumberFormatException e) {
      return "1";
    }
  }

  private static boolean matches(String pattern, String value) {
    try {
      return value.matches(pattern);
    } catch (RuntimeException e) {
      return true;
    }
  }

  /** A small search for a string the pattern accepts, from common shapes. */
  private static String forPattern(String pattern, String fallback) {
    for (String c :
        List.of(
            "12345",
            "123456",
            "1234",
            "ABC123",
            "abc",
            "ABC",
            "abcdef",
            "A1",
            "a1b2c3",
            "10115",
            "2030-01-15",
            "+15555550123",
            "testgen.user@example.com")) {
      if (matches(pattern, c)) return c;
    }
    return fallback;
  }

  /** A search term: the input hint's example ("e.g. release") or a word from the page. */
  static String searchHint(String hintText, List<String> pageWords) {
    if (hintText != null) {
      String p = hintText.trim();
      for (String prefix : List.of("e.g.", "e.g", "eg.", "for example", "try")) {
        if (p.toLowerCase(Locale.ROOT).startsWith(prefix)) {
          String rest = p.substring(prefix.length()).replaceAll("^[\\s:,]+", "").trim();
          if (!rest.isEmpty()) return rest.replaceAll("[\"'“”…]", "").split("\\s+")[0];
        }
      }
    }
    for (String w : pageWords) {
      for (String token : w.split("\\s+")) {
        if (token.length() >= 5 && token.matches("[\\p{L}]+"))
          return token.toLowerCase(Locale.ROOT);
      }
    }
    return "test";
  }
}
