package io.testgen.common.agents.observation;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which controls end the signed-in session ("Log out", "Sign out", {@code /logout}): one rule for
 * Observation, which never uses them (a crawl that signs itself out explores the login page), and
 * Requirements, which tests them in a test's own session.
 */
public final class SignOut {
  private static final Pattern WORDS =
      Pattern.compile("\\b(log[ _-]?out|sign[ _-]?out|log[ _-]?off)\\b");

  private SignOut() {}

  /** Whether these words (a control's name, text, target or form action) name signing out. */
  public static boolean named(String words) {
    return words != null && WORDS.matcher(words.toLowerCase(Locale.ROOT)).find();
  }

  /** Whether a link or button signs out, by its accessible name, text or target. */
  public static boolean control(ElementInfo e) {
    return e != null && named(e.name() + " " + e.text() + " " + e.href());
  }
}
