package io.testgen.worker.requirements;

import static io.testgen.common.agents.observation.ObservationIndex.orEmpty;

import io.testgen.common.agents.observation.FieldInfo;
import io.testgen.common.agents.observation.FormInfo;
import io.testgen.common.agents.observation.FormSubmission;
import io.testgen.common.agents.observation.ObservationIndex;
import io.testgen.common.agents.observation.StateInfo;
import io.testgen.common.agents.observation.ValidationMessage;
import io.testgen.common.agents.requirements.Evidence;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the form rules read from a form: its inputs, purpose, labels, valid test data, what the app
 * did when Observation submitted it, and the evidence a form scenario cites.
 */
final class FormFacts {
  static final String USERNAME_REFERENCE = "${TESTGEN_USERNAME}";
  static final String PASSWORD_REFERENCE = "${TESTGEN_PASSWORD}";
  private static final Set<String> NON_INPUT_TYPES = Set.of("hidden", "submit", "button", "reset");

  private FormFacts() {}

  static List<FieldInfo> inputFields(FormInfo form) {
    return orEmpty(form.fields()).stream()
        .filter(
            f -> f.type() == null || !NON_INPUT_TYPES.contains(f.type().toLowerCase(Locale.ROOT)))
        .toList();
  }

  static String purposeOf(FormInfo form) {
    return form.purpose() == null ? "generic" : form.purpose().toLowerCase(Locale.ROOT);
  }

  static boolean isPassword(FieldInfo field) {
    return "password".equalsIgnoreCase(field.type());
  }

  static String formTitle(String purpose) {
    String words = purpose.replace('_', ' ');
    return Character.toUpperCase(words.charAt(0)) + words.substring(1) + " form";
  }

  static String labelOf(FieldInfo field) {
    if (field.label() != null && !field.label().isBlank()) {
      return Scenarios.shorten(field.label());
    }
    return fieldKeyOf(field);
  }

  static String fieldKeyOf(FieldInfo field) {
    return field.name() != null && !field.name().isBlank()
        ? field.name()
        : String.valueOf(field.elementId());
  }

  /** Test data is keyed by field name, which is what a test fills by. */
  static String dataKeyOf(FieldInfo field) {
    return fieldKeyOf(field);
  }

  /** "the user is on the 'Login' page", the form's own page. */
  static List<String> onItsPage(ObservationIndex index, FormInfo form) {
    return List.of(
        "the user is on "
            + index.state(form.stateId()).map(Scenarios::pageName).orElse("the form's page"));
  }

  /** Valid values for every input of a form; login fields reference the credential variables. */
  static Map<String, String> formData(FormInfo form, boolean useCredentials) {
    Map<String, String> data = new LinkedHashMap<>();
    boolean login = purposeOf(form).equals("login");
    boolean usernameSet = false;
    for (FieldInfo field : inputFields(form)) {
      String value;
      if (login && useCredentials && isPassword(field)) {
        value = PASSWORD_REFERENCE;
      } else if (login && useCredentials && !usernameSet && FieldTestData.acceptsText(field)) {
        value = USERNAME_REFERENCE;
        usernameSet = true;
      } else {
        value = FieldTestData.validValue(field);
      }
      data.put(dataKeyOf(field), value);
    }
    return data;
  }

  /**
   * A form's valid values with the first plain text field's made unique ({@code "Test value
   * {{unique}}"}), for a form that makes a record: the test finds its own record by that name, no
   * other record carries it, and no other test's record is taken for it. Values that already carry
   * the token (an e-mail address) are kept as they are.
   */
  static Map<String, String> namedUniquely(FormInfo form) {
    Map<String, String> data = new LinkedHashMap<>(formData(form, false));
    if (data.values().stream().anyMatch(v -> v != null && v.contains(FieldTestData.UNIQUE)))
      return data;
    inputFields(form).stream()
        .filter(f -> List.of("text", "", "textarea").contains(f.type() == null ? "" : f.type()))
        .filter(f -> FieldTestData.acceptsText(f) && (f.pattern() == null || f.pattern().isBlank()))
        .filter(f -> f.maxLength() == null || f.maxLength() <= 0 || f.maxLength() >= 24)
        // a name or title first: a code, number or postcode field may refuse the suffix
        .sorted(java.util.Comparator.comparing(f -> !NAMING.matcher(labelOf(f)).find()))
        .findFirst()
        .ifPresent(
            f -> data.computeIfPresent(dataKeyOf(f), (k, v) -> v + " " + FieldTestData.UNIQUE));
    return data;
  }

  /** Words of a field that names a record. */
  private static final java.util.regex.Pattern NAMING =
      java.util.regex.Pattern.compile("(?i)name|title|subject|label|heading|item|summary");

  /** Exploration declined to submit the form: a destructive action the run does not allow. */
  static boolean refusedByExploration(ObservationIndex index, FormInfo form) {
    if (!FormFacts.submissions(form, "valid").isEmpty()) return false;
    String page = index.state(form.stateId()).map(s -> pagePath(s.url())).orElse(null);
    return index.findings().stream()
        .filter(f -> "skipped_destructive".equals(f.kind()))
        .filter(f -> page != null && page.equals(pagePath(f.url())))
        .anyMatch(
            f ->
                form.submit() == null
                    || String.valueOf(f.detail()).contains(String.valueOf(form.submit().name())));
  }

  private static String pagePath(String url) {
    return url == null
        ? null
        : io.testgen.common.url.UrlParts.parse(url)
            .map(io.testgen.common.url.UrlParts::pathOrRoot)
            .orElse(url);
  }

  static List<FormSubmission> submissions(FormInfo form, String kind) {
    return orEmpty(form.submissions()).stream().filter(s -> kind.equals(s.kind())).toList();
  }

  /** The state its submit control led to, when that is another state. */
  static Optional<StateInfo> submitTarget(ObservationIndex index, FormInfo form) {
    if (form.submit() == null) {
      return Optional.empty();
    }
    return index.transitions().stream()
        .filter(t -> form.submit().elementId().equals(t.elementId()))
        .filter(t -> t.toStateId() != null && !t.toStateId().equals(form.stateId()))
        .findFirst()
        .flatMap(t -> index.state(t.toStateId()));
  }

  /** The message the app showed for this field when Observation left required fields empty. */
  static Optional<String> observedMessage(FormInfo form, FieldInfo field) {
    return submissions(form, "empty_required").stream()
        .flatMap(s -> orEmpty(s.validationMessages()).stream())
        .filter(
            m ->
                m.field() != null
                    && (m.field().equals(field.name()) || m.field().equals(field.elementId())))
        .map(ValidationMessage::text)
        .filter(text -> text != null && !text.isBlank())
        .findFirst();
  }

  /** The form's states and ids (every entry point, its own first), the fields and the submit. */
  static Evidence evidence(DistinctForm form, List<FieldInfo> fields) {
    List<String> elements = new ArrayList<>();
    fields.forEach(f -> elements.add(f.elementId()));
    if (form.form().submit() != null) {
      elements.add(form.form().submit().elementId());
    }
    elements.removeIf(e -> e == null);
    return new Evidence(
        form.stateIds(), form.formIds(), List.copyOf(new LinkedHashSet<>(elements)));
  }
}
