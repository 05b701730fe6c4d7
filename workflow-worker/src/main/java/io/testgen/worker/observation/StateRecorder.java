package io.testgen.worker.observation;

import com.microsoft.playwright.Page;
import io.testgen.common.agents.observation.ElementInfo;
import io.testgen.common.agents.observation.FieldInfo;
import io.testgen.common.agents.observation.GoalOutcome;
import io.testgen.common.agents.observation.StateInfo;
import io.testgen.common.agents.observation.Transition;
import io.testgen.common.artifacts.ArtifactPaths;
import io.testgen.worker.artifacts.ArtifactStore;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what a page shows into the model: a state with its elements, forms and screenshot, and
 * where an action or submission led (a transition, and the new state queued for exploration with
 * its depth, as a URL when one reproduces it, else as a replay of the steps).
 */
final class StateRecorder {
  private static final Logger log = LoggerFactory.getLogger(StateRecorder.class);

  /** A state as seen on one visit; {@code isNew} when this visit found it first. */
  record Seen(String id, String fingerprint, boolean isNew) {}

  private final CrawlContext ctx;
  private final ArtifactStore artifacts;

  StateRecorder(CrawlContext ctx, ArtifactStore artifacts) {
    this.ctx = ctx;
    this.artifacts = artifacts;
  }

  /** Records the state a task's page shows (or another instance URL of a known one). */
  Seen record(Page page, PageSnapshot snap, CrawlTask task, int status) {
    String fp = StateFingerprint.of(snap.structure(), task.steps().isEmpty() ? status : null);
    String id = StateFingerprint.stateId(fp);
    if (task.steps().isEmpty()) {
      ctx.model().visited(task.url(), id);
      ctx.model().visited(UrlScope.normalise(page.url()), id);
    }
    StateInfo state = buildState(snap, fp, id, task, status);
    boolean isNew =
        ctx.model()
            .register(
                state, ctx.settings().maxInstancesPerTemplate(), task.fromStateId(), task.label());
    if (isNew) screenshot(page, state);
    return new Seen(id, fp, isNew);
  }

  /**
   * Records where an action led and queues the new state for exploration; returns its id. A
   * document reachable by URL is queued as a URL, anything else as a replay of the steps.
   */
  String discover(
      CrawlTask task,
      String fromId,
      String elementId,
      PathStep step,
      PageSettler.Outcome out,
      PageSnapshot after,
      boolean success) {
    return discover(
        task, fromId, new Target(elementId, List.of(), List.of()), step, out, after, success);
  }

  /**
   * What an action acted on: an element of the state, or (for targets the state does not list)
   * where tests find it and what they hover first.
   */
  record Target(
      String elementId,
      List<io.testgen.common.agents.observation.Locator> locators,
      List<io.testgen.common.agents.observation.Locator> hover) {}

  String discover(
      CrawlTask task,
      String fromId,
      Target target,
      PathStep step,
      PageSettler.Outcome out,
      PageSnapshot after,
      boolean success) {
    if (out.status() != null && out.status() >= 500) {
      ctx.finding("http_error", after.url(), out.status(), "after " + step.label());
      return null;
    }
    if (!ctx.scope().sameOrigin(after.url())) return null; // blocked or off-origin: guard said why
    // a page reached by URL is recorded with its status when visited: name it the same way here
    String fp2 = StateFingerprint.of(after.structure(), out.reachableByUrl() ? out.status() : null);
    String id2 = StateFingerprint.stateId(fp2);
    CrawlModel model = ctx.model();
    model.addTransition(
        new Transition(
            fromId,
            id2,
            step.action(),
            target.elementId(),
            step.label(),
            target.locators(),
            target.hover()));
    boolean realNavigation = out.status() != null;
    if (realNavigation && !id2.equals(fromId))
      model.addTransition(new Transition(id2, fromId, "back", null, "go back"));
    double score = ctx.goal().score(step.label());
    boolean depthOk = task.depth() < ctx.request().maxDepth() + 1;
    String url = UrlScope.normalise(after.url());
    if (depthOk && realNavigation && out.reachableByUrl() && url != null) {
      // a page a form or action led to joins the frontier like a link (other instances too)
      model.offerUrl(url, task.depth() + 1, fromId, step.label(), score);
    } else if (depthOk && model.claim(fp2)) {
      List<PathStep> steps = new ArrayList<>(task.steps());
      steps.add(step);
      model.offerSteps(
          task.url(), List.copyOf(steps), task.depth() + 1, fromId, step.label(), score);
    }
    boolean ok = success && (out.status() == null || out.status() < 400);
    considerGoal(step.label(), fromId, id2, step.label(), ok);
    return id2;
  }

  void considerGoal(String words, String fromId, String toId, String label, boolean success) {
    GoalMatcher goal = ctx.goal();
    if (!goal.active() || !success || label == null) return;
    if (!goal.fulfils(words)) return;
    List<String> flow = new ArrayList<>(fromId == null ? List.of() : ctx.model().flowTo(fromId));
    flow.add(label);
    ctx.model()
        .offerGoal(
            new GoalOutcome(
                goal.instruction(), true, List.copyOf(flow), toId, "reached by " + label));
  }

  // ---- a state and its elements

  static String elementId(String stateId, PageSnapshot.RawElement e) {
    return "E-"
        + StateFingerprint.sha256(
                stateId + "|" + e.kind() + "|" + e.role() + "|" + e.name() + "|" + e.css())
            .substring(0, 8);
  }

  static ElementInfo elementInfo(String stateId, PageSnapshot.RawElement e) {
    return new ElementInfo(
        elementId(stateId, e),
        e.kind(),
        e.tag(),
        e.role(),
        e.name(),
        e.text(),
        e.href(),
        LocatorRanker.rank(e));
  }

  StateInfo buildState(PageSnapshot snap, String fp, String id, CrawlTask task, int status) {
    List<ElementInfo> links = new ArrayList<>();
    List<ElementInfo> buttons = new ArrayList<>();
    List<ElementInfo> inputs = new ArrayList<>();
    int kept = 0;
    for (PageSnapshot.RawElement e : snap.elements()) {
      if (kept >= ctx.settings().maxElementsPerState()) break;
      kept++;
      ElementInfo info = elementInfo(id, e);
      switch (e.kind()) {
        case "link" -> links.add(info);
        case "input" -> inputs.add(info);
        default -> buttons.add(info);
      }
    }
    List<String> formIds = new ArrayList<>();
    int n = 0;
    for (PageSnapshot.RawForm f : snap.forms()) {
      if (!f.visible()) continue;
      if (++n > ctx.settings().maxFormsPerState()) break;
      String formId = formId(id, f, n);
      if (!formIds.contains(formId)) formIds.add(formId);
    }
    String url = task.steps().isEmpty() ? UrlScope.normalise(snap.url()) : task.url();
    return new StateInfo(
        id,
        fp,
        url,
        snap.title(),
        task.depth(),
        task.steps().isEmpty() ? status : null,
        snap.headings(),
        links,
        buttons,
        inputs,
        formIds,
        List.of(url),
        ctx.settings().screenshots() ? screenshotRef(id) : null,
        task.steps().stream().map(PathStep::label).toList(),
        snap.accessibility(),
        snap.prose());
  }

  List<FieldInfo> fields(String id, PageSnapshot snap, PageSnapshot.RawForm f) {
    List<FieldInfo> fields = new ArrayList<>();
    for (PageSnapshot.RawField field : f.fields()) {
      PageSnapshot.RawElement e = snap.element(field.elementIndex());
      fields.add(
          new FieldInfo(
              e == null ? null : elementId(id, e),
              field.name(),
              field.type(),
              field.label(),
              field.required(),
              field.pattern(),
              field.min(),
              field.max(),
              field.minLength(),
              field.maxLength(),
              field.options(),
              e == null ? List.of() : LocatorRanker.rank(e)));
    }
    return List.copyOf(fields);
  }

  /**
   * The id of the {@code n}th visible form of a state: one id per distinct form (action pattern,
   * method and field names), so a logout or search form in every page's header is one form.
   */
  String formId(String stateId, PageSnapshot.RawForm f, int n) {
    return ctx.model().formIdFor(signature(f), "F-" + stateId.substring(2) + "-" + n);
  }

  static String signature(PageSnapshot.RawForm f) {
    String action = UrlScope.normalise(f.action() == null ? "" : f.action());
    return f.method()
        + " "
        + (action == null ? "" : UrlScope.pattern(action))
        + " "
        + f.fields().stream().map(PageSnapshot.RawField::name).collect(Collectors.joining(","));
  }

  private String screenshotRef(String stateId) {
    return ArtifactPaths.runDir(ctx.workflowId()) + "/screenshots/" + stateId + ".png";
  }

  void screenshot(Page page, StateInfo state) {
    if (!ctx.settings().screenshots() || artifacts == null) return;
    try {
      byte[] png = page.screenshot(new Page.ScreenshotOptions().setTimeout(5000));
      artifacts.write(state.screenshotRef(), png);
    } catch (RuntimeException e) {
      log.info(
          "event=screenshot_failed workflow_id={} state_id={}", ctx.workflowId(), state.stateId());
    }
  }

  /** {@code s} with other instance URLs. */
  static StateInfo withInstances(StateInfo s, List<String> urls) {
    return with(s, s.formIds(), urls);
  }

  /** {@code s} with other form ids and instance URLs. */
  static StateInfo with(StateInfo s, List<String> formIds, List<String> urls) {
    return new StateInfo(
        s.stateId(),
        s.fingerprint(),
        s.url(),
        s.title(),
        s.depth(),
        s.httpStatus(),
        s.headings(),
        s.links(),
        s.buttons(),
        s.inputs(),
        List.copyOf(formIds),
        List.copyOf(urls),
        s.screenshotRef(),
        s.path(),
        s.accessibility(),
        s.prose());
  }
}
