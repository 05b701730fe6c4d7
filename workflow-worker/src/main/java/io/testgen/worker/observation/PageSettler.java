package io.testgen.worker.observation;

import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.WaitUntilState;
import io.testgen.worker.browser.Dialogs;
import io.testgen.worker.browser.DomQuiet;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Loads pages and performs actions, then waits until the page has settled: the document loaded (if
 * the action navigated) and the DOM quiet for a moment (single-page apps render after load; the
 * wait itself is {@link DomQuiet}). Watches the page for what a load or an action led to: the
 * document's status and method, writes sent, console errors.
 */
final class PageSettler {
  /** What an action or a load led to. */
  record Outcome(
      boolean navigated, Integer status, String url, String error, String documentMethod) {
    Outcome(boolean navigated, Integer status, String url, String error) {
      this(navigated, status, url, error, null);
    }

    /** Whether the document shown came from a GET, so its URL alone reproduces it. */
    boolean reachableByUrl() {
      return documentMethod == null || "GET".equalsIgnoreCase(documentMethod);
    }

    boolean failed() {
      return error != null;
    }
  }

  private Page page;
  private final java.util.function.BiConsumer<String, String> consoleErrors;
  private final Duration pageTimeout;
  private final int quietMillis;
  private int navigations;
  private Integer lastStatus;
  private String lastMethod;
  private String lastFailure;
  private Object settledWith;

  /** The URL the last load's document request started at (before redirects). */
  private String loadOrigin;

  private final java.util.List<SentWrite> sentWrites =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  /** A non-GET request the page sent during the last action (a form post, a fetch). */
  record SentWrite(String method, String url, boolean navigation) {}

  PageSettler(Page page, Duration pageTimeout, int quietMillis) {
    this(page, pageTimeout, quietMillis, (url, text) -> {});
  }

  /**
   * @param consoleErrors told about each console error and uncaught page error: (url, text)
   */
  PageSettler(
      Page page,
      Duration pageTimeout,
      int quietMillis,
      java.util.function.BiConsumer<String, String> consoleErrors) {
    this.pageTimeout = pageTimeout;
    this.quietMillis = quietMillis;
    this.consoleErrors = consoleErrors;
    attach(page);
  }

  private void attach(Page page) {
    this.page = page;
    page.onConsoleMessage(
        message -> {
          // failed loads are recorded as http_error findings already
          boolean suppressedDialog =
              "warning".equals(message.type()) && message.text().startsWith(Dialogs.NOTICE);
          if (suppressedDialog
              || ("error".equals(message.type())
                  && !message.text().startsWith("Failed to load resource")))
            consoleErrors.accept(page.url(), clip(message.text()));
        });
    page.onPageError(error -> consoleErrors.accept(page.url(), clip(error)));
    page.onFrameNavigated(
        frame -> {
          if (frame == page.mainFrame()) navigations++;
        });
    page.onResponse(
        response -> {
          Request request = response.request();
          if (request.isNavigationRequest() && isMain(request.frame())) {
            lastStatus = response.status();
            lastMethod = request.method();
          }
        });
    page.onRequest(
        request -> {
          String method = request.method();
          if (!"GET".equals(method) && !"HEAD".equals(method) && !"OPTIONS".equals(method))
            sentWrites.add(new SentWrite(method, request.url(), request.isNavigationRequest()));
        });
    page.onRequestFailed(
        request -> {
          if (request.isNavigationRequest() && isMain(request.frame()))
            lastFailure = request.failure();
        });
  }

  /**
   * Replaces the page with a fresh one in the same context. After a failed navigation Chromium may
   * still commit an error page or the late document, which would interrupt the next navigation; a
   * new page has no such leftovers. The old page is closed without waiting for it to go: a tab
   * stuck in a navigation can hold a waiting close for a minute (its beforeunload handlers are
   * disabled by {@link Dialogs#SUPPRESS}, so no prompt appears).
   */
  void renew() {
    Page old = page;
    attach(old.context().newPage());
    try {
      old.close(new Page.CloseOptions().setRunBeforeUnload(true));
    } catch (PlaywrightException ignored) {
      // already gone
    }
  }

  private boolean isMain(Frame frame) {
    try {
      return frame == page.mainFrame();
    } catch (PlaywrightException e) {
      return false;
    }
  }

  Page page() {
    return page;
  }

  /** The non-GET requests sent during the last {@link #act}, in order. */
  java.util.List<SentWrite> sentWrites() {
    return java.util.List.copyOf(sentWrites);
  }

  /**
   * Navigates and settles; a failed load is an outcome with {@code error}, not an exception. A page
   * left behind may still run its own navigation (a script that reloads it on a timer) and win over
   * ours: then the load happens once more, on a fresh page without such leftovers.
   */
  Outcome load(String url) {
    return load(url, null);
  }

  /**
   * As {@link #load(String)}; once the page has settled, {@code then} runs in it in the same round
   * trip as the settling wait, its result kept for {@link #settledWith()}.
   */
  Outcome load(String url, DomQuiet.InPage then) {
    String before = currentUrl();
    Outcome first = loadOnce(url, then);
    boolean interrupted =
        first.failed()
            && (first.error().contains("interrupted by another navigation")
                || first.error().contains("ERR_ABORTED"));
    boolean previousCameBack =
        !first.failed()
            && before != null
            && !UrlScope.sameDocument(before, url)
            && UrlScope.sameDocument(first.url(), before)
            && (loadOrigin == null || !UrlScope.sameDocument(loadOrigin, url));
    if (!interrupted && !previousCameBack) return first;
    if (previousCameBack) renew();
    return loadOnce(url, then);
  }

  /** What the last {@link #load(String, DomQuiet.InPage)}'s script returned; null without one. */
  Object settledWith() {
    return settledWith;
  }

  private Outcome loadOnce(String url, DomQuiet.InPage then) {
    settledWith = null;
    lastFailure = null;
    lastStatus = null;
    loadOrigin = null;
    try {
      Response response =
          page.navigate(
              url,
              new Page.NavigateOptions()
                  .setWaitUntil(WaitUntilState.LOAD)
                  .setTimeout(pageTimeout.toMillis()));
      if (response == null && url.contains("#")) {
        // same document, only the fragment changed: the app kept its in-page state; start afresh
        response =
            page.reload(
                new Page.ReloadOptions()
                    .setWaitUntil(WaitUntilState.LOAD)
                    .setTimeout(pageTimeout.toMillis()));
      }
      // no response object (a navigation the browser answered from elsewhere): the status the
      // main frame's last document request saw
      Integer status = response == null ? lastStatus : Integer.valueOf(response.status());
      if (response != null) loadOrigin = firstOf(response.request()).url();
      settledWith = quiet(then);
      return new Outcome(true, status, page.url(), null);
    } catch (PlaywrightException e) {
      String error = shortError(e);
      renew();
      return new Outcome(false, null, url, error);
    }
  }

  private static Request firstOf(Request request) {
    Request first = request;
    while (first.redirectedFrom() != null) first = first.redirectedFrom();
    return first;
  }

  private String currentUrl() {
    try {
      String now = page.url();
      return now == null || now.isEmpty() || now.startsWith("about:") ? null : now;
    } catch (PlaywrightException e) {
      return null;
    }
  }

  /** Performs an action that may or may not navigate, and settles. */
  Outcome act(Consumer<Page> action) {
    sentWrites.clear();
    int before = navigations;
    lastStatus = null;
    lastMethod = null;
    lastFailure = null;
    try {
      action.accept(page);
    } catch (PlaywrightException e) {
      return new Outcome(false, null, page.url(), shortError(e));
    }
    try {
      quiet();
    } catch (PlaywrightException e) {
      // the document went away under the script: a navigation is under way
    }
    boolean navigated = navigations != before || lastStatus != null;
    if (navigated || lastFailure != null) {
      try {
        page.waitForLoadState(
            LoadState.LOAD, new Page.WaitForLoadStateOptions().setTimeout(pageTimeout.toMillis()));
        quiet();
      } catch (PlaywrightException e) {
        return new Outcome(navigated, lastStatus, page.url(), shortError(e), lastMethod);
      }
    }
    return new Outcome(navigated, lastStatus, page.url(), lastFailure, lastMethod);
  }

  /** Waits until the DOM has been quiet for a moment (bounded). */
  void quiet() {
    quiet(null);
  }

  private Object quiet(DomQuiet.InPage then) {
    return DomQuiet.await(page, quietMillis, pageTimeout, then);
  }

  private static String clip(String text) {
    if (text == null) return "";
    return text.length() > 200 ? text.substring(0, 200) : text;
  }

  static String shortError(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    // Playwright wraps the driver's error as "Error {\n  message='...'\n  name=...}"
    int at = m.indexOf("message='");
    if (at >= 0) m = m.substring(at + "message='".length());
    int nl = m.indexOf('\n');
    if (nl > 0) m = m.substring(0, nl);
    return m.length() > 200 ? m.substring(0, 200) : m;
  }
}
