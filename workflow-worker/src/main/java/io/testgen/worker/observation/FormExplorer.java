package io.testgen.worker.observation;

import io.testgen.common.agents.observation.ElementInfo;
import io.testgen.common.agents.observation.FieldInfo;
import io.testgen.common.agents.observation.FormInfo;
import io.testgen.common.agents.observation.FormSubmission;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Records the forms of a new state and submits those the {@link FormPolicy} allows, once per
 * distinct form: with valid values, with required fields empty, and (GET forms) empty, which lists
 * everything a search can find. Where a submission led joins the frontier; every non-GET submission
 * is recorded as a write.
 */
final class FormExplorer {
  private final CrawlContext ctx;
  private final StateRecorder recorder;
  private final Replayer replayer;
  private final LoginSession login;

  FormExplorer(CrawlContext ctx, StateRecorder recorder, Replayer replayer, LoginSession login) {
    this.ctx = ctx;
    this.recorder = recorder;
    this.replayer = replayer;
    this.login = login;
  }

  void explore(
      PageSettler settler, PageSnapshot snap, String fp, String id, CrawlTask task, long deadline) {
    PathStep last = task.steps().isEmpty() ? null : task.steps().get(task.steps().size() - 1);
    Set<String> lastFormFields =
        last != null && "submit".equals(last.action()) && last.fills() != null
            ? last.fills().keySet()
            : Set.of();
    String hint = searchHint(snap);
    int n = 0;
    for (PageSnapshot.RawForm f : snap.forms()) {
      if (!f.visible()) continue;
      if (++n > ctx.settings().maxFormsPerState()) break;
      String formId = recorder.formId(id, f, n);
      if (ctx.model().hasForm(formId)) continue; // the same form on another state
      String purpose = FormPolicy.purpose(snap, f, snap.url(), signedInAs());
      List<FieldInfo> fields = recorder.fields(id, snap, f);
      PageSnapshot.RawElement submit = snap.element(f.submitIndex());
      ElementInfo submitInfo = submit == null ? null : StateRecorder.elementInfo(id, submit);
      String formWords = submit != null && !submit.words().isBlank() ? submit.words() : purpose;
      List<FormSubmission> submissions = new ArrayList<>();
      FormPolicy.Refusal refusal = ctx.forms().refuse(purpose, f.method(), snap.url());
      if (refusal != null) {
        String why = refusal.reason().isEmpty() ? "" : " (" + refusal.reason() + ")";
        ctx.finding(refusal.findingKind(), task.url(), null, "submit '" + formWords + "'" + why);
      } else if (!sameForm(snap, f, lastFormFields)
          && ctx.model().claimFormProbe(StateRecorder.signature(f))) {
        for (String kind : kinds(f, purpose)) {
          if (System.nanoTime() > deadline || ctx.stopping()) break;
          FormSubmission s =
              submit(settler, snap, f, fp, id, task, kind, formId, formWords + "|" + purpose, hint);
          if (s == null) break;
          submissions.add(s);
        }
      }
      ctx.model()
          .addForm(
              new FormInfo(
                  formId,
                  id,
                  f.action(),
                  f.method(),
                  purpose,
                  List.copyOf(fields),
                  submitInfo,
                  List.copyOf(submissions)));
    }
  }

  /** The user name this run signs in with, or null. */
  private String signedInAs() {
    return ctx.request().loginCredentials() == null
        ? null
        : ctx.request().loginCredentials().username();
  }

  private List<String> kinds(PageSnapshot.RawForm f, String purpose) {
    List<String> kinds = new ArrayList<>();
    if (!("login".equals(purpose) && login.enabled())) kinds.add(FormProber.VALID);
    if (f.fields().stream().anyMatch(x -> x.required() && x.visible()))
      kinds.add(FormProber.EMPTY_REQUIRED);
    else if (FormPolicy.isGet(f.method())
        && f.fields().stream().anyMatch(x -> x.visible() && !"hidden".equals(x.type())))
      kinds.add(FormProber.EMPTY);
    return kinds;
  }

  /** One submission and what it led to; null when the state could not be restored after it. */
  private FormSubmission submit(
      PageSettler settler,
      PageSnapshot snap,
      PageSnapshot.RawForm f,
      String fp,
      String id,
      CrawlTask task,
      String kind,
      String formId,
      String wordsAndPurpose,
      String hint) {
    String formWords = wordsAndPurpose.substring(0, wordsAndPurpose.lastIndexOf('|'));
    String purpose = wordsAndPurpose.substring(wordsAndPurpose.lastIndexOf('|') + 1);
    FormProber.Plan plan = FormProber.plan(snap, f, kind, hint);
    String label =
        "submit '"
            + formWords
            + "'"
            + switch (kind) {
              case FormProber.EMPTY_REQUIRED -> " with required fields empty";
              case FormProber.EMPTY -> " with every field empty";
              default -> "";
            };
    PageSnapshot.RawElement submit = snap.element(f.submitIndex());
    PathStep step =
        new PathStep(
            "submit",
            submit == null ? null : submit.css(),
            f.index(),
            kind,
            plan.fills(),
            label,
            f.method(),
            formId);
    FormProber.Probe probe =
        FormProber.probe(
            settler,
            snap,
            f,
            step,
            plan.shown(),
            ctx.settings().maxNodes(),
            CrawlContext.MAX_CANDIDATES);
    ctx.model().countAction();
    replayer.recordWrites(settler, formId, probe.outcome());
    FormSubmission s = probe.submission();
    String resultId = null;
    boolean changed =
        probe.after() == null
            || probe.outcome().navigated()
            || !StateFingerprint.of(probe.after().structure()).equals(fp);
    if (probe.after() != null && changed) {
      boolean success = FormProber.VALID.equals(kind) && s.validationMessages().isEmpty();
      String words = label + " " + purpose + " " + String.join(" ", plan.shown().values());
      String elementId = submit == null ? null : StateRecorder.elementId(id, submit);
      resultId =
          recorder.discover(task, id, elementId, step, probe.outcome(), probe.after(), success);
      if (success && resultId != null)
        recorder.considerGoal(
            words, id, resultId, label, s.httpStatus() == null || s.httpStatus() < 400);
    }
    FormSubmission recorded =
        new FormSubmission(
            s.kind(),
            s.values(),
            UrlScope.normalise(s.resultUrl()),
            s.urlChanged(),
            resultId,
            s.httpStatus(),
            s.validationMessages(),
            s.newTexts());
    if (changed && replayer.loadAndReplay(settler, task) == null) return null;
    return recorded;
  }

  /** Whether {@code f} is the form whose submission produced this state (its error page). */
  private static boolean sameForm(
      PageSnapshot snap, PageSnapshot.RawForm f, Set<String> lastFields) {
    if (lastFields.isEmpty()) return false;
    Set<String> fields = new HashSet<>();
    for (PageSnapshot.RawField field : f.fields()) {
      PageSnapshot.RawElement e = snap.element(field.elementIndex());
      if (e != null) fields.add(e.css());
    }
    for (String key : lastFields)
      if (fields.contains(key.replaceFirst("^(select|check):", ""))) return true;
    return false;
  }

  private static String searchHint(PageSnapshot snap) {
    String hintText =
        snap.elements().stream()
            .filter(
                e -> "input".equals(e.kind()) && e.hintText() != null && !e.hintText().isBlank())
            .map(PageSnapshot.RawElement::hintText)
            .filter(p -> p.toLowerCase().startsWith("e.g") || p.toLowerCase().startsWith("try"))
            .findFirst()
            .orElse(null);
    List<String> words = new ArrayList<>();
    snap.elements().stream()
        .filter(e -> "link".equals(e.kind()))
        .forEach(e -> words.add(e.words()));
    return SyntheticValues.searchHint(hintText, words);
  }
}
