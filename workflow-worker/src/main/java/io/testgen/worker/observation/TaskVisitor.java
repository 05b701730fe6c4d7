package io.testgen.worker.observation;

import io.testgen.common.agents.observation.Finding;

/**
 * One task of the frontier: brings the page to the task's state (logging in again if the session
 * was lost), records the state, queues its links, and for a state seen first explores its actions
 * and forms within the state's time budget.
 */
final class TaskVisitor {
  private final CrawlContext ctx;
  private final Replayer replayer;
  private final StateRecorder recorder;
  private final LoginSession login;
  private final ActionExplorer actions;
  private final FormExplorer forms;

  TaskVisitor(
      CrawlContext ctx,
      Replayer replayer,
      StateRecorder recorder,
      LoginSession login,
      ActionExplorer actions,
      FormExplorer forms) {
    this.ctx = ctx;
    this.replayer = replayer;
    this.recorder = recorder;
    this.login = login;
    this.actions = actions;
    this.forms = forms;
  }

  void visit(PageSettler settler, CrawlTask task) {
    CrawlModel model = ctx.model();
    if (!model.countPage()) return;
    model.currentUrl(task.url());
    Integer status = replayer.loadForVisit(settler, task);
    if (status == null) return;
    PageSnapshot snap = snapshot(settler, task);
    if (login.loggedOut(snap, task.url())) {
      if (!login.relogin(settler, settler.page().url())) return;
      status = replayer.loadForVisit(settler, task);
      if (status == null) return;
      snap = snapshot(settler, task);
    }
    boolean errorPage = status >= 400;
    if (errorPage && !rendersPage(snap)) {
      // a bare error answer (no title, no heading): the finding says it all
      model.visited(task.url(), null);
      return;
    }
    StateRecorder.Seen seen = recorder.record(settler.page(), snap, task, status);
    if (seen.isNew())
      // the action's own words decide, not the page's (a "New task" heading is no new task)
      recorder.considerGoal(
          task.label(), task.fromStateId(), seen.id(), task.label(), status < 400);
    followLinks(snap, seen.id(), task);
    // the app's error page is a state users see and its links lead on; nothing on it is tried
    if (errorPage) return;
    if (!seen.isNew()) {
      // another instance of a known state: only forms never seen before are worth a look
      long deadline = System.nanoTime() + ctx.settings().stateBudget().toNanos() / 4;
      forms.explore(settler, snap, seen.fingerprint(), seen.id(), task, deadline);
      return;
    }
    long budget = ctx.settings().stateBudget().toNanos();
    long deadline = System.nanoTime() + budget;
    if (snap.nodeCount() > ctx.settings().maxNodes()) {
      // every action on a page this size costs seconds: look, but try only a few
      model.addFinding(
          new Finding(
              "too_large",
              task.url(),
              status,
              snap.nodeCount() + " elements; snapshot and actions limited"));
      deadline = Math.min(deadline, System.nanoTime() + budget / 8);
    }
    actions.explore(settler, snap, seen.fingerprint(), seen.id(), task, deadline);
    forms.explore(settler, snap, seen.fingerprint(), seen.id(), task, deadline);
  }

  /**
   * The snapshot taken with the load of a task without steps, else a new one; when the page
   * navigated under the script (a reload), once more after settling.
   */
  private PageSnapshot snapshot(PageSettler settler, CrawlTask task) {
    PageSnapshot loaded = task.steps().isEmpty() ? Replayer.loadedSnapshot(settler) : null;
    if (loaded != null) return loaded;
    try {
      return PageSnapshot.take(
          settler.page(), ctx.settings().maxNodes(), CrawlContext.MAX_CANDIDATES);
    } catch (com.microsoft.playwright.PlaywrightException e) {
      settler.quiet();
      return PageSnapshot.take(
          settler.page(), ctx.settings().maxNodes(), CrawlContext.MAX_CANDIDATES);
    }
  }

  /** Whether an error answer is a page of the app (a title or a heading), not a bare message. */
  private static boolean rendersPage(PageSnapshot snap) {
    return (snap.title() != null && !snap.title().isBlank())
        || snap.headings().stream().anyMatch(h -> h.text() != null && !h.text().isBlank());
  }

  private void followLinks(PageSnapshot snap, String id, CrawlTask task) {
    for (PageSnapshot.RawElement e : snap.elements()) {
      if (!"link".equals(e.kind()) || e.href() == null) continue;
      String url = UrlScope.normalise(e.href());
      if (url == null || !ctx.scope().sameOrigin(url)) continue;
      String label = "click link '" + e.words() + "'";
      if (e.refused(ctx.request().allowDestructive())) {
        ctx.model().addFinding(new Finding("skipped_destructive", url, null, label));
        continue;
      }
      ctx.model().addLinkEdge(new LinkEdge(id, url, StateRecorder.elementId(id, e), label));
      if (task.depth() < ctx.request().maxDepth())
        ctx.model()
            .offerUrl(url, task.depth() + 1, id, label, ctx.goal().score(e.words() + " " + url));
    }
  }
}
