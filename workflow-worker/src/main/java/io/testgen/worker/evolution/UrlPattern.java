package io.testgen.worker.evolution;

/**
 * The regular expression an {@code expect_url} step checks: any origin (the suites may run against
 * another {@code BASE_URL}), exactly this path, any query or fragment. Written in the subset that
 * Java and JavaScript read alike.
 */
final class UrlPattern {
  private UrlPattern() {}

  static String forPath(String path) {
    StringBuilder regex = new StringBuilder("^[a-z]+:\\/\\/[^\\/]+");
    for (char c : path.toCharArray()) {
      if ("\\^$.|?*+()[]{}/".indexOf(c) >= 0) regex.append('\\');
      regex.append(c);
    }
    return regex.append("(?:[?#].*)?$").toString();
  }
}
