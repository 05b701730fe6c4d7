package io.testgen.common.url;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one rule for a path segment that is a record's id: a number or a UUID. Requirements reads it
 * to find a record's pages, Evolution to assert an address whatever record a run made.
 */
public final class RecordIds {
  /**
   * A record id as a regular expression in the subset Java and JavaScript read alike (Playwright
   * evaluates a suite's URL patterns in JavaScript).
   */
  public static final String REGEX =
      "(?:[0-9]+|[0-9a-fA-F]{8}(?:-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12})";

  private static final Pattern SEGMENT = Pattern.compile(REGEX);
  private static final Pattern IN_PATH = Pattern.compile("(?<=/)" + REGEX + "(?=/|$)");

  private RecordIds() {}

  /** Whether a path segment is a record's id. */
  public static boolean isId(String segment) {
    return segment != null && SEGMENT.matcher(segment).matches();
  }

  /** The path with each segment that is a record's id written as {@code token}, literally. */
  public static String replaceIds(String path, String token) {
    return path == null ? null : IN_PATH.matcher(path).replaceAll(Matcher.quoteReplacement(token));
  }
}
