package io.testgen.worker.evolution;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import io.testgen.common.agents.observation.Finding;
import io.testgen.worker.browser.BrowserPool;
import io.testgen.worker.browser.ContextLease;
import io.testgen.worker.browser.NavigationGuard;
import java.util.function.Consumer;

/**
 * The browser context and page that one thread's test runs share, so a run costs navigations, not a
 * new context and renderer process. Between runs the session is reset to what a fresh context
 * holds: cookies cleared, the app origin's local and session storage, IndexedDB and Cache Storage
 * emptied, the page on {@code about:blank}. A run that failed, left other pages open or ended where
 * its origin's storage cannot be reached is not reused: its context is closed and the next run gets
 * a new one. The context is guarded like any other (from {@link BrowserPool}); what its guard
 * refuses goes to the current run's sink.
 *
 * <p>Not thread-safe: one session per thread, closed by that thread.
 */
final class RunSession implements AutoCloseable {
  /** Where the empty page lives on the app's origin; no request to it reaches the network. */
  static final String BLANK_PATH = "/__testgen_blank__";

  /** Empties what scripts of the page's origin can store; cookies are cleared by the context. */
  private static final String CLEAR_STORAGE =
      """
      async () => {
        localStorage.clear();
        sessionStorage.clear();
        if (indexedDB.databases)
          for (const db of await indexedDB.databases()) if (db.name) indexedDB.deleteDatabase(db.name);
        if (self.caches) for (const key of await caches.keys()) await caches.delete(key);
        return location.origin;
      }
      """;

  private final BrowserPool pool;
  private final String origin;
  private final String blankUrl;
  private final Browser.NewContextOptions options;
  private final long defaultTimeoutMillis;
  private final boolean reusable;
  private volatile Consumer<Finding> sink = f -> {};
  private ContextLease lease;
  private Page page;

  /**
   * @param reusable whether runs share the context; a single-run session closes it after the run
   */
  RunSession(
      BrowserPool pool,
      String baseUrl,
      Browser.NewContextOptions options,
      long defaultTimeoutMillis,
      boolean reusable) {
    this.pool = pool;
    this.origin = NavigationGuard.originOf(baseUrl);
    this.blankUrl = origin + BLANK_PATH;
    this.options = options;
    this.defaultTimeoutMillis = defaultTimeoutMillis;
    this.reusable = reusable;
  }

  /** The page for the next run, in a guarded context whose refusals go to {@code refused}. */
  Page open(Consumer<Finding> refused) {
    sink = refused;
    if (page == null) {
      lease = pool.acquireContext(pool.guard(origin, f -> sink.accept(f)), options);
      lease.context().setDefaultTimeout(defaultTimeoutMillis);
      page = lease.context().newPage();
      if (reusable)
        page.route(
            url -> url.equals(blankUrl),
            route ->
                route.fulfill(
                    new Route.FulfillOptions()
                        .setContentType("text/html")
                        .setBody("<!doctype html><title></title>")));
    }
    return page;
  }

  /** After a run that passed: reset for the next run, or close when that cannot be done. */
  void recycle() {
    if (!reusable || page == null || lease.context().pages().size() != 1) {
      discard();
      return;
    }
    try {
      page.navigate(blankUrl);
      Object at = page.evaluate(CLEAR_STORAGE);
      if (!origin.equals(NavigationGuard.originOf(String.valueOf(at)))) {
        discard();
        return;
      }
      lease.context().clearCookies();
    } catch (RuntimeException e) {
      discard();
    }
  }

  /** Closes the context (after a failed run, or when done). */
  void discard() {
    sink = f -> {};
    page = null;
    if (lease != null) lease.close();
    lease = null;
  }

  @Override
  public void close() {
    discard();
  }
}
