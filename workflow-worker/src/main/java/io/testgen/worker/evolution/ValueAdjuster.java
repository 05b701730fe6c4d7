package io.testgen.worker.evolution;

import io.testgen.common.agents.observation.FieldInfo;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A better value for a field the app rejected, read from the app's own message next to it (digits
 * only, a maximum or minimum length, a date format, an email, a number range) or, for a select, the
 * next option. Null when the message says nothing we can act on.
 */
final class ValueAdjuster {
  private static final Pattern AT_MOST =
      Pattern.compile(
          "(?:at most|max(?:imum)?(?: of)?|no more than|up to|not exceed|<=)\\s*(\\d+)");
  private static final Pattern AT_LEAST =
      Pattern.compile("(?:at least|min(?:imum)?(?: of)?|no less than|>=)\\s*(\\d+)");
  private static final Pattern BETWEEN = Pattern.compile("between\\s*(\\d+)\\s*and\\s*(\\d+)");
  private static final Pattern EXACTLY =
      Pattern.compile("(?:exactly|must be|must have)\\s*(\\d+)\\s*(?:digit|char)");

  /** A length named as a noun's: "an ISBN of 13 digits", "a 5-digit code", "a 6 character pin". */
  private static final Pattern LENGTH_OF =
      Pattern.compile("(?:\\bof|\\ban?)\\s+(\\d+)(?:\\s+|-)(?:digit|char)");

  /**
   * A message naming the only characters allowed ("may contain only letters, numbers, and
   * {@literal @}/./+/-/_ characters", "letters, digits and underscores only"): read before the
   * digits rule, since it names numbers too.
   */
  private static final Pattern ONLY_CHARACTERS =
      Pattern.compile(
          "(?:contain only|consist only of|only contain|use only|allowed:?)\\s+"
              + "(letters.*?)(?: characters\\b|\\.(?:\\s|$)|$)"
              + "|(letters,? (?:numbers|digits)[^.]*?) only");

  private ValueAdjuster() {}

  /**
   * The value with every character the message does not name replaced by an underscore when the
   * message names underscores (else dropped); the unique token stays, it expands to letters and
   * digits.
   */
  private static String keepOnly(String value, String allowedWords) {
    String allowed = allowedWords == null ? "" : allowedWords;
    StringBuilder keep = new StringBuilder("[^A-Za-z0-9");
    boolean underscore = false;
    for (char c : "@.+-_".toCharArray())
      if (allowed.indexOf(c) >= 0 || named(allowed, c)) {
        keep.append('\\').append(c);
        underscore |= c == '_';
      }
    keep.append(']');
    StringBuilder out = new StringBuilder();
    String[] parts = value.split(Pattern.quote(TestData.UNIQUE), -1);
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) out.append(TestData.UNIQUE);
      out.append(parts[i].replaceAll(keep.toString(), underscore ? "_" : ""));
    }
    String adjusted = out.toString();
    return adjusted.equals(value) || adjusted.isEmpty() ? null : adjusted;
  }

  private static boolean named(String allowed, char c) {
    return switch (c) {
      case '_' -> allowed.contains("underscore");
      case '-' -> allowed.contains("hyphen") || allowed.contains("dash");
      case '.' -> allowed.contains("period") || allowed.contains("dot");
      default -> false;
    };
  }

  static String adjust(FieldInfo field, String value, String message) {
    String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
    String v = value == null ? "" : value;
    List<String> options = field.options() == null ? List.of() : field.options();
    if (!options.isEmpty()) {
      int at = options.indexOf(v);
      for (int i = at + 1; i < options.size(); i++)
        if (options.get(i) != null && !options.get(i).isBlank()) return options.get(i);
      return null;
    }
    if (m.contains("yyyy") || m.contains("date"))
      return "2030-01-15".equals(v) ? null : "2030-01-15";
    if (m.contains("email") || m.contains("e-mail")) return "testgen+{{unique}}@example.com";
    Matcher only = ONLY_CHARACTERS.matcher(m);
    if (only.find()) return keepOnly(v, only.group(1) != null ? only.group(1) : only.group(2));
    boolean digits =
        m.contains("digit")
            || m.contains("numeric")
            || m.contains("number")
            || m.contains("phone")
            || m.contains("telephone");
    String adjusted = v;
    if (digits) adjusted = "5550100123";
    boolean numeric = List.of("number", "range").contains(field.type());
    Matcher between = BETWEEN.matcher(m);
    Matcher exactly = EXACTLY.matcher(m);
    Matcher lengthOf = LENGTH_OF.matcher(m);
    Matcher atMost = AT_MOST.matcher(m);
    Matcher atLeast = AT_LEAST.matcher(m);
    if (between.find()) {
      int low = Integer.parseInt(between.group(1));
      int high = Integer.parseInt(between.group(2));
      adjusted = numeric ? Integer.toString(low) : fit(adjusted, low, high, digits);
    } else if (exactly.find()) {
      int n = Integer.parseInt(exactly.group(1));
      adjusted = fit(adjusted, n, n, digits);
    } else if (lengthOf.find()) {
      int n = Integer.parseInt(lengthOf.group(1));
      adjusted = fit(adjusted, n, n, digits);
    } else if (numeric) {
      if (atLeast.find()) adjusted = atLeast.group(1);
      else if (atMost.find()) adjusted = atMost.group(1);
    } else {
      if (atMost.find()) adjusted = fit(adjusted, 0, Integer.parseInt(atMost.group(1)), digits);
      if (atLeast.find())
        adjusted = fit(adjusted, Integer.parseInt(atLeast.group(1)), Integer.MAX_VALUE, digits);
    }
    return Objects.equals(adjusted, v) ? null : adjusted;
  }

  /** A value within the lengths, keeping the unique token when it fits. */
  private static String fit(String value, int min, int max, boolean digits) {
    String v = value;
    if (v.length() > max) {
      // The token grows at run time: a value with it is longer than it looks.
      String plain = v.replace(TestData.UNIQUE, "");
      v = plain.length() > max ? plain.substring(0, max) : plain;
    }
    StringBuilder out = new StringBuilder(v);
    while (out.length() < min) out.append(digits ? '1' : 'x');
    return out.toString();
  }

  private static boolean isNumber(String v) {
    return v.matches("-?\\d+");
  }
}
