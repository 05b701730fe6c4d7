package io.testgen.worker.evolution;

/** String literals for generated TypeScript and Java source. */
final class SourceText {
  private SourceText() {}

  /** A single-quoted TypeScript string literal. */
  static String ts(String s) {
    return "'" + escape(s).replace("'", "\\'") + "'";
  }

  /** A double-quoted Java string literal. */
  static String java(String s) {
    return "\"" + escape(s).replace("\"", "\\\"") + "\"";
  }

  private static String escape(String s) {
    StringBuilder out = new StringBuilder();
    for (char c : s.toCharArray()) {
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x2028 || c == 0x2029) out.append(String.format("\\u%04x", (int) c));
          else out.append(c);
        }
      }
    }
    return out.toString();
  }

  /** A line comment's text on one line. */
  static String comment(String s) {
    return s == null ? "" : s.replaceAll("[\\r\\n]+", " ").replace("*/", "* /");
  }
}
