package io.testgen.worker.evolution;

import io.testgen.common.url.RecordIds;

/**
 * Regular expressions in the subset that Java and JavaScript read alike (the executor's patterns
 * are evaluated by Playwright in JavaScript; the renderers write them into both languages).
 */
final class UrlPattern {
  private UrlPattern() {}

  /**
   * What an {@code expect_url} step checks: any origin (a suite may run against another {@code
   * BASE_URL}), exactly this path, any query or fragment.
   */
  static String forPath(String path) {
    StringBuilder regex = new StringBuilder();
    String[] parts = path.split(java.util.regex.Pattern.quote(ID), -1);
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) regex.append(RecordIds.REGEX);
      regex.append(literal(parts[i]));
    }
    return "^[a-z]+:\\/\\/[^\\/]+" + regex + "(?:[?#].*)?$";
  }

  /** A path segment that is the id of a record the test created: any number or UUID matches. */
  static final String ID = "{{id}}";

  /** A path with its segments that are record ids ({@link RecordIds}) as {@link #ID}. */
  static String withIds(String path) {
    return RecordIds.replaceIds(path, ID);
  }

  /**
   * Text matched literally, escaped so that Java and JavaScript read it alike ({@code
   * Pattern.quote}'s quoting means nothing to JavaScript, where Playwright evaluates it).
   */
  static String literal(String text) {
    StringBuilder regex = new StringBuilder();
    for (char c : text.toCharArray()) {
      if ("\\^$.|?*+()[]{}/".indexOf(c) >= 0) regex.append('\\');
      regex.append(c);
    }
    return regex.toString();
  }
}
