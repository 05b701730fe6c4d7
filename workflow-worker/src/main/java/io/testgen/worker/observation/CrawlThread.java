package io.testgen.worker.observation;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.options.HttpCredentials;
import io.testgen.common.security.TargetPolicy;
import io.testgen.worker.browser.BrowserPool;
import io.testgen.worker.browser.ContextLease;
import io.testgen.worker.browser.Dialogs;
import io.testgen.worker.browser.NavigationGuard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One crawl thread: its own guarded browser context and page, taking tasks from the frontier until
 * it is exhausted or the crawl stops. The first thread logs in; the others wait for its session. A
 * task that fails ends as a finding, never the thread.
 */
final class CrawlThread implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(CrawlThread.class);

  private final CrawlContext ctx;
  private final BrowserPool pool;
  private final TargetPolicy policy;
  private final LoginSession login;
  private final Replayer replayer;
  private final TaskVisitor visitor;
  private final boolean first;

  CrawlThread(
      CrawlContext ctx,
      BrowserPool pool,
      TargetPolicy policy,
      LoginSession login,
      Replayer replayer,
      TaskVisitor visitor,
      boolean first) {
    this.ctx = ctx;
    this.pool = pool;
    this.policy = policy;
    this.login = login;
    this.replayer = replayer;
    this.visitor = visitor;
    this.first = first;
  }

  @Override
  public void run() {
    ContextLease lease = null;
    MDC.put("workflow_id", ctx.workflowId());
    try {
      if (!first) login.awaitLogin();
      lease = newContext();
      Page page = lease.context().newPage();
      PageSettler settler =
          new PageSettler(
              page,
              ctx.settings().pageTimeout(),
              ctx.settings().quietMillis(),
              (url, text) ->
                  ctx.finding(
                      text.startsWith(Dialogs.NOTICE) ? "dialog" : "console_error",
                      url,
                      null,
                      text.startsWith(Dialogs.NOTICE)
                          ? text.substring(Dialogs.NOTICE.length())
                          : text));
      if (first) login.loginFirst(settler, lease.context(), replayer);
      CrawlTask task;
      while (!ctx.stopping() && (task = ctx.model().take()) != null) {
        long taskStart = System.nanoTime();
        try {
          visitor.visit(settler, task);
          log.debug(
              "event=task_done workflow_id={} url={} steps={} ms={}",
              ctx.workflowId(),
              ctx.redactor().redact(task.url()),
              task.steps().size(),
              (System.nanoTime() - taskStart) / 1_000_000);
        } catch (RuntimeException e) {
          // one page, element or action never ends the crawl: a finding, and go on
          if (ctx.stopping() || Thread.currentThread().isInterrupted()) break;
          String error = PageSettler.shortError(e);
          ctx.finding("page_failed", task.url(), null, pageFailure(task, e, error));
          log.warn(
              "event=crawl_task_failed workflow_id={} url={} error={}",
              ctx.workflowId(),
              ctx.redactor().redact(task.url()),
              ctx.redactor().redact(error));
          // a fresh page only when this one is gone: a call on a page whose driver stopped
          // answering would hang here too
          if (settler.page().isClosed() || error.contains("crashed")) renew(settler);
        } finally {
          ctx.model().done(task);
        }
      }
    } catch (InterruptedException e) {
      // cancelled: fall through to close the context
    } catch (PlaywrightException e) {
      if (!ctx.stopping()) throw e;
    } finally {
      if (first) login.release(); // never leave the others waiting for a login
      Thread.interrupted(); // a pending interrupt would stop the close below
      if (lease != null) lease.close();
      pool.releaseThread();
      MDC.remove("workflow_id");
    }
  }

  private static String pageFailure(CrawlTask task, RuntimeException e, String error) {
    String where = task.steps().isEmpty() ? "loading the page" : "replaying " + task.label();
    String what =
        e instanceof PlaywrightException ? error : e.getClass().getSimpleName() + ": " + error;
    return "failed while " + where + " or exploring it: " + what;
  }

  private static void renew(PageSettler settler) {
    try {
      settler.renew();
    } catch (PlaywrightException e) {
      // the context itself is gone; the next task's load will say so
    }
  }

  private ContextLease newContext() {
    Browser.NewContextOptions options =
        new Browser.NewContextOptions().setViewportSize(1280, 800).setLocale("en-US");
    var http = ctx.request().httpCredentials();
    if (http != null)
      options.setHttpCredentials(new HttpCredentials(http.username(), http.password()));
    if (login.storageState() != null) options.setStorageState(login.storageState());
    NavigationGuard guard =
        new NavigationGuard(
            policy,
            ctx.scope().origin(),
            ctx.model()::addFinding,
            ctx.settings().maxDocumentBytes(),
            ctx.settings().pageTimeout());
    ContextLease lease = pool.acquireContext(guard, options);
    lease.context().addInitScript(Dialogs.SUPPRESS);
    // links with target=_blank and window.open would pile up pages nobody looks at
    lease
        .context()
        .onPage(
            p -> {
              if (p.opener() != null) p.close();
            });
    return lease;
  }
}
