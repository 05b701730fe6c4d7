package io.testgen.worker.evolution;

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
    return "^[a-z]+:\\/\\/[^\\/]+" + literal(path) + "(?:[?#].*)?$";
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
