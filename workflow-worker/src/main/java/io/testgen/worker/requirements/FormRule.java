package io.testgen.worker.requirements;

import static io.testgen.common.agents.requirements.ScenarioVocabulary.FORM_VALIDATION;
import static io.testgen.common.agents.requirements.ScenarioVocabulary.FUNCTIONAL;
import static io.testgen.common.agents.requirements.ScenarioVocabulary.HIGH;
import static io.testgen.common.agents.requirements.ScenarioVocabulary.LOW;
import static io.testgen.common.agents.requirements.ScenarioVocabulary.MEDIUM;
import static io.testgen.worker.requirements.FormFacts.dataKeyOf;
import static io.testgen.worker.requirements.FormFacts.formTitle;
import static io.testgen.worker.requirements.FormFacts.labelOf;
import static io.testgen.worker.requirements.Scenarios.safeId;
import static io.testgen.worker.requirements.Scenarios.shorten;

import io.testgen.common.agents.observation.FieldInfo;
import io.testgen.common.agents.observation.FormInfo;
import io.testgen.common.agents.observation.FormSubmission;
import io.testgen.common.agents.observation.ObservationIndex;
import io.testgen.common.agents.requirements.Scenario;
import io.testgen.common.agents.requirements.ScenarioVocabulary;
import io.testgen.common.url.RecordIds;
import io.testgen.common.url.UrlParts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Per distinct form, what it is for: {@code REQ-LOGIN-<form>-SUCCESS|FAILURE} (login forms,
 * credentials given; {@link LoginScenarios}), {@code REQ-SEARCH-<form>-HIT|MANY|NO-HIT} (search
 * forms; {@link SearchScenarios}), {@code REQ-FORM-<form>-HAPPY} (other forms); then for each field
 * {@code REQ-FORM-<form>-REQUIRED-<field>} and {@code REQ-FORM-<form>-INVALID-<field>} for required
 * and constrained fields. A form shown on several states counts once ({@link DistinctForm}). A
 * delete form on a record's page has no happy path of its own: {@link DeleteRule}'s round trip
 * tests it on a record the test makes.
 */
final class FormRule implements ScenarioRule {

  @Override
  public List<Scenario> derive(RuleInput input) {
    List<Scenario> scenarios = new ArrayList<>();
    for (DistinctForm form : input.forms()) {
      scenarios.addAll(purposeScenarios(input, form));
      scenarios.addAll(fieldScenarios(input, form));
    }
    return scenarios;
  }

  private static List<Scenario> purposeScenarios(RuleInput input, DistinctForm form) {
    List<FieldInfo> fields = FormFacts.inputFields(form.form());
    return switch (FormFacts.purposeOf(form.form())) {
      case "login" ->
          input.hasCredentials() ? LoginScenarios.of(input.index(), form, fields) : List.of();
      case "search" ->
          fields.isEmpty() ? List.of() : SearchScenarios.of(input.index(), form, fields);
      case "logout" -> List.of(logout(input.index(), form));
      // deleting one of the app's records would take it from every other test: a delete is
      // tested as a round trip on a record the test makes (DeleteRule)
      case "delete" ->
          onRecordPage(input.index(), form.form())
              ? List.of()
              : List.of(happyPath(input.index(), form));
      default -> List.of(happyPath(input.index(), form));
    };
  }

  private static Scenario happyPath(ObservationIndex index, DistinctForm distinct) {
    FormInfo form = distinct.form();
    String purpose = FormFacts.purposeOf(form);
    Optional<FormSubmission> valid = FormFacts.submissions(form, "valid").stream().findFirst();
    List<String> then = new ArrayList<>();
    valid
        .map(FormSubmission::resultStateId)
        .filter(id -> !id.equals(form.stateId()))
        .flatMap(index::state)
        .ifPresent(s -> then.add(Scenarios.pageName(s) + " is shown"));
    valid
        .map(FormSubmission::newTexts)
        .filter(texts -> texts != null && !texts.isEmpty())
        .ifPresent(texts -> then.add("'" + shorten(texts.get(0)) + "' appears"));
    then.add("no validation message is shown");
    boolean ownRecord = makesRecord(index, form);
    boolean changesData = purpose.equals("signup") || purpose.equals("create") || ownRecord;
    return Scenarios.of(
        "REQ-FORM-" + safeId(form.formId()) + "-HAPPY",
        shorten(formTitle(purpose) + onPage(index, form, purpose) + " accepts valid input"),
        FormFacts.onItsPage(index, form),
        List.of("the user fills every field with valid data", "the user submits the form"),
        then,
        happyPriority(index, form, changesData),
        FUNCTIONAL,
        !changesData
            ? List.of("form", purpose)
            : ownRecord
                ? List.of("form", purpose, "creates_data", ScenarioVocabulary.TAG_OWN_RECORD)
                : List.of("form", purpose, "creates_data"),
        ownRecord ? FormFacts.namedUniquely(form) : FormFacts.formData(form, false),
        FormFacts.evidence(distinct, FormFacts.inputFields(form)),
        false);
  }

  private static boolean onRecordPage(ObservationIndex index, FormInfo form) {
    String path = index.state(form.stateId()).map(s -> pathOf(s.url())).orElse("");
    for (String segment : path.split("/")) if (RecordIds.isId(segment)) return true;
    return false;
  }

  /**
   * Where an account or delete form is ("on 'Add user'"): an app has several (a user's, a group's,
   * a password's) and their titles must tell them apart; the page title's site suffix is left out.
   */
  private static String onPage(ObservationIndex index, FormInfo form, String purpose) {
    if (!List.of("account", FormInfo.OWN_ACCOUNT, "delete").contains(purpose)) return "";
    return index
        .state(form.stateId())
        .map(Scenarios::displayName)
        .map(name -> " on '" + name.replaceFirst("\\s+\\|\\s.*$", "") + "'")
        .orElse("");
  }

  /**
   * High for a form that makes records or manages accounts and roles (a run that allows it submits
   * it), medium when exploration refused to submit it (the run does not allow it: the user's
   * decision, so it does not crowd out what can be tested) or for other forms; low for a form on
   * the account the run signs in with, which is never submitted.
   */
  private static String happyPriority(ObservationIndex index, FormInfo form, boolean changesData) {
    String purpose = FormFacts.purposeOf(form);
    if (FormInfo.OWN_ACCOUNT.equals(purpose)) return LOW;
    if (changesData && !FormFacts.refusedByExploration(index, form)) return HIGH;
    if (purpose.equals("account") && !FormFacts.refusedByExploration(index, form)) return HIGH;
    return MEDIUM;
  }

  private static String pathOf(String url) {
    return url == null ? null : UrlParts.parse(url).map(UrlParts::pathOrRoot).orElse(url);
  }

  /**
   * A form that makes a record: a create or sign-up form, not one that edits the record its page
   * names ({@code /books/3/edit}, {@code /admin/book/3/change/}, {@code /posts/hello/edit}, a form
   * on {@code /books/3} itself) or the user's own ({@code /account}, {@code /profile/settings}):
   * typing a new name into that on every run would rename a record other tests see. A child
   * record's form ({@code /customers/7/orders/new}) and a page that says so ({@code /users/new},
   * {@code /admin/x/add/}) make one.
   */
  private static boolean makesRecord(ObservationIndex index, FormInfo form) {
    String purpose = FormFacts.purposeOf(form);
    if (!RECORD_MAKERS.contains(purpose)) return false;
    return makesRecord(
        index
            .state(form.stateId())
            .flatMap(s -> UrlParts.parse(s.url()))
            .map(u -> u.pathOrRoot() + (u.hashRoute() == null ? "" : "#" + u.hashRoute()))
            .orElse("/"));
  }

  /** {@link #makesRecord(ObservationIndex, FormInfo)} by the form page's path (and hash route). */
  static boolean makesRecord(String path) {
    List<String> segments =
        List.of(path.replaceAll("[?].*$", "").replaceAll("^[/#!]+|/+$", "").split("[/#!]+"));
    String last = segments.get(segments.size() - 1);
    if (CREATE_WORDS.matcher(last).matches()) return true;
    if (segments.stream().anyMatch(x -> EDIT_WORDS.matcher(x).matches())) return false;
    int lastId = -1;
    for (int i = 0; i < segments.size(); i++) if (RecordIds.isId(segments.get(i))) lastId = i;
    return lastId < 0 || lastId < segments.size() - 1;
  }

  /** Purposes of forms that may make a record: an account form on a user or role's add page. */
  static final java.util.Set<String> RECORD_MAKERS =
      java.util.Set.of("signup", "create", "account");

  private static final Pattern CREATE_WORDS =
      Pattern.compile("(?i)new|add|create|register|sign-?up|join");
  private static final Pattern EDIT_WORDS =
      Pattern.compile("(?i)edit|change|update|modify|settings|preferences|profile|account|me");

  /**
   * {@code REQ-LOGOUT-<form>}: signing out ends the session. Exploration never submits it (it would
   * end the crawl's own session); a test may, in its own session, and learns what the app shows.
   */
  private static Scenario logout(ObservationIndex index, DistinctForm distinct) {
    FormInfo form = distinct.form();
    String control = form.submit() == null ? "the sign-out control" : controlName(form.submit());
    return Scenarios.of(
        "REQ-LOGOUT-" + safeId(form.formId()),
        shorten("Signing out with " + control + " ends the session"),
        FormFacts.onItsPage(index, form),
        List.of("the user activates " + control),
        List.of("the app shows that the user is signed out"),
        HIGH,
        FUNCTIONAL,
        List.of("form", "logout", "session"),
        Map.of(),
        FormFacts.evidence(distinct, List.of()),
        false);
  }

  private static String controlName(io.testgen.common.agents.observation.ElementInfo e) {
    String words = Scenarios.words(e);
    return words == null || words.isBlank() ? "the sign-out control" : "'" + shorten(words) + "'";
  }

  private static List<Scenario> fieldScenarios(RuleInput input, DistinctForm distinct) {
    FormInfo form = distinct.form();
    String formKey = safeId(form.formId());
    String title = formTitle(FormFacts.purposeOf(form));
    List<String> given = FormFacts.onItsPage(input.index(), form);
    Map<String, String> valid = FormFacts.formData(form, input.hasCredentials());
    List<Scenario> scenarios = new ArrayList<>();
    // a form on the signed-in account is never submitted, not even to see it rejected
    if (FormInfo.OWN_ACCOUNT.equals(FormFacts.purposeOf(form))) return scenarios;
    for (FieldInfo field : FormFacts.inputFields(form)) {
      String label = labelOf(field);
      String fieldKey = safeId(FormFacts.fieldKeyOf(field));
      if (field.required()) {
        Map<String, String> data = new LinkedHashMap<>(valid);
        data.put(dataKeyOf(field), "");
        List<String> then = new ArrayList<>(List.of("the form is not submitted"));
        then.add("a validation message is shown for '" + label + "'");
        FormFacts.observedMessage(form, field)
            .ifPresent(m -> then.add("the message reads '" + shorten(m) + "'"));
        scenarios.add(
            Scenarios.of(
                "REQ-FORM-" + formKey + "-REQUIRED-" + fieldKey,
                shorten(title + " requires '" + label + "'"),
                given,
                List.of("the user leaves '" + label + "' empty", "the user submits the form"),
                then,
                MEDIUM,
                FORM_VALIDATION,
                List.of("form", "required"),
                data,
                FormFacts.evidence(distinct, List.of(field)),
                false));
      }
      Optional<FieldTestData.InvalidValue> invalid = FieldTestData.invalidValue(field);
      if (invalid.isPresent()) {
        Map<String, String> data = new LinkedHashMap<>(valid);
        data.put(dataKeyOf(field), invalid.get().value());
        scenarios.add(
            Scenarios.of(
                "REQ-FORM-" + formKey + "-INVALID-" + fieldKey,
                shorten(title + " rejects an invalid '" + label + "'"),
                given,
                List.of(
                    "the user enters a value breaking "
                        + invalid.get().constraint()
                        + " into '"
                        + label
                        + "'",
                    "the user submits the form"),
                List.of("the value is " + invalid.get().expectation()),
                MEDIUM,
                FORM_VALIDATION,
                List.of("form", "constraint"),
                data,
                FormFacts.evidence(distinct, List.of(field)),
                false));
      }
    }
    return scenarios;
  }
}
