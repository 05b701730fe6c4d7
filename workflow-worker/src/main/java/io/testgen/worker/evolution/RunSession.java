package io.testgen.worker.evolution;

import com.google.gson.JsonObject;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.WaitUntilState;
import io.testgen.common.agents.observation.Finding;
import io.testgen.worker.browser.BrowserPool;
import io.testgen.worker.browser.ContextLease;
import io.testgen.worker.browser.NavigationGuard;
import java.util.function.Consumer;

/**
 * The browser context and page that one thread's test runs share, so a run costs navigations, not a
 * new context and renderer process. Between runs the session is reset to what a fresh context
 * holds: the page leaves the app for an empty page on the app's origin (the app's unload handlers
 * run first, and no process swap happens as it would for {@code about:blank}); that page is
 * answered by a route of the page itself, so its request never leaves the browser, and empties its
 * tab's session storage as it is parsed. Then Chromium clears the origin's local storage, IndexedDB
 * and Cache Storage (DevTools {@code Storage.clearDataForOrigin}), the context its cookies. A run
 * that failed, left other pages open or could not be reset is not reused: its context is closed and
 * the next run gets a new one. The context is guarded like any other (from {@link BrowserPool});
 * what its guard refuses goes to the current run's sink.
 *
 * <p>Not thread-safe: one session per thread, closed by that thread.
 */
final class RunSession implements AutoCloseable {
  /** Where the empty page lives on the app's origin; no request to it reaches the network. */
  static final String BLANK_PATH = "/__testgen_blank__";

  /** What Chromium clears for the app's origin between runs (besides cookies and the tab's). */
  private static final String STORAGE_TYPES =
      "local_storage,indexeddb,cache_storage,websql,file_systems,shader_cache";

  /**
   * The empty page. Session storage belongs to the tab, which the runs share: the page empties it
   * while it is parsed, before its DOMContentLoaded, so no round trip into the page is needed.
   */
  private static final String BLANK_PAGE =
      "<!doctype html><title></title><script>sessionStorage.clear()</script>";

  private final BrowserPool pool;
  private final String origin;
  private final String blankUrl;
  private final Browser.NewContextOptions options;
  private final long defaultTimeoutMillis;
  private final boolean reusable;
  private volatile Consumer<Finding> sink = f -> {};
  private ContextLease lease;
  private Page page;
  private CDPSession devtools;

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
                    new Route.FulfillOptions().setContentType("text/html").setBody(BLANK_PAGE)));
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
      // Parsed is enough: the app's document is gone (its unload handlers ran before the empty
      // page committed) and the empty page's script has emptied the tab's session storage.
      page.navigate(
          blankUrl, new Page.NavigateOptions().setWaitUntil(WaitUntilState.DOMCONTENTLOADED));
      if (!blankUrl.equals(page.url())) {
        discard();
        return;
      }
      if (devtools == null) devtools = lease.context().newCDPSession(page);
      JsonObject clear = new JsonObject();
      clear.addProperty("origin", origin);
      clear.addProperty("storageTypes", STORAGE_TYPES);
      devtools.send("Storage.clearDataForOrigin", clear);
      lease.context().clearCookies();
    } catch (RuntimeException e) {
      discard();
    }
  }

  /** Closes the context (after a failed run, or when done). */
  void discard() {
    sink = f -> {};
    page = null;
    devtools = null;
    if (lease != null) lease.close();
    lease = null;
  }

  @Override
  public void close() {
    discard();
  }
}
