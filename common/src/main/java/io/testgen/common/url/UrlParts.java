package io.testgen.common.url;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The raw path, query and fragment of a URL: the one place the agents take a URL apart to compare
 * pages by their address. Raw means as written (percent-encoding kept), so two spellings of one
 * address compare equal only when they are written alike.
 *
 * @param path the raw path; empty for {@code http://host}, null for an opaque URL ({@code
 *     mailto:...})
 * @param query the raw query without {@code ?}, or null when there is none
 * @param fragment the raw fragment without {@code #}, or null when there is none
 */
public record UrlParts(String path, String query, String fragment) {

  /** The parts of {@code url}, or empty when it is null or no URL. */
  public static Optional<UrlParts> parse(String url) {
    if (url == null) return Optional.empty();
    try {
      return Optional.of(of(URI.create(url)));
    } catch (IllegalArgumentException notAUrl) {
      return Optional.empty();
    }
  }

  /** The parts of a parsed URL. */
  public static UrlParts of(URI uri) {
    return new UrlParts(uri.getRawPath(), uri.getRawQuery(), uri.getRawFragment());
  }

  /** The path, {@code /} when there is none: the address of a site's root however written. */
  public String pathOrRoot() {
    return path == null || path.isEmpty() ? "/" : path;
  }

  /** {@link #pathOrRoot()} and the query as written: what a request line names. */
  public String pathAndQuery() {
    return query == null ? pathOrRoot() : pathOrRoot() + "?" + query;
  }

  /**
   * The fragment when it is a client-side route ({@code #/active}, {@code #!/items}): such
   * fragments tell states of a hash-routed app apart; any other fragment (an anchor) is null.
   */
  public String hashRoute() {
    return fragment != null && (fragment.startsWith("/") || fragment.startsWith("!"))
        ? fragment
        : null;
  }

  /**
   * The query parameters by name, in name order, values raw; a parameter without {@code =} has the
   * empty value, and of a repeated one the last value counts.
   */
  public Map<String, String> parameters() {
    Map<String, String> params = new TreeMap<>();
    if (query == null) return params;
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) continue;
      int eq = pair.indexOf('=');
      params.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
    }
    return params;
  }
}
