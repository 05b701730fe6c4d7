package io.testgen.worker.evolution;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Values matched in a text as whole words, case-insensitively ("Ada" is in "Ada Lovelace", not in
 * "Canada"); each value's pattern compiled once.
 */
record WholeWords(List<Pattern> patterns) {
  static WholeWords of(List<String> values) {
    return new WholeWords(
        values.stream()
            .map(
                v ->
                    Pattern.compile(
                        "(?<![\\p{L}\\p{N}])" + Pattern.quote(v) + "(?![\\p{L}\\p{N}])",
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE))
            .toList());
  }

  /** Whether {@code text} holds any of the values as a whole word. */
  boolean inside(String text) {
    return patterns.stream().anyMatch(p -> p.matcher(text).find());
  }
}
