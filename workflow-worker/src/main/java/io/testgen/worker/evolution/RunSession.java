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
 * new context and renderer process. Before a run that follows another, the session is reset to what
 * a fresh context holds: Chromium clears the origin's local storage, IndexedDB and Cache Storage
 * (DevTools {@code Storage.clearDataForOrigin}), the context its cookies, and the run's first
 * document empties the tab's session storage and the origin's local storage again as it starts,
 * before any of its own scripts (an init script armed for that one document: what the last run's
 * page wrote to storage as it unloaded is gone too). The last run's page stays loaded until that
 * document commits: a cookie it sets in that window (a late response, an unload handler) is not
 * cleared, where the empty page below would have ended it first. That first document must be a new
 * one: a run that does not start by opening an address, or opens one that would only move within
 * the page shown ({@code #fragment}), first leaves the app for an empty page on the app's origin
 * (answered by a route of the page itself, so its request never leaves the browser; no process swap
 * happens as it would for {@code about:blank}), which empties session storage as it is parsed. A
 * run that failed, left other pages open or could not be reset is not reused: its context is closed
 * and the next run gets a new one. The context is guarded like any other (from {@link
 * BrowserPool}); what its guard refuses goes to the current run's sink.
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

  /**
   * Armed for the first document of a run that follows another: it starts with the tab's session
   * storage and the origin's local storage empty, as in a fresh context, whatever the last run's
   * page wrote until it was gone. Frames keep theirs: only the top document is a run's first.
   */
  private static final String FIRST_DOCUMENT =
      "if (window === window.top) try { sessionStorage.clear(); localStorage.clear(); } catch (e) {}";

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
  private boolean blankRouted;

  /** A run has used the page since it was reset. */
  private boolean used;

  /** The init script that resets the next document, until that document has started. */
  private AutoCloseable armed;

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
    return open(refused, null);
  }

  /**
   * The page for the next run, reset when a run used it before.
   *
   * @param firstUrl the absolute URL the run opens first, or null when it starts otherwise
   */
  Page open(Consumer<Finding> refused, String firstUrl) {
    if (page != null && used && !reset(firstUrl)) discard();
    sink = refused;
    if (page == null) {
      lease = pool.acquireContext(pool.guard(origin, f -> sink.accept(f)), options);
      lease.context().setDefaultTimeout(defaultTimeoutMillis);
      page = lease.context().newPage();
      if (reusable)
        page.onFrameNavigated(
            frame -> {
              if (armed != null && frame.parentFrame() == null) disarm();
            });
    }
    used = true;
    return page;
  }

  /** After a run that passed: keep the page for the next run, or close when it cannot be reset. */
  void recycle() {
    if (!reusable || page == null || lease.context().pages().size() != 1) discard();
  }

  /** Resets the page before the next run; false when that could not be done. */
  private boolean reset(String firstUrl) {
    try {
      boolean newDocument = firstUrl != null && !sameDocument(page.url(), firstUrl);
      if (!newDocument && !leave()) return false;
      if (devtools == null) devtools = lease.context().newCDPSession(page);
      JsonObject clear = new JsonObject();
      clear.addProperty("origin", origin);
      clear.addProperty("storageTypes", STORAGE_TYPES);
      devtools.send("Storage.clearDataForOrigin", clear);
      lease.context().clearCookies();
      if (armed != null) disarm();
      if (newDocument) armed = page.addInitScript(FIRST_DOCUMENT);
      used = false;
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Leaves the app for the empty page; false when the page did not get there. */
  private boolean leave() {
    if (!blankRouted) {
      page.route(
          url -> url.equals(blankUrl),
          route ->
              route.fulfill(
                  new Route.FulfillOptions().setContentType("text/html").setBody(BLANK_PAGE)));
      blankRouted = true;
    }
    // Parsed is enough: the app's document is gone (its unload handlers ran before the empty
    // page committed) and the empty page's script has emptied the tab's session storage.
    page.navigate(
        blankUrl, new Page.NavigateOptions().setWaitUntil(WaitUntilState.DOMCONTENTLOADED));
    return blankUrl.equals(page.url());
  }

  /**
   * Whether opening {@code next} from {@code current} would only move within the document shown (a
   * fragment of the same address), so no new document would start.
   */
  static boolean sameDocument(String current, String next) {
    int hash = next.indexOf('#');
    if (hash < 0) return false;
    int at = current.indexOf('#');
    return next.substring(0, hash).equals(at < 0 ? current : current.substring(0, at));
  }

  /** The run's first document has started: later documents of the run keep their storage. */
  private void disarm() {
    AutoCloseable script = armed;
    armed = null;
    try {
      script.close();
    } catch (Exception e) {
      // only when the page or its context is gone, and then the run fails on its next step
    }
  }

  /** Closes the context (after a failed run, or when done). */
  void discard() {
    sink = f -> {};
    page = null;
    devtools = null;
    blankRouted = false;
    used = false;
    armed = null;
    if (lease != null) lease.close();
    lease = null;
  }

  @Override
  public void close() {
    discard();
  }
}
