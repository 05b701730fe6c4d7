package io.testgen.worker.evolution;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Values matched in a text as whole words, case-insensitively ("Ada" is in "Ada Lovelace", not in
 * "Canada"); a value's unique token matches any run's suffix ("Note {{unique}}" is in "Note
 * mx5d0uwxwh", not in "New note"); each value's pattern compiled once.
 */
record WholeWords(List<Pattern> patterns) {
  static WholeWords of(List<String> values) {
    return new WholeWords(
        values.stream()
            .map(
                v ->
                    Pattern.compile(
                        "(?<![\\p{L}\\p{N}])" + literal(v) + "(?![\\p{L}\\p{N}])",
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE))
            .toList());
  }

  private static String literal(String value) {
    return Arrays.stream(value.split(Pattern.quote(TestData.UNIQUE), -1))
        .map(part -> part.isEmpty() ? "" : Pattern.quote(part))
        .collect(Collectors.joining("[0-9a-z]+"));
  }

  /** Whether {@code text} holds any of the values as a whole word. */
  boolean inside(String text) {
    return patterns.stream().anyMatch(p -> p.matcher(text).find());
  }
}
