package io.testgen.worker.evolution;

import static io.testgen.worker.evolution.ObservedApp.nullSafe;

import io.testgen.common.agents.evolution.TestStep;
import io.testgen.common.agents.observation.FieldInfo;
import io.testgen.common.agents.observation.FormInfo;
import io.testgen.common.agents.observation.FormSubmission;
import io.testgen.common.agents.observation.Locator;
import io.testgen.common.agents.observation.ValidationMessage;
import io.testgen.common.agents.requirements.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The steps every form generator shares: open the form, fill it, submit it, and expect what an
 * observed submission showed (URL, new texts with this run's values, a page message).
 */
final class FormSteps {
  private static final int MAX_NEW_TEXTS = 3;

  private final ObservedApp app;
  private final boolean allowDestructive;

  FormSteps(ObservedApp app) {
    this(app, false);
  }

  /**
   * @param allowDestructive the run allows forms that delete, manage accounts, pay or send to be
   *     submitted by tests (never the signed-in account's own, never a delete of the app's record)
   */
  FormSteps(ObservedApp app, boolean allowDestructive) {
    this.app = app;
    this.allowDestructive = allowDestructive;
  }

  List<TestStep> open(FormInfo form) {
    return app.reach(app.state(form.stateId()));
  }

  List<TestStep> fill(
      Map<String, String> data, FormInfo form, FormSubmission submission, FieldInfo leaveEmpty) {
    List<TestStep> steps = new ArrayList<>(open(form));
    Map<String, String> typed = submission == null ? Map.of() : nullSafe(submission.values());
    steps.addAll(FieldFills.of(data, form, typed, leaveEmpty));
    return steps;
  }

  /** Open, fill {@code data} (nothing else but required fields), submit: a live run's actions. */
  LiveRun live(LiveRun.Expect expect, Scenario s, FormInfo form, FieldInfo field) {
    return live(expect, nullSafe(s.testData()), form, field);
  }

  LiveRun live(
      LiveRun.Expect expect, Map<String, String> scenarioData, FormInfo form, FieldInfo field) {
    if (FormInfo.OWN_ACCOUNT.equals(form.purpose()))
      throw new ScenarioSkip(
          "it would change the account this run signs in with (its password, its record or its"
              + " deletion), so it is neither run nor tested: sign in with a throwaway account to"
              + " test it");
    if (deletesAppRecord(form))
      throw new ScenarioSkip(
          "it deletes a record the app had, which other tests read: deleting is tested as a round"
              + " trip on a record the test makes");
    if (!allowDestructive && destructive(form))
      throw new ScenarioSkip(
          "destructive action not allowed: submitting "
              + (form.submit() == null ? "the form" : ObservedApp.label(form.submit()))
              + " was not allowed for this run, so it is neither run nor tested");
    List<TestStep> open = open(form);
    String formPath = ObservedApp.pathOnly(app.state(form.stateId()).url());
    return new LiveRun(
        expect,
        form,
        field,
        Map.copyOf(scenarioData),
        formPath,
        data -> {
          List<TestStep> steps = new ArrayList<>(open);
          steps.addAll(FieldFills.of(data, form, Map.of(), null));
          steps.add(submit(form));
          return steps;
        });
  }

  private static final java.util.regex.Pattern DESTRUCTIVE =
      java.util.regex.Pattern.compile(
          "(?i)\\b(delete|remove|destroy|erase|purge|drop|deactivate|unsubscribe|close account)\\b");

  /** A delete form on a record's page ({@code /books/3/delete/}): the app's own record. */
  private boolean deletesAppRecord(FormInfo form) {
    if (!"delete".equals(form.purpose())) return false;
    String path =
        app.findState(form.stateId()).map(st -> ObservedApp.pathOnly(st.url())).orElse("");
    return java.util.Arrays.stream(String.valueOf(path).split("/"))
        .anyMatch(io.testgen.common.url.RecordIds::isId);
  }

  /** Observation declined to submit it (a destructive control), or its words say it destroys. */
  private boolean destructive(FormInfo form) {
    String words =
        form.submit() == null
            ? ""
            : String.valueOf(form.submit().name()) + " " + String.valueOf(form.submit().text());
    if (DESTRUCTIVE.matcher(words).find()) return true;
    String path =
        app.findState(form.stateId()).map(st -> ObservedApp.pathOnly(st.url())).orElse(null);
    return nullSafe(app.observation().findings()).stream()
        .filter(f -> "skipped_destructive".equals(f.kind()))
        .filter(f -> f.detail() != null && f.detail().startsWith("submit '"))
        .anyMatch(
            f ->
                path != null
                    && path.equals(ObservedApp.pathOnly(f.url()))
                    && form.submit() != null
                    && f.detail().contains(String.valueOf(form.submit().name())));
  }

  static TestStep submit(FormInfo form) {
    if (form.submit() != null && !nullSafe(form.submit().locators()).isEmpty())
      return Steps.click(form.submit().locators(), ObservedApp.label(form.submit()));
    FieldInfo last =
        nullSafe(form.fields()).stream()
            .filter(f -> !nullSafe(f.locators()).isEmpty())
            .reduce((a, b) -> b)
            .orElseThrow(() -> new ScenarioSkip("form has no submit button and no field"));
    return Steps.press(last.locators(), "Enter", last.name());
  }

  List<TestStep> submitAndExpect(Scenario s, FormInfo form, FormSubmission submission) {
    List<TestStep> steps = new ArrayList<>(fill(nullSafe(s.testData()), form, submission, null));
    steps.add(submit(form));
    int before = steps.size();
    if (submission.urlChanged() && submission.resultUrl() != null) {
      String path = ObservedApp.pathOnly(submission.resultUrl());
      if (path != null) steps.add(Steps.expectUrl(path));
    }
    Map<String, String> typed = nullSafe(submission.values());
    Map<String, String> data = nullSafe(s.testData());
    nullSafe(submission.newTexts()).stream()
        .filter(t -> t != null && !t.isBlank())
        .limit(MAX_NEW_TEXTS)
        .forEach(
            text -> {
              String expected = substituteTyped(text, typed, data);
              steps.add(Steps.expectVisible(List.of(text(expected)), "'" + expected + "'"));
            });
    nullSafe(submission.validationMessages()).stream()
        .filter(m -> !"native".equals(m.source()) && m.text() != null && !m.text().isBlank())
        .findFirst()
        .ifPresent(
            m -> steps.add(Steps.expectVisible(List.of(text(m.text())), "'" + m.text() + "'")));
    if (steps.size() == before) throw new ScenarioSkip("the submission changed nothing observable");
    return steps;
  }

  static Locator text(String text) {
    return new Locator("text", text, null, false);
  }

  /** The expectation that a field's message shows (a page message) or the field is invalid. */
  static TestStep validationExpectation(ValidationMessage m, FieldInfo field) {
    if ("native".equals(m.source()))
      return field.name() == null
          ? null
          : Steps.expectCount(
              List.of(Locator.css("[name=\"" + field.name() + "\"]:invalid", false)),
              1,
              "invalid field " + field.name());
    if (m.text() == null || m.text().isBlank()) return null;
    return Steps.expectVisible(List.of(text(m.text())), "'" + m.text() + "'");
  }

  /** A text the app echoed from a typed value shows this run's value instead. */
  static String substituteTyped(String text, Map<String, String> typed, Map<String, String> data) {
    // Every echoed value is replaced (a message may echo several), longest first so that a value
    // contained in another does not break it.
    List<Map.Entry<String, String>> entries = new ArrayList<>(typed.entrySet());
    entries.sort(
        (a, b) ->
            Integer.compare(
                b.getValue() == null ? 0 : b.getValue().length(),
                a.getValue() == null ? 0 : a.getValue().length()));
    String result = text;
    for (Map.Entry<String, String> e : entries) {
      String now = data.get(e.getKey());
      if (now == null || e.getValue() == null || e.getValue().isBlank()) continue;
      if (TestData.environmentVariable(now) != null) continue;
      if (result.contains(e.getValue())) result = result.replace(e.getValue(), now);
    }
    return result;
  }
}
