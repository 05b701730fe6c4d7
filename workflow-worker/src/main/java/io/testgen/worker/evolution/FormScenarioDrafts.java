package io.testgen.worker.evolution;

import io.testgen.common.agents.evolution.TestStep;
import io.testgen.common.agents.observation.FieldInfo;
import io.testgen.common.agents.observation.FormInfo;
import io.testgen.common.agents.observation.FormSubmission;
import io.testgen.common.agents.observation.ValidationMessage;
import io.testgen.common.agents.requirements.Scenario;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Drafts the tests of scenarios that submit a form: the happy path, a required field left empty, an
 * invalid value, a search, a login, a security probe. An observed submission gives the outcome to
 * assert; without one the scenario is run live and its outcome learned.
 */
final class FormScenarioDrafts {
  /** Submission kinds of an observed successful login. */
  static final List<String> LOGIN_SUCCESS = List.of("login", "login_success", "valid");

  private static final List<String> LOGIN_FAILURE =
      List.of("login_failure", "invalid", "invalid_credentials");
  static final String SCRIPT =
      "<script>window." + OutcomeReader.PROBE_GLOBAL + "='" + TestData.UNIQUE + "'</script>";

  private final ObservedApp app;
  private final FormSteps forms;

  FormScenarioDrafts(ObservedApp app, FormSteps forms) {
    this.app = app;
    this.forms = forms;
  }

  /**
   * REQ-FORM-...-HAPPY and a goal with a form: the observed valid submission's outcome is asserted;
   * a form Observation did not submit is run live first and its outcome learned.
   */
  TestDraft happyPath(Scenario s) {
    if (s.scenarioId().equals("REQ-GOAL")
        && ObservedApp.evidence(s, ObservedApp.Evidence.FORMS).isEmpty())
      throw new ScenarioSkip("goal flow has no form to replay and no outcome");
    FormInfo form = app.form(s);
    // A form that makes a record types a unique name (the crawl typed its own values): what the
    // app shows for this run's record is learnt live, and only that is asserted.
    if (ObservedApp.nullSafe(s.tags())
        .contains(io.testgen.common.agents.requirements.ScenarioVocabulary.TAG_OWN_RECORD))
      return TestDraft.live(forms.live(LiveRun.Expect.ACCEPT, s, form, null));
    // An observed submission the app rejected is no success to assert: learn it live, where the
    // values are adjusted from the app's own messages.
    return observedOrLive(
        s, form, submission(form, sub -> "valid".equals(sub.kind()) && accepted(sub)));
  }

  /** Whether the app took a submission: no validation message, no error status. */
  private static boolean accepted(FormSubmission sub) {
    return ObservedApp.nullSafe(sub.validationMessages()).isEmpty()
        && (sub.httpStatus() == null || sub.httpStatus() < 400);
  }

  /**
   * REQ-SEARCH-: a search with this scenario's query shows what the observed search showed; a query
   * Observation did not try (a term that matches nothing, a term from a listed record) is run live.
   */
  TestDraft search(Scenario s) {
    FormInfo form = app.form(s);
    Map<String, String> data = ObservedApp.nullSafe(s.testData());
    // The submission whose typed values are this scenario's query: its outcome is what we assert.
    return observedOrLive(
        s,
        form,
        submission(
            form,
            sub ->
                sub.values() != null && !sub.values().isEmpty() && sameValues(sub.values(), data)));
  }

  /**
   * REQ-LOGIN-...-SUCCESS|FAILURE: the observed login outcome, credentials from the environment. A
   * wrong password the crawl never tried (it signs in to explore) is tried live: the app must stay
   * on the form and say so.
   */
  TestDraft login(Scenario s) {
    FormInfo form = app.form(s);
    boolean success = s.scenarioId().endsWith("SUCCESS");
    List<String> kinds = success ? LOGIN_SUCCESS : LOGIN_FAILURE;
    FormSubmission submission = submission(form, sub -> kinds.contains(sub.kind()));
    if (submission == null && !success) {
      FieldInfo password =
          ObservedApp.nullSafe(form.fields()).stream()
              .filter(f -> "password".equals(f.type()))
              .findFirst()
              .orElseThrow(() -> new ScenarioSkip("the login form has no password field"));
      return TestDraft.live(forms.live(LiveRun.Expect.REJECT, s, form, password));
    }
    if (submission == null) throw new ScenarioSkip("login outcome was not observed");
    return TestDraft.of(forms.submitAndExpect(s, form, submission));
  }

  /**
   * REQ-LOGOUT-: the test signs in (as every test of a signed-in app does), opens the page, uses
   * the sign-out control and asserts what the app then shows and that the session is over ({@link
   * SessionEnd}), learned live: exploration never signs out of its own session, a test does so only
   * in its own.
   */
  TestDraft logout(Scenario s) {
    FormInfo form = app.form(s);
    List<TestStep> steps = new ArrayList<>(forms.open(form));
    steps.add(FormSteps.submit(form));
    return TestDraft.live(
        LiveRun.action(ObservedApp.pathOnly(app.state(form.stateId()).url()), steps)
            .signingOut()
            .notAsserting(app.typedByTestGen()));
  }

  /**
   * REQ-FORM-...-REQUIRED-field: submitting with the field empty is rejected with the field's
   * message. The observed empty submission gives the message; without one, it is learned live.
   */
  TestDraft requiredField(Scenario s) {
    FormInfo form = app.form(s);
    String id = s.scenarioId();
    FieldInfo empty = field(form, id.substring(id.indexOf("-REQUIRED-") + 10));
    FormSubmission submission = submission(form, sub -> "empty_required".equals(sub.kind()));
    if (submission == null)
      return TestDraft.live(forms.live(LiveRun.Expect.REJECT, s, form, empty));
    List<TestStep> steps =
        new ArrayList<>(forms.fill(ObservedApp.nullSafe(s.testData()), form, submission, empty));
    steps.add(FormSteps.submit(form));
    List<ValidationMessage> messages =
        ObservedApp.nullSafe(submission.validationMessages()).stream()
            .filter(m -> m.field() == null || m.field().equals(empty.name()))
            .toList();
    // The first message observed for the field is the assertion; one is enough to fail on.
    messages.stream()
        .map(m -> FormSteps.validationExpectation(m, empty))
        .filter(Objects::nonNull)
        .findFirst()
        .ifPresent(steps::add);
    if (!submission.urlChanged() && app.findState(form.stateId()).isPresent()) {
      String path = ObservedApp.pathOnly(submission.resultUrl());
      if (path != null) steps.add(Steps.expectUrl(path));
    }
    if (steps.stream().noneMatch(Steps::isExpectation))
      return TestDraft.live(forms.live(LiveRun.Expect.REJECT, s, form, empty));
    return TestDraft.of(steps);
  }

  /**
   * REQ-FORM-...-INVALID-field: a value breaking the field's constraint is rejected: the app stays
   * on the form and shows the field's message. Nothing observed says how it rejects, so the outcome
   * is learned live.
   */
  TestDraft invalidValue(Scenario s) {
    FormInfo form = app.form(s);
    String id = s.scenarioId();
    FieldInfo field = field(form, id.substring(id.indexOf("-INVALID-") + 9));
    return TestDraft.live(forms.live(LiveRun.Expect.REJECT, s, form, field));
  }

  /**
   * Security probes, asserted: a script typed into a field does not run (and shows as text where it
   * is echoed); overlong input is answered without a server error. The outcome is learned live.
   */
  TestDraft probe(Scenario s) {
    FormInfo form = app.form(s);
    Map<String, String> data = ObservedApp.nullSafe(s.testData());
    boolean script = data.values().stream().anyMatch(v -> v != null && v.contains("<script"));
    if (!script
        && data.values().stream()
            .noneMatch(v -> v != null && TestData.expandRepeats(v).length() >= 1000))
      throw new ScenarioSkip("security probe without a script or overlong value: not asserted");
    FieldInfo field = probed(form, data, script);
    // Any script payload becomes ours: it sets a global the test can check, instead of opening a
    // dialog (which Playwright would dismiss unseen).
    if (script && !data.get(field.name()).contains(OutcomeReader.PROBE_GLOBAL)) {
      Map<String, String> probe = new LinkedHashMap<>(data);
      probe.put(field.name(), SCRIPT);
      return TestDraft.live(forms.live(LiveRun.Expect.SCRIPT_NOT_RUN, probe, form, field));
    }
    return TestDraft.live(
        forms.live(
            script ? LiveRun.Expect.SCRIPT_NOT_RUN : LiveRun.Expect.NO_SERVER_ERROR,
            s,
            form,
            field));
  }

  /**
   * The observed submission's outcome asserted; with none, or one that showed nothing (often a
   * rejection nobody read), the scenario is learned live.
   */
  private TestDraft observedOrLive(Scenario s, FormInfo form, FormSubmission submission) {
    if (submission == null) return TestDraft.live(forms.live(LiveRun.Expect.ACCEPT, s, form, null));
    try {
      return TestDraft.of(forms.submitAndExpect(s, form, submission));
    } catch (ScenarioSkip nothingSeen) {
      return TestDraft.live(forms.live(LiveRun.Expect.ACCEPT, s, form, null));
    }
  }

  /** The form's first observed submission that matches, or null. */
  private static FormSubmission submission(FormInfo form, Predicate<FormSubmission> matches) {
    return ObservedApp.nullSafe(form.submissions()).stream()
        .filter(matches)
        .findFirst()
        .orElse(null);
  }

  private static FieldInfo field(FormInfo form, String fieldName) {
    return ObservedApp.nullSafe(form.fields()).stream()
        .filter(f -> fieldName.equals(f.name()) || fieldName.equals(f.elementId()))
        .findFirst()
        .orElseThrow(() -> new ScenarioSkip("field " + fieldName + " not in the form"));
  }

  /** The field whose data carries the probe. */
  private static FieldInfo probed(FormInfo form, Map<String, String> data, boolean script) {
    for (FieldInfo f : ObservedApp.nullSafe(form.fields())) {
      String v = f.name() == null ? null : TestData.expandRepeats(data.get(f.name()));
      if (v == null) continue;
      if (script ? v.contains("<script") : v.length() >= 1000) return f;
    }
    throw new ScenarioSkip("the probe's field is not in the form");
  }

  private static boolean sameValues(Map<String, String> typed, Map<String, String> data) {
    for (Map.Entry<String, String> e : data.entrySet()) {
      String seen = typed.get(e.getKey());
      if (seen == null || !seen.equals(e.getValue())) return false;
    }
    return !data.isEmpty();
  }
}
