package io.testgen.worker.requirements;

import io.testgen.common.agents.observation.FieldInfo;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Test values for form fields, inferred from type, name and declared constraints. Where a value
 * must be unique per run it carries {@link #UNIQUE}, which the Evolution agent substitutes.
 */
public final class FieldTestData {
  /** Placeholder replaced by a per-run unique token. */
  public static final String UNIQUE = "{{unique}}";

  /** Stands in for {@link #UNIQUE} when checking a value against a pattern. */
  private static final String UNIQUE_SAMPLE = "1700000000";

  /** Length of the overlong probe; the value is written as {@code {{repeat:x:N}}}. */
  public static final int OVERLONG_LENGTH = 5000;

  public static final String OVERLONG_VALUE = repeated('x', OVERLONG_LENGTH);

  public static final String SCRIPT_PROBE =
      "<script>window.__testgen_probe='" + UNIQUE + "'</script>";

  /** Values tried, in order, when a pattern rejects the inferred one. */
  private static final List<String> PATTERN_CANDIDATES =
      List.of("abc", "abc123", "Abc123", "ABC", "123", "12345", "a1b2c3", "test", "A1");

  /** A simple pattern: one character class and a quantifier, e.g. {@code [a-z0-9]{3,12}}. */
  private static final Pattern SIMPLE_PATTERN =
      Pattern.compile(
          "\\^?(\\[[^\\]]+\\]|\\\\d|\\\\w|[A-Za-z0-9])(\\{(\\d+)(,(\\d*))?\\}|\\+|\\*)?\\$?");

  private FieldTestData() {}

  /** True for fields a user types free text into (probes target these). */
  public static boolean acceptsText(FieldInfo field) {
    String type = type(field);
    return List.of("text", "search", "email", "textarea", "url", "tel", "").contains(type)
        && (field.options() == null || field.options().isEmpty());
  }

  /** A value the field should accept. */
  public static String validValue(FieldInfo field) {
    String value = baseValue(field);
    if (field.maxLength() != null && field.maxLength() > 0 && lengthOf(value) > field.maxLength()) {
      value = value.replace(UNIQUE, "");
      value = value.substring(0, Math.min(value.length(), field.maxLength()));
    }
    if (field.minLength() != null && lengthOf(value) < field.minLength()) {
      value = value + "a".repeat(field.minLength() - lengthOf(value));
    }
    if (field.pattern() != null && !field.pattern().isBlank() && !matches(field.pattern(), value)) {
      value = patternValue(field).orElse(value);
    }
    return value;
  }

  /**
   * A value that breaks one declared constraint of the field, with what the page should do; empty
   * when the field declares no checkable constraint.
   */
  public static Optional<InvalidValue> invalidValue(FieldInfo field) {
    String type = type(field);
    if (type.equals("email")) {
      return Optional.of(
          new InvalidValue("not-an-email", "type=email", "rejected as not an e-mail"));
    }
    if (type.equals("url")) {
      return Optional.of(new InvalidValue("not a url", "type=url", "rejected as not a URL"));
    }
    Optional<BigDecimal> min = number(field.min());
    Optional<BigDecimal> max = number(field.max());
    if (min.isPresent()) {
      return Optional.of(
          new InvalidValue(
              plain(min.get().subtract(BigDecimal.ONE)),
              "min=" + field.min(),
              "rejected as below " + field.min()));
    }
    if (max.isPresent()) {
      return Optional.of(
          new InvalidValue(
              plain(max.get().add(BigDecimal.ONE)),
              "max=" + field.max(),
              "rejected as above " + field.max()));
    }
    if (field.pattern() != null && !field.pattern().isBlank()) {
      for (String candidate : List.of("!!", " ", "a b!", "\u00e9\u00e9")) {
        if (!matches(field.pattern(), candidate)) {
          return Optional.of(
              new InvalidValue(
                  candidate,
                  "pattern=" + field.pattern(),
                  "rejected as not matching the required format"));
        }
      }
    }
    if (field.minLength() != null && field.minLength() > 1) {
      return Optional.of(
          new InvalidValue(
              repeated('a', field.minLength() - 1),
              "minLength=" + field.minLength(),
              "rejected as shorter than " + field.minLength() + " characters"));
    }
    if (field.maxLength() != null && field.maxLength() > 0) {
      return Optional.of(
          new InvalidValue(
              repeated('a', field.maxLength() + 1),
              "maxLength=" + field.maxLength(),
              "cut to at most " + field.maxLength() + " characters"));
    }
    return Optional.empty();
  }

  /**
   * A value that breaks a constraint, the constraint, and the expected reaction.
   *
   * @param constraint e.g. {@code min=18}, {@code pattern=[a-z]+}
   */
  public record InvalidValue(String value, String constraint, String expectation) {}

  /** Long values stay placeholders so scenarios stay small; Evolution expands them. */
  static String repeated(char character, int count) {
    return count > 40
        ? "{{repeat:" + character + ":" + count + "}}"
        : String.valueOf(character).repeat(count);
  }

  private static String baseValue(FieldInfo field) {
    String type = type(field);
    String name = (field.name() == null ? "" : field.name()).toLowerCase(Locale.ROOT);
    if (field.options() != null) {
      Optional<String> option = field.options().stream().filter(o -> !o.isBlank()).findFirst();
      if (option.isPresent()) {
        return option.get();
      }
    }
    switch (type) {
      case "checkbox", "radio":
        return "checked";
      case "email":
        return "user+" + UNIQUE + "@example.test";
      case "password":
        return "Tg-Passw0rd!";
      case "number", "range":
        return numberInRange(field);
      case "date":
        return field.min() != null && !field.min().isBlank() ? field.min() : "2030-01-15";
      case "tel":
        return "+15555550100";
      case "url":
        return "https://example.test/";
      default:
        break;
    }
    if (name.contains("email") || name.contains("e-mail")) {
      return "user+" + UNIQUE + "@example.test";
    }
    if (name.contains("password")) {
      return "Tg-Passw0rd!";
    }
    if (name.contains("phone") || name.contains("tel")) {
      return "+15555550100";
    }
    if (name.contains("user") || name.contains("login")) {
      return "user" + UNIQUE;
    }
    if (name.contains("name")) {
      return "Test User";
    }
    if (name.contains("zip") || name.contains("postal")) {
      return "12345";
    }
    if (name.contains("search") || name.equals("q") || name.equals("query")) {
      return "test";
    }
    return "Test value";
  }

  private static String numberInRange(FieldInfo field) {
    Optional<BigDecimal> min = number(field.min());
    Optional<BigDecimal> max = number(field.max());
    if (min.isPresent() && max.isPresent()) {
      BigDecimal middle = min.get().add(max.get()).divide(BigDecimal.valueOf(2));
      return plain(middle.setScale(0, java.math.RoundingMode.DOWN).max(min.get()));
    }
    return min.map(FieldTestData::plain).orElseGet(() -> max.map(FieldTestData::plain).orElse("1"));
  }

  private static Optional<String> patternValue(FieldInfo field) {
    String pattern = field.pattern();
    Matcher simple = SIMPLE_PATTERN.matcher(pattern);
    if (simple.matches()) {
      char sample = sampleCharacter(simple.group(1));
      int repeat = 1;
      if (simple.group(3) != null) {
        repeat = Math.max(1, Integer.parseInt(simple.group(3)));
      }
      if (field.minLength() != null) {
        repeat = Math.max(repeat, field.minLength());
      }
      String value = String.valueOf(sample).repeat(repeat);
      if (matches(pattern, value)) {
        return Optional.of(value);
      }
    }
    return PATTERN_CANDIDATES.stream().filter(c -> matches(pattern, c)).findFirst();
  }

  private static char sampleCharacter(String characterClass) {
    return switch (characterClass) {
      case "\\d" -> '1';
      case "\\w" -> 'a';
      default -> {
        if (characterClass.startsWith("[")) {
          String body = characterClass.substring(1, characterClass.length() - 1);
          yield body.isEmpty() || body.charAt(0) == '^' ? 'a' : body.charAt(0);
        }
        yield characterClass.charAt(0);
      }
    };
  }

  /** HTML patterns match the whole value. */
  static boolean matches(String pattern, String value) {
    try {
      return Pattern.compile(pattern).matcher(value.replace(UNIQUE, UNIQUE_SAMPLE)).matches();
    } catch (PatternSyntaxException e) {
      return true; // a pattern we cannot read constrains nothing we can check
    }
  }

  private static int lengthOf(String value) {
    return value.replace(UNIQUE, UNIQUE_SAMPLE).length();
  }

  private static Optional<BigDecimal> number(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new BigDecimal(value.trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static String plain(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }

  private static String type(FieldInfo field) {
    return field.type() == null ? "" : field.type().toLowerCase(Locale.ROOT);
  }
}
