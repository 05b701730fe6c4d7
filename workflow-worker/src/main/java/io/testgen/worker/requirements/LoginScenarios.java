package io.testgen.worker.requirements;

import static io.testgen.common.agents.requirements.ScenarioVocabulary.CRITICAL;
import static io.testgen.common.agents.requirements.ScenarioVocabulary.FUNCTIONAL;
import static io.testgen.common.agents.requirements.ScenarioVocabulary.HIGH;
import static io.testgen.common.agents.requirements.ScenarioVocabulary.NEGATIVE;

import io.testgen.common.agents.observation.FieldInfo;
import io.testgen.common.agents.observation.FormInfo;
import io.testgen.common.agents.observation.ObservationIndex;
import io.testgen.common.agents.requirements.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code REQ-LOGIN-<form>-SUCCESS|FAILURE} of a login form when credentials were given: the data
 * references the credential variables, never their values.
 */
final class LoginScenarios {
  private LoginScenarios() {}

  static List<Scenario> of(ObservationIndex index, DistinctForm form, List<FieldInfo> fields) {
    return List.of(success(index, form, fields), failure(index, form, fields));
  }

  private static Scenario success(
      ObservationIndex index, DistinctForm distinct, List<FieldInfo> fields) {
    FormInfo form = distinct.form();
    List<String> then = new ArrayList<>(List.of("the user is signed in"));
    FormFacts.submitTarget(index, form)
        .ifPresent(s -> then.add(Scenarios.pageName(s) + " is shown"));
    then.add("no login error is shown");
    return login(
        index,
        distinct,
        fields,
        "SUCCESS",
        "Login succeeds with valid credentials",
        List.of(
            "the user enters the username from TESTGEN_USERNAME",
            "the user enters the password from TESTGEN_PASSWORD",
            "the user submits the form"),
        then,
        CRITICAL,
        FUNCTIONAL,
        FormFacts.formData(form, true));
  }

  private static Scenario failure(
      ObservationIndex index, DistinctForm distinct, List<FieldInfo> fields) {
    FormInfo form = distinct.form();
    Map<String, String> data = FormFacts.formData(form, true);
    fields.stream()
        .filter(FormFacts::isPassword)
        .forEach(f -> data.put(FormFacts.dataKeyOf(f), "wrong-" + FieldTestData.UNIQUE));
    String loginPage =
        index.state(form.stateId()).map(Scenarios::pageName).orElse("the login page");
    return login(
        index,
        distinct,
        fields,
        "FAILURE",
        "Login fails with a wrong password",
        List.of(
            "the user enters the username from TESTGEN_USERNAME",
            "the user enters a wrong password",
            "the user submits the form"),
        List.of(
            "an error message is shown",
            "the user stays on " + loginPage,
            "the user is not signed in"),
        HIGH,
        NEGATIVE,
        data);
  }

  /** A scenario of this login form: on its page, tagged login and auth, citing form and fields. */
  private static Scenario login(
      ObservationIndex index,
      DistinctForm distinct,
      List<FieldInfo> fields,
      String suffix,
      String title,
      List<String> when,
      List<String> then,
      String priority,
      String type,
      Map<String, String> data) {
    FormInfo form = distinct.form();
    return Scenarios.of(
        "REQ-LOGIN-" + Scenarios.safeId(form.formId()) + "-" + suffix,
        title,
        FormFacts.onItsPage(index, form),
        when,
        then,
        priority,
        type,
        List.of("login", "auth"),
        data,
        FormFacts.evidence(distinct, fields),
        false);
  }
}
