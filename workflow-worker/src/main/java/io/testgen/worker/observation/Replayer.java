package io.testgen.worker.observation;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import io.testgen.common.agents.observation.Finding;
import io.testgen.common.agents.observation.WriteInfo;
import io.testgen.worker.browser.DomQuiet;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a page to a task's state: loads its URL with the browser storage reset to the crawl's
 * baseline (so a single-page app's saved data does not drift between replays), then replays its
 * steps. Every non-GET submission it performs is recorded as a write.
 */
final class Replayer {
  private static final Logger log = LoggerFactory.getLogger(Replayer.class);
  private static final String STORAGE_SCRIPT =
      """
      (base) => {
        try {
          const now = JSON.stringify(Object.keys(localStorage).sort().map((k) => [k, localStorage.getItem(k)]));
          if (base === null) return now;
          if (now === base) return null;
          localStorage.clear();
          for (const [k, v] of JSON.parse(base)) localStorage.setItem(k, v);
          sessionStorage.clear();
          return 'reset';
        } catch (e) { return null; }
      }
      """;

  /** After a load: the storage check, and unless it reset the storage, the snapshot if asked. */
  private static final String AFTER_LOAD =
      "(a) => { if (a.base != null && ("
          + STORAGE_SCRIPT.strip()
          + ")(a.base) === 'reset')"
          + " return 'reset';"
          + " return a.snapshot ? ("
          + PageSnapshot.SCRIPT.strip()
          + ")(a.snapshot) : null; }";

  private final CrawlContext ctx;
  private volatile String storageBaseline = "[]";

  Replayer(CrawlContext ctx) {
    this.ctx = ctx;
  }

  /** Takes the page's current local storage as the baseline every load returns to. */
  void captureBaseline(Page page) {
    try {
      Object now = page.evaluate(STORAGE_SCRIPT, (Object) null);
      if (now instanceof String s) storageBaseline = s;
    } catch (PlaywrightException e) {
      // keep the empty baseline
    }
  }

  /** Loads the task's URL and replays its steps; the HTTP status, or null when it failed. */
  Integer loadAndReplay(PageSettler settler, CrawlTask task) {
    Integer status = open(settler, task);
    if (status == null) return null;
    if (errorPage(task, status)) {
      ctx.model().visited(task.url(), null);
      return null;
    }
    return replay(settler, task, status);
  }

  /**
   * As {@link #loadAndReplay}, for the first visit of a task: a page answering 4xx/5xx is a finding
   * and is still returned with its status, for the visitor to record the app's error page.
   */
  Integer loadForVisit(PageSettler settler, CrawlTask task) {
    Integer status = open(settler, task);
    return status == null ? null : replay(settler, task, status);
  }

  /**
   * Loads the task's URL with the storage reset; its HTTP status (an error page of a task without
   * steps is a finding), or null when it did not load. The storage check runs in the same round
   * trip as the settling wait, and for a task without steps so does the page's snapshot, which
   * {@link #loadedSnapshot} then hands out.
   */
  private Integer open(PageSettler settler, CrawlTask task) {
    boolean visit = task.steps().isEmpty();
    PageSettler.Outcome loaded = settler.load(task.url(), afterLoad(true, visit));
    // loaded again on the reset storage, which is then the page's to change
    if (!loaded.failed() && "reset".equals(settler.settledWith()))
      loaded = settler.load(task.url(), afterLoad(false, visit));
    if (loaded.failed()) {
      recordLoadFailure(task.url(), loaded.error());
      return null;
    }
    int status = loaded.status() == null ? 200 : loaded.status();
    if (errorPage(task, status)) ctx.finding("http_error", task.url(), status, "HTTP " + status);
    return status;
  }

  private static boolean errorPage(CrawlTask task, int status) {
    return status >= 400 && task.steps().isEmpty();
  }

  /** Replays the task's steps on the loaded page; the last status, or null when it failed. */
  private Integer replay(PageSettler settler, CrawlTask task, int status) {
    if (!ctx.scope().sameOrigin(settler.page().url())) return null;
    for (PathStep step : task.steps()) {
      PageSettler.Outcome out = act(settler, step);
      if (out.failed() && !out.navigated()) {
        log.info(
            "event=replay_failed workflow_id={} step={}",
            ctx.workflowId(),
            ctx.redactor().redact(step.label()));
        return null;
      }
      if (out.status() != null) status = out.status();
    }
    if (!ctx.scope().sameOrigin(settler.page().url())) return null;
    return status;
  }

  /** Performs one step and settles; what a submission sent besides GETs is recorded as writes. */
  PageSettler.Outcome act(PageSettler settler, PathStep step) {
    PageSettler.Outcome out = settler.act(p -> perform(p, step));
    if ("submit".equals(step.action())) recordWrites(settler, step.formId(), out);
    return out;
  }

  /**
   * Records the non-GET requests the last action sent: method, URL, and for a document request the
   * page the app answered with or redirected to (the created record).
   */
  void recordWrites(PageSettler settler, String formId, PageSettler.Outcome out) {
    for (PageSettler.SentWrite w : settler.sentWrites()) {
      String resultUrl = w.navigation() && out.navigated() ? UrlScope.normalise(out.url()) : null;
      ctx.model()
          .addWrite(
              new WriteInfo(
                  w.method(),
                  ctx.redactor().redact(UrlScope.normalise(w.url())),
                  ctx.redactor().redact(resultUrl),
                  formId,
                  w.navigation() ? out.status() : null));
    }
  }

  static void perform(Page page, PathStep step) {
    FormProber.fill(page, step.fills());
    Locator target = step.css() == null ? null : page.locator(step.css()).first();
    switch (step.action()) {
      case "submit" -> FormProber.submit(page, step.formIndex(), step.css());
      case "press_enter" -> target.press("Enter", new Locator.PressOptions().setTimeout(3000));
      case "dblclick" -> target.dblclick(new Locator.DblclickOptions().setTimeout(3000));
      case "hover" -> target.hover(new Locator.HoverOptions().setTimeout(3000));
      default -> target.click(new Locator.ClickOptions().setTimeout(3000));
    }
  }

  /**
   * What runs in a page just loaded: the storage check if asked ({@code "reset"} when it had to
   * reset), then for a {@code visit} the snapshot.
   */
  private DomQuiet.InPage afterLoad(boolean check, boolean visit) {
    Map<String, Object> arg = new HashMap<>();
    if (check) arg.put("base", storageBaseline);
    if (visit)
      arg.put(
          "snapshot",
          Map.of(
              "maxNodes", ctx.settings().maxNodes(), "maxCandidates", CrawlContext.MAX_CANDIDATES));
    return new DomQuiet.InPage(AFTER_LOAD, arg);
  }

  /**
   * The snapshot taken with the settler's last load of a task without steps, when the storage
   * needed no reset; else null (take one).
   */
  static PageSnapshot loadedSnapshot(PageSettler settler) {
    return settler.settledWith() instanceof String json && json.startsWith("{")
        ? PageSnapshot.of(json)
        : null;
  }

  private void recordLoadFailure(String url, String error) {
    String e = error == null ? "" : error;
    if (e.contains("ERR_BLOCKED_BY_CLIENT")) return; // the guard recorded why
    CrawlModel model = ctx.model();
    if (e.contains("ERR_TIMED_OUT") || e.toLowerCase().contains("timeout"))
      model.addFinding(new Finding("timeout", url, null, "page did not load in time"));
    else if (e.contains("ERR_TOO_MANY_REDIRECTS"))
      model.addFinding(new Finding("redirect_loop", url, null, "too many redirects"));
    else if (e.contains("Download is starting"))
      model.addFinding(new Finding("page_failed", url, null, "the URL answers with a download"));
    else model.addFinding(new Finding("http_error", url, null, ctx.redactor().redact(e)));
  }
}
