package io.testgen.worker.observation;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tries what a state offers besides links and forms, and records where each try led: buttons and
 * clickables, checkboxes outside forms, Enter in a loose text input (single-page apps create items
 * so), a double-click on a list item's text (edit mode), controls a hover over a list item reveals,
 * and hash-route links inside in-page states. After a try that changed the page, the state is
 * restored by replaying its path.
 */
final class ActionExplorer {
  private static final String ITEM_VISIBLE = "li:visible, [role=listitem]:visible";
  private static final List<String> TEXTUAL = List.of("text", "search", "email", "url", "tel");

  private final CrawlContext ctx;
  private final StateRecorder recorder;
  private final Replayer replayer;

  ActionExplorer(CrawlContext ctx, StateRecorder recorder, Replayer replayer) {
    this.ctx = ctx;
    this.recorder = recorder;
    this.replayer = replayer;
  }

  /**
   * One action to try: its step, the element it acts on, and steps that must come first; for a
   * target the state does not list, where tests find it and what they hover first.
   */
  private record Try(
      PathStep step,
      String elementId,
      List<PathStep> before,
      List<io.testgen.common.agents.observation.Locator> locators,
      List<io.testgen.common.agents.observation.Locator> hover) {
    Try(PathStep step, String elementId, List<PathStep> before) {
      this(step, elementId, before, List.of(), List.of());
    }

    StateRecorder.Target target() {
      return new StateRecorder.Target(elementId, locators, hover);
    }
  }

  void explore(
      PageSettler settler, PageSnapshot snap, String fp, String id, CrawlTask task, long deadline) {
    List<Try> tries = plan(snap, id, task);
    int tried = 0;
    for (Try t : tries) {
      if (tried >= ctx.settings().maxActionsPerState()
          || System.nanoTime() > deadline
          || ctx.stopping()) return;
      tried++;
      if (!tryOne(settler, fp, id, task, t)) return;
    }
    if (tried < ctx.settings().maxActionsPerState() && System.nanoTime() < deadline)
      for (Try t : itemTries(settler, snap, id)) {
        if (System.nanoTime() > deadline || ctx.stopping()) return;
        if (!tryOne(settler, fp, id, task, t)) return;
      }
  }

  /** Performs a try; false when the state could not be restored afterwards. */
  private boolean tryOne(PageSettler settler, String fp, String id, CrawlTask task, Try t) {
    PageSettler.Outcome out = null;
    for (PathStep step : t.before()) {
      out = replayer.act(settler, step);
      if (out.failed()) return replayer.loadAndReplay(settler, task) != null;
    }
    out = replayer.act(settler, t.step());
    ctx.model().countAction();
    if (out.failed() && !out.navigated()) return restoreIfMoved(settler, task, fp);
    PageSnapshot after = null;
    if (ctx.scope().sameOrigin(settler.page().url()))
      after = PageSnapshot.takeLight(settler.page(), ctx.settings().maxNodes());
    boolean changed =
        after == null || out.navigated() || !StateFingerprint.of(after.structure()).equals(fp);
    if (after != null && changed) {
      PathStep step = t.step();
      if (!t.before().isEmpty()) {
        // replays need the hover first: record both as one path
        CrawlTask via = withSteps(task, t.before());
        recorder.discover(via, id, t.target(), step, out, after, true);
      } else {
        recorder.discover(task, id, t.target(), step, out, after, true);
      }
    }
    return !changed || replayer.loadAndReplay(settler, task) != null;
  }

  private boolean restoreIfMoved(PageSettler settler, CrawlTask task, String fp) {
    try {
      PageSnapshot now = PageSnapshot.takeLight(settler.page(), ctx.settings().maxNodes());
      if (StateFingerprint.of(now.structure()).equals(fp)) return true;
    } catch (PlaywrightException e) {
      // fall through to a reload
    }
    return replayer.loadAndReplay(settler, task) != null;
  }

  private static CrawlTask withSteps(CrawlTask task, List<PathStep> extra) {
    List<PathStep> steps = new ArrayList<>(task.steps());
    steps.addAll(extra);
    return new CrawlTask(
        task.url(),
        List.copyOf(steps),
        task.depth(),
        task.fromStateId(),
        task.label(),
        task.score(),
        task.seq());
  }

  private List<Try> plan(PageSnapshot snap, String id, CrawlTask task) {
    List<PageSnapshot.RawElement> actions = new ArrayList<>();
    String here = UrlScope.normalise(snap.url());
    for (PageSnapshot.RawElement e : snap.elements()) {
      boolean clickable =
          ("button".equals(e.kind()) || "clickable".equals(e.kind())) && !e.submit();
      boolean looseInput = "input".equals(e.kind()) && e.formIndex() < 0;
      boolean enterInput = looseInput && isTextual(e.type()) && !"select".equals(e.tag());
      boolean box = looseInput && "checkbox".equals(e.type());
      boolean hashLink =
          "link".equals(e.kind())
              && !task.steps().isEmpty()
              && e.href() != null
              && isHashRoute(e.href())
              && !String.valueOf(UrlScope.normalise(e.href())).equals(here);
      if (clickable || enterInput || box || hashLink) actions.add(e);
    }
    GoalMatcher goal = ctx.goal();
    if (goal.active())
      actions.sort((a, b) -> Double.compare(goal.score(b.words()), goal.score(a.words())));
    Map<String, String> fills = looseInputFills(snap);
    List<Try> tries = new ArrayList<>();
    for (PageSnapshot.RawElement e : actions) {
      if (e.refused(ctx.request().allowDestructive())) {
        ctx.finding("skipped_destructive", task.url(), null, "click '" + e.words() + "'");
        continue;
      }
      boolean enter = "input".equals(e.kind()) && !"checkbox".equals(e.type());
      PathStep step =
          enter
              ? new PathStep(
                  "press_enter",
                  e.css(),
                  null,
                  null,
                  Map.of(e.css(), fills.getOrDefault(e.css(), "TestGen sample")),
                  "press Enter in '" + e.words() + "'")
              : new PathStep(
                  "click",
                  e.css(),
                  null,
                  null,
                  "input".equals(e.kind()) || "link".equals(e.kind()) ? Map.of() : fills,
                  clickLabel(e));
      tries.add(new Try(step, StateRecorder.elementId(id, e), List.of()));
    }
    return tries;
  }

  /**
   * Tries on the first list item: double-click on its label (edit mode), and the controls a hover
   * over it reveals. Found with Playwright's locators, which pierce open shadow roots.
   */
  private List<Try> itemTries(PageSettler settler, PageSnapshot snap, String id) {
    List<Try> tries = new ArrayList<>();
    Page page = settler.page();
    try {
      String label = "li:visible label:visible >> nth=0";
      if (page.locator(label).count() > 0)
        tries.add(
            new Try(
                new PathStep(
                    "dblclick", label, null, null, Map.of(), "double-click the first item's text"),
                null,
                List.of(),
                itemLocators(page.locator(label), "li label"),
                List.of()));
      Locator items = page.locator(ITEM_VISIBLE);
      int n = Math.min(items.count(), 5);
      for (int i = 0; i < n; i++) {
        Locator item = items.nth(i);
        if (item.locator("button").count() <= item.locator("button:visible").count()) continue;
        PathStep hover =
            new PathStep(
                "hover", ITEM_VISIBLE + " >> nth=" + i, null, null, Map.of(), "hover the item");
        replayer.act(settler, hover);
        PageSnapshot hovered =
            PageSnapshot.take(page, ctx.settings().maxNodes(), CrawlContext.MAX_CANDIDATES);
        Set<String> before = new HashSet<>();
        snap.elements().forEach(e -> before.add(e.css()));
        for (PageSnapshot.RawElement e : hovered.elements()) {
          if (!"button".equals(e.kind()) || before.contains(e.css())) continue;
          if (e.refused(ctx.request().allowDestructive())) {
            ctx.finding("skipped_destructive", snap.url(), null, "click '" + e.words() + "'");
            continue;
          }
          String words = e.words().isBlank() ? "the revealed button" : "'" + e.words() + "'";
          tries.add(
              new Try(
                  new PathStep(
                      "click", e.css(), null, null, Map.of(), "hover the item, click " + words),
                  StateRecorder.elementId(id, e),
                  List.of(hover),
                  LocatorRanker.rank(e),
                  itemLocators(item, "li:has(button)")));
          if (tries.size() >= 3) break;
        }
        break;
      }
    } catch (PlaywrightException e) {
      // the page changed under us: no item tries
    }
    return tries;
  }

  /**
   * Where a test finds a list item (or its text) that the state does not list: by its text as the
   * crawl saw it, then by a CSS fallback; tests prefer the text they typed themselves.
   */
  private static List<io.testgen.common.agents.observation.Locator> itemLocators(
      Locator item, String css) {
    List<io.testgen.common.agents.observation.Locator> out = new ArrayList<>();
    String text = item.innerText().strip().split("\\R", 2)[0].strip();
    if (!text.isEmpty() && text.length() <= 80)
      out.add(new io.testgen.common.agents.observation.Locator("text", text, null, false));
    out.add(io.testgen.common.agents.observation.Locator.css(css, false));
    return out;
  }

  /** "click 'Save'", or for an element without words "click the checkbox" (a todo's toggle). */
  private static String clickLabel(PageSnapshot.RawElement e) {
    if (!e.words().isBlank()) return "click '" + e.words() + "'";
    return "click the "
        + ("checkbox".equals(e.type()) || "radio".equals(e.type()) ? e.type() : e.tag());
  }

  private static boolean isHashRoute(String href) {
    int hash = href.indexOf('#');
    return hash >= 0 && hash + 1 < href.length() && "/!".indexOf(href.charAt(hash + 1)) >= 0;
  }

  static boolean isTextual(String type) {
    return type == null || type.isEmpty() || TEXTUAL.contains(type) || "number".equals(type);
  }

  /** Synthetic values for visible inputs outside forms ("add" controls read them). */
  private static Map<String, String> looseInputFills(PageSnapshot snap) {
    Map<String, String> fills = new LinkedHashMap<>();
    for (PageSnapshot.RawElement e : snap.elements()) {
      if (!"input".equals(e.kind())
          || e.formIndex() >= 0
          || !isTextual(e.type())
          || "select".equals(e.tag())) continue;
      PageSnapshot.RawField f =
          new PageSnapshot.RawField(
              e.name(),
              e.type() == null || e.type().isEmpty() ? "text" : e.type(),
              e.label(),
              false,
              null,
              null,
              null,
              null,
              null,
              List.of(),
              e.index(),
              true,
              e.hintText(),
              "",
              "");
      String v = SyntheticValues.validValue(f, "test");
      if (v != null) fills.put(e.css(), v);
    }
    return fills;
  }
}
