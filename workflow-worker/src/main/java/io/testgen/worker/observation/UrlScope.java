package io.testgen.worker.observation;

import io.testgen.common.url.UrlParts;
import io.testgen.worker.browser.NavigationGuard;
import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Which URLs belong to the crawl and when two URLs are the same page: same origin only; fragments
 * dropped except hash routes ({@code #/...}, {@code #!...}); query parameters sorted. A URL
 * "pattern" (numbers masked, query values dropped) bounds link traps such as endless calendars.
 */
final class UrlScope {
  static final int MAX_URL_LENGTH = 400;
  static final int MAX_QUERY_PARAMS = 8;
  static final int MAX_PATH_SEGMENTS = 10;

  private final String origin;

  UrlScope(String startUrl) {
    this.origin = NavigationGuard.originOf(startUrl);
  }

  String origin() {
    return origin;
  }

  boolean sameOrigin(String url) {
    return url != null && origin.equals(NavigationGuard.originOf(url));
  }

  /** The canonical form used to tell visited URLs apart, or null when not crawlable. */
  static String normalise(String url) {
    try {
      URI uri = URI.create(url.trim());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) return null;
      String origin = NavigationGuard.originOf(url);
      UrlParts parts = UrlParts.of(uri);
      StringBuilder out = new StringBuilder(origin).append(parts.pathOrRoot());
      if (parts.query() != null && !parts.query().isEmpty()) {
        String[] params = parts.query().split("&");
        Arrays.sort(params);
        out.append('?').append(String.join("&", params));
      }
      if (parts.hashRoute() != null) out.append('#').append(parts.hashRoute());
      return out.toString();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Path with digits masked and the set of query keys: pages a trap generates share it. */
  static String pattern(String normalisedUrl) {
    URI uri = URI.create(normalisedUrl);
    String path = uri.getRawPath() == null ? "/" : uri.getRawPath().replaceAll("[0-9]+", "#");
    TreeSet<String> keys = new TreeSet<>();
    if (uri.getRawQuery() != null)
      for (String p : uri.getRawQuery().split("&")) keys.add(p.split("=", 2)[0]);
    String fragment = uri.getRawFragment();
    return path
        + (keys.isEmpty() ? "" : "?" + String.join("&", keys))
        + (fragment == null ? "" : "#" + fragment.replaceAll("[0-9]+", "#"));
  }

  /** Why a URL looks like a trap by its shape alone, or null. */
  static String shapeTrap(String normalisedUrl) {
    if (normalisedUrl.length() > MAX_URL_LENGTH) return "URL longer than " + MAX_URL_LENGTH;
    URI uri = URI.create(normalisedUrl);
    if (uri.getRawQuery() != null && uri.getRawQuery().split("&").length > MAX_QUERY_PARAMS)
      return "more than " + MAX_QUERY_PARAMS + " query parameters";
    if (uri.getRawPath() != null && uri.getRawPath().split("/").length > MAX_PATH_SEGMENTS + 1)
      return "path deeper than " + MAX_PATH_SEGMENTS + " segments";
    return null;
  }

  /** Whether two URLs address the same document (they differ at most in the fragment). */
  static boolean sameDocument(String a, String b) {
    return strip(a).equals(strip(b));
  }

  private static String strip(String url) {
    int hash = url.indexOf('#');
    return hash < 0 ? url : url.substring(0, hash);
  }
}
