package io.testgen.worker.browser;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * Turns the URL a test step opens (a path such as {@code /notes?q=1}, or an absolute URL) into an
 * absolute URL on the run's origin, or refuses it.
 *
 * <p>A browser reads a reference by the WHATWG URL rules, not Java's: {@code //host/x} and {@code
 * /\host/x} name another host, tabs and newlines vanish, {@code \} counts as {@code /}. So only
 * spellings that every parser reads alike are accepted: a path that starts with exactly one {@code
 * /} and holds no backslash, whitespace or control character, or an absolute URL whose origin is
 * the run's own. Anything else is refused before the browser sees it; the {@link NavigationGuard}
 * checks the request the browser actually makes as well.
 */
public final class SameOriginUrl {
  /** Longest reference a step may carry (browsers handle ~2 MB; no real path comes near this). */
  static final int MAX_LENGTH = 8192;

  private static final Pattern SAFE_PATH = Pattern.compile("/(?![/\\\\])[^\\\\\\s\\p{Cntrl}]*");

  private SameOriginUrl() {}

  /** Why a reference was refused; a step that meets it fails, it is never followed. */
  public static final class RefusedException extends RuntimeException {
    RefusedException(String message) {
      super(message);
    }
  }

  /**
   * The absolute URL {@code reference} opens on {@code origin} ({@code scheme://host[:port]}, as
   * {@link NavigationGuard#originOf} gives it, or any URL on it).
   *
   * @throws RefusedException when the reference may lead anywhere but that origin
   */
  public static String resolve(String origin, String reference) {
    String home = NavigationGuard.originOf(origin);
    if (home == null) throw new RefusedException("navigation refused: no origin in " + origin);
    String ref = reference == null ? "" : reference;
    if (ref.length() > MAX_LENGTH)
      throw new RefusedException("navigation refused: URL longer than " + MAX_LENGTH);
    if (ref.isEmpty()) return home + "/";
    String absolute;
    if (SAFE_PATH.matcher(ref).matches()) {
      absolute = home + ref;
    } else if (ref.regionMatches(true, 0, "http://", 0, 7)
        || ref.regionMatches(true, 0, "https://", 0, 8)) {
      if (!ref.equals(ref.strip()) || ref.chars().anyMatch(c -> c < 0x21 || c == '\\'))
        throw refused(ref, home);
      absolute = ref;
    } else {
      throw refused(ref, home);
    }
    try {
      URI uri = URI.create(absolute);
      // the path must not smuggle a second authority either (Java and browsers agree on this)
      if (uri.getRawAuthority() == null || uri.getRawUserInfo() != null) throw refused(ref, home);
    } catch (IllegalArgumentException e) {
      throw refused(ref, home);
    }
    if (!home.equals(NavigationGuard.originOf(absolute))) throw refused(ref, home);
    return absolute;
  }

  private static RefusedException refused(String reference, String origin) {
    String shown = reference.length() > 200 ? reference.substring(0, 200) + "…" : reference;
    return new RefusedException(
        "navigation refused: "
            + shown.replaceAll("\\p{Cntrl}", "?")
            + " is not a path on "
            + origin);
  }
}
