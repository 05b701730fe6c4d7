package io.testgen.worker.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.options.LoadState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Waits in the page until its DOM has been quiet for a moment (bounded; a page without scripts is
 * quiet once loaded), optionally running a script in the same round trip once it is. The one
 * settling rule of exploration and of Evolution's live runs.
 */
public final class DomQuiet {
  private static final String QUIET_SCRIPT =
      """
      ([quiet, max]) => new Promise((resolve) => {
        // a page without scripts is done when it has loaded: nothing will render later
        if (!document.querySelector('script')) { resolve(true); return; }
        let last = performance.now();
        const start = last;
        const obs = new MutationObserver(() => { last = performance.now(); });
        obs.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
        const tick = () => {
          const now = performance.now();
          if (now - last >= quiet || now - start >= max) { obs.disconnect(); resolve(true); }
          else setTimeout(tick, 20);
        };
        setTimeout(tick, 20);
      })
      """;

  private static final int MAX_MILLIS = 1500;

  /** A function to run in the page once it has settled, and its argument. */
  public record InPage(String script, Object arg) {}

  private DomQuiet() {}

  /**
   * Waits until the DOM has been quiet for {@code quietMillis} (at most 1.5 s), then runs {@code
   * then} in the page in the same round trip; its result, or null without one or when the page kept
   * navigating.
   */
  public static Object await(Page page, int quietMillis, Duration pageTimeout, InPage then) {
    String script =
        then == null
            ? QUIET_SCRIPT
            : "async ([quiet, max, arg]) => { await ("
                + QUIET_SCRIPT.strip()
                + ")([quiet, max]); return ("
                + then.script().strip()
                + ")(arg); }";
    List<Object> args = new ArrayList<>(List.of(quietMillis, MAX_MILLIS));
    if (then != null) args.add(then.arg());
    for (int attempt = 0; attempt < 3; attempt++) {
      try {
        return page.evaluate(script, args);
      } catch (PlaywrightException e) {
        // context destroyed by a navigation: wait for the new document, then try again
        page.waitForLoadState(
            LoadState.LOAD, new Page.WaitForLoadStateOptions().setTimeout(pageTimeout.toMillis()));
      }
    }
    return null;
  }
}
