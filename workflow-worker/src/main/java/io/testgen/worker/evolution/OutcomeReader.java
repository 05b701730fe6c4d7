package io.testgen.worker.evolution;

import com.microsoft.playwright.Dialog;
import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.LoadState;
import io.testgen.common.agents.observation.ValidationMessage;
import io.testgen.worker.browser.DomQuiet;
import io.testgen.worker.browser.ValidationMessages;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Watches one live run and reads the outcome of its last action (the submit): texts before and
 * after, validation messages next to fields, page-load statuses, dialogs, and whether the probe
 * script ran. One reader per run; Playwright calls its listeners on the run's thread, and the
 * reader removes them when the run is over (the next run may share the page).
 */
final class OutcomeReader implements TestExecutor.RunWatcher {
  static final String PROBE_GLOBAL = "__testgen_probe";
  private static final int MAX_TEXTS = 12;

  /**
   * How long the DOM must be still, once the requests the action sent are done, to be read: longer
   * than the usual debounce of a search-as-you-type field (its request starts that much later).
   */
  static final int QUIET_MILLIS = 300;

  /** The longest wait for an action's requests and renders (a page that keeps polling). */
  static final int SETTLE_MILLIS = 3_000;

  private static final String TEXTS_SCRIPT =
      """
      () => {
        const out = [];
        const seen = new Set();
        const sel = 'h1,h2,h3,h4,p,li,td,th,dd,dt,label,[role=status],[role=alert],span,strong,em,a,button,caption,legend,output';
        // open shadow roots too: web-component apps keep their lists inside them
        const roots = [document.body];
        for (let i = 0; i < roots.length && i < 200; i++)
          for (const el of roots[i].querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
        for (const root of roots)
          for (const el of root.querySelectorAll(sel)) {
            if (el.closest('nav,script,style,template')) continue;
            // the page's footer is chrome; a footer inside a section or a web component's shadow
            // root is the widget's own (a list's "1 item left" and "Clear completed" in TodoMVC)
            const footer = el.closest('footer');
            if (footer && footer.getRootNode() === document && !(footer.parentElement && footer.parentElement.closest('article,aside,main,nav,section'))) continue;
            if (el.checkVisibility && !el.checkVisibility()) continue;
            const text = (el.innerText || '').replace(/\\s+/g, ' ').trim();
            if (!text || text.length > 120 || seen.has(text)) continue;
            seen.add(text);
            out.push(text);
          }
        return out;
      }
      """;

  private static final String SUBMITS_SCRIPT =
      """
      () => [...document.querySelectorAll('form button, form input[type=submit]')]
        .filter(b => !b.closest('nav,header,footer') && (b.type || 'submit') === 'submit')
        .filter(b => !b.checkVisibility || b.checkVisibility())
        .map(b => ((b.tagName === 'INPUT' ? b.value : b.innerText) || '').replace(/\\s+/g, ' ').trim())
        .filter(t => t)
      """;

  private final int lastStep;
  private final boolean readsRows;
  private NextPage.FirstRow firstRow;
  private String unique = "";
  private Set<String> before = Set.of();
  private boolean submitted;
  private boolean navigated;
  private Integer status;
  private final List<String> dialogs = new ArrayList<>();

  /** Requests the page sent since the action and that have not finished. */
  private final Set<Request> inFlight = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /** How many requests the page sent since the action. */
  private int requests;

  private LiveOutcome outcome;

  /**
   * @param lastStep index of the action whose outcome is read (the submit)
   * @param readsRows whether to read the page's main list's first row before and after it (a run
   *     that turns a list's page)
   */
  OutcomeReader(int lastStep, boolean readsRows) {
    this.lastStep = lastStep;
    this.readsRows = readsRows;
  }

  // a dialog counts from the step whose outcome is read: one raised before it (the page a shared
  // session's previous run left, an app's greeting) says nothing of what this run typed
  private final Consumer<Dialog> onDialog =
      d -> {
        if (submitted) dialogs.add(d.message());
        try {
          d.dismiss();
        } catch (PlaywrightException gone) {
          // already closed (Playwright dismisses a dialog that reaches a page as its listener is
          // removed at the end of a run): the dialog was seen, which is all a reader needs
        }
      };
  private final Consumer<Frame> onFrameNavigated =
      f -> {
        if (submitted && f.parentFrame() == null) navigated = true;
      };
  private final Consumer<Request> onRequest =
      r -> {
        if (!submitted) return;
        inFlight.add(r);
        requests++;
      };
  private final Consumer<Request> onRequestDone = inFlight::remove;
  private final Consumer<Response> onResponse =
      r -> {
        if (!submitted || !r.request().isNavigationRequest()) return;
        if (r.request().frame().parentFrame() != null) return;
        status = status == null ? r.status() : Math.max(status, r.status());
      };

  @Override
  public void opened(Page page, String unique) {
    this.unique = unique;
    page.onDialog(onDialog);
    page.onFrameNavigated(onFrameNavigated);
    page.onResponse(onResponse);
    page.onRequest(onRequest);
    page.onRequestFinished(onRequestDone);
    page.onRequestFailed(onRequestDone);
  }

  /** The next run on the same page has a reader of its own. */
  @Override
  public void finished(Page page) {
    page.offDialog(onDialog);
    page.offFrameNavigated(onFrameNavigated);
    page.offResponse(onResponse);
    page.offRequest(onRequest);
    page.offRequestFinished(onRequestDone);
    page.offRequestFailed(onRequestDone);
  }

  @Override
  public void beforeStep(Page page, int index) {
    if (index != lastStep) return;
    before = new LinkedHashSet<>(texts(page));
    if (readsRows) firstRow = NextPage.read(page);
    submitted = true;
  }

  @Override
  public void passed(Page page) {
    settle(page);
    List<String> after = texts(page);
    List<String> fresh = new ArrayList<>();
    for (String t : after) if (!before.contains(t)) fresh.add(generic(t));
    Set<String> still = new LinkedHashSet<>(after);
    List<String> gone = new ArrayList<>();
    // gone means gone for a text locator too: Playwright's getByText matches parts of texts,
    // ignoring case, so a text still inside another ("admin" in "Site administration") stays
    for (String t : before)
      if (!still.contains(t) && after.stream().noneMatch(a -> containsIgnoringCase(a, t)))
        gone.add(generic(t));
    List<ValidationMessage> messages = messages(page);
    boolean ran = !"undefined".equals(evaluate(page, "name => typeof window[name]", PROBE_GLOBAL));
    String heading = null;
    try {
      var h1 = page.locator("h1");
      if (h1.count() == 1) heading = h1.innerText().strip();
    } catch (PlaywrightException ignored) {
      // no heading to read
    }
    outcome =
        new LiveOutcome(
            true,
            null,
            page.url(),
            page.title(),
            status,
            // this run's own values first: a page that lists much (a record's page with all its
            // children) would otherwise cut off the one text that names what the run made
            fresh.stream()
                .sorted(java.util.Comparator.comparing(t -> !t.contains(TestData.UNIQUE)))
                .limit(MAX_TEXTS)
                .toList(),
            gone.stream().limit(MAX_TEXTS).toList(),
            messages,
            List.copyOf(dialogs),
            ran || !dialogs.isEmpty(),
            heading == null ? null : generic(heading),
            strings(evaluate(page, SUBMITS_SCRIPT, null)),
            firstRow == null ? null : NextPage.reread(page, firstRow));
  }

  private static boolean containsIgnoringCase(String text, String part) {
    return text.toLowerCase(java.util.Locale.ROOT)
        .contains(part.toLowerCase(java.util.Locale.ROOT));
  }

  LiveOutcome outcome(RunOutcome run) {
    if (outcome != null && run.passed()) return outcome;
    return new LiveOutcome(
        false,
        run.error(),
        null,
        null,
        status,
        List.of(),
        List.of(),
        List.of(),
        List.copyOf(dialogs),
        false,
        null,
        List.of(),
        null);
  }

  /** This run's values back as the token, so a later run's values match. */
  private String generic(String text) {
    return unique.isEmpty() ? text : text.replace(unique, TestData.UNIQUE);
  }

  /**
   * Waits until what the action started is over: the document loaded, the requests it sent done and
   * the DOM quiet ({@link DomQuiet}), again while the quiet time saw a new request start (a
   * debounced search, a render that fetches). Bounded: a page that keeps polling is read as it is.
   * Unlike Playwright's network idle, a page without scripts is read as soon as it has loaded.
   */
  private void settle(Page page) {
    long deadline = System.nanoTime() + SETTLE_MILLIS * 1_000_000L;
    try {
      page.waitForLoadState(LoadState.LOAD);
      int seen;
      do {
        seen = requests;
        requestsDone(page, deadline);
        DomQuiet.await(page, QUIET_MILLIS, java.time.Duration.ofMillis(SETTLE_MILLIS), null);
      } while (requests != seen && System.nanoTime() < deadline);
    } catch (PlaywrightException ignored) {
      // a page that keeps navigating: read it as it is
    }
  }

  /** Lets Playwright deliver the page's events until no request of the action is open. */
  private void requestsDone(Page page, long deadline) {
    while (!inFlight.isEmpty() && System.nanoTime() < deadline) page.waitForTimeout(20);
  }

  private static List<String> texts(Page page) {
    return strings(evaluate(page, TEXTS_SCRIPT, null));
  }

  @SuppressWarnings("unchecked")
  private static List<String> strings(Object raw) {
    return raw instanceof List<?> list ? List.copyOf((List<String>) list) : List.of();
  }

  private List<ValidationMessage> messages(Page page) {
    List<ValidationMessage> out = new ArrayList<>();
    for (ValidationMessage m : ValidationMessages.read(page, -1, navigated))
      out.add(new ValidationMessage(m.field(), generic(m.text()), m.source()));
    return out;
  }

  private static Object evaluate(Page page, String script, Object arg) {
    try {
      return arg == null ? page.evaluate(script) : page.evaluate(script, arg);
    } catch (PlaywrightException e) {
      return null;
    }
  }
}
