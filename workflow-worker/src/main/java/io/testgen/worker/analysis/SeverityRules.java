package io.testgen.worker.analysis;

import static io.testgen.common.agents.observation.ObservationIndex.orEmpty;

import io.testgen.common.agents.observation.ElementInfo;
import io.testgen.common.agents.observation.FieldInfo;
import io.testgen.common.agents.observation.FormInfo;
import io.testgen.common.agents.observation.FormSubmission;
import io.testgen.common.agents.observation.ObservationIndex;
import io.testgen.common.agents.observation.StateInfo;
import io.testgen.common.agents.observation.Transition;
import io.testgen.common.agents.requirements.Scenario;
import io.testgen.common.agents.requirements.ScenarioVocabulary;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Severity (1..5) from what the feature under test does, read from the observation's evidence, each
 * with its reason in words:
 *
 * <pre>
 *   5  the user's goal; login; payment-like fields; a checkout or payment page; a form that
 *      handles credentials (password fields) or manages accounts, permissions or roles; a
 *      destructive control aimed at an account
 *   4  a form that writes data (signup/create, or a POST that is not login/search; a valid
 *      submission that led to another page or added text); a destructive control; a page
 *      reached by signing in; a state reached by submitting typed input in the page (Enter in a
 *      field) or by editing in place (a double-click)
 *   3  search and filters (search forms, GET forms); the start page; a state reached by
 *      switching an item (a checkbox)
 *   2  anything else: static pages, navigation between them
 * </pre>
 *
 * Then by the scenario's role: an accessibility check is cosmetic (2); form validation, negative
 * and edge cases and security probes sit at the edge of the feature, one below it (at least 2).
 */
final class SeverityRules {
  static final int STATIC = 2;
  private static final Pattern MONEY_FLOW = Pattern.compile("checkout|payment|\\bpay\\b|cart");
  private static final Pattern PAYMENT_FIELD =
      Pattern.compile("card.?number|\\bcc.?(num|number|exp|csc)|cvv|cvc|iban|expir|billing");
  private static final Pattern DESTRUCTIVE =
      Pattern.compile(
          "\\b(delete|remove|destroy|erase|unsubscribe|close (my )?account"
              + "|cancel (my )?(account|order|subscription))\\b");
  private static final Pattern ACCOUNT_WORDS =
      Pattern.compile("\\b(account|profile|user|member(ship)?)\\b");
  private static final Set<String> EDGE_TYPES =
      Set.of(
          ScenarioVocabulary.FORM_VALIDATION,
          ScenarioVocabulary.NEGATIVE,
          ScenarioVocabulary.EDGE,
          ScenarioVocabulary.SECURITY);

  /** The figure and why. */
  record Assessment(int severity, List<String> reasons) {}

  private final ObservationIndex index;
  private final Set<String> reachedBySigningIn;

  SeverityRules(ObservationIndex index) {
    this.index = index;
    this.reachedBySigningIn = reachedBySigningIn(index);
  }

  Assessment assess(Scenario scenario, List<StateInfo> states, List<FormInfo> forms) {
    if (ScenarioVocabulary.ACCESSIBILITY.equals(scenario.scenarioType())) {
      return new Assessment(STATIC, List.of("severity 2: an accessibility check, cosmetic"));
    }
    int feature = STATIC;
    List<String> why = new ArrayList<>();
    List<String> tags = orEmpty(scenario.tags());
    if (tags.contains(ScenarioVocabulary.TAG_GOAL)) {
      feature = note(feature, 5, "the user's goal", why);
    }
    for (FormInfo form : forms) {
      if ("login".equals(purpose(form)) || tags.contains("login")) {
        feature = note(feature, 5, "login (form " + form.formId() + ")", why);
      }
      List<String> payment = paymentFields(form);
      if (!payment.isEmpty()) {
        feature =
            note(feature, 5, "payment-like fields " + payment + " in form " + form.formId(), why);
      }
      List<String> writes = writeEvidence(form);
      if (!writes.isEmpty()) {
        feature =
            note(
                feature,
                4,
                "form " + form.formId() + " writes data: " + String.join(", ", writes),
                why);
      }
      List<String> passwords = passwordFields(form);
      if (!"login".equals(purpose(form)) && !passwords.isEmpty()) {
        feature =
            note(
                feature,
                5,
                "handles credentials (password fields "
                    + passwords
                    + " in form "
                    + form.formId()
                    + ")",
                why);
      }
      if (List.of("account", FormInfo.OWN_ACCOUNT).contains(purpose(form))) {
        feature =
            note(
                feature,
                5,
                "manages accounts, permissions or roles (form " + form.formId() + ")",
                why);
      }
      if (form.submit() != null && destructive(form.submit().text())) {
        String control = form.submit().text();
        feature =
            accountWords(control)
                ? note(
                    feature, 5, "a destructive control aimed at an account '" + control + "'", why)
                : note(feature, 4, "a destructive control '" + control + "'", why);
      }
      if ("search".equals(purpose(form)) || "get".equalsIgnoreCase(form.method())) {
        feature =
            note(
                feature,
                3,
                "search or filter (form " + form.formId() + ", " + method(form) + ")",
                why);
      }
    }
    String action = ScenarioVocabulary.action(scenario);
    if (action != null) {
      feature = StepSeverity.ofAction(action, feature, why);
    }
    for (StateInfo state : states) {
      if (moneyFlow(state)) {
        feature = note(feature, 5, "a checkout or payment page (" + state.url() + ")", why);
      }
      if (action == null) {
        feature = StepSeverity.of(state, feature, why);
      }
      if (reachedBySigningIn.contains(state.stateId())) {
        feature =
            note(
                feature, 4, "behind login (" + state.stateId() + " is reached by signing in)", why);
      }
    }
    for (String elementId : orEmpty(scenario.evidence().elementIds())) {
      Optional<String> control =
          index.element(elementId).map(ElementInfo::text).filter(SeverityRules::destructive);
      if (control.isPresent()) {
        feature = note(feature, 4, "a destructive control '" + control.get() + "'", why);
      }
    }
    if (tags.contains("start")) {
      feature = note(feature, 3, "the start page, where every visit begins", why);
    }
    List<String> reasons = new ArrayList<>();
    int top = feature;
    why.stream().filter(w -> w.startsWith(top + ":")).forEach(w -> reasons.add("severity " + w));
    if (reasons.isEmpty()) {
      reasons.add("severity 2: a static page, nothing written or protected");
    }
    int severity = feature;
    if (EDGE_TYPES.contains(scenario.scenarioType()) && feature > STATIC) {
      severity = Math.max(STATIC, feature - 1);
      reasons.add(
          "severity -1: "
              + ("edge".equals(scenario.scenarioType()) ? "an " : "a ")
              + scenario.scenarioType()
              + " case, at the edge of the feature rather than its main path");
    }
    return new Assessment(severity, List.copyOf(reasons));
  }

  /** Records a feature as "N: words"; returns the higher severity. */
  private static int note(int current, int level, String words, List<String> why) {
    String line = level + ": " + words;
    if (!why.contains(line)) {
      why.add(line);
    }
    return Math.max(current, level);
  }

  /** What shows the form writes: its purpose, a POST, where a valid submission led, new text. */
  static List<String> writeEvidence(FormInfo form) {
    String purpose = purpose(form);
    if (purpose.equals("login") || purpose.equals("search")) {
      return List.of();
    }
    List<String> evidence = new ArrayList<>();
    if (purpose.equals("signup") || purpose.equals("create")) {
      evidence.add("purpose " + purpose);
    }
    boolean post = "post".equalsIgnoreCase(form.method());
    if (post) {
      evidence.add("POST " + (form.action() == null ? "to its page" : form.action()));
    }
    if (evidence.isEmpty()) {
      return List.of();
    }
    for (FormSubmission valid : orEmpty(form.submissions())) {
      if (!"valid".equals(valid.kind())) {
        continue;
      }
      if (valid.urlChanged() && valid.resultUrl() != null) {
        evidence.add("a valid submission led to " + valid.resultUrl());
      }
      orEmpty(valid.newTexts()).stream()
          .findFirst()
          .ifPresent(text -> evidence.add("and showed '" + text + "'"));
      break;
    }
    return evidence;
  }

  /** Password inputs of a form, by name. */
  private static List<String> passwordFields(FormInfo form) {
    return orEmpty(form.fields()).stream()
        .filter(f -> "password".equals(f.type()))
        .map(f -> f.name() == null ? f.elementId() : f.name())
        .toList();
  }

  private static boolean accountWords(String text) {
    return ACCOUNT_WORDS.matcher(text.toLowerCase(Locale.ROOT)).find();
  }

  private static List<String> paymentFields(FormInfo form) {
    List<String> names = new ArrayList<>();
    for (FieldInfo field : orEmpty(form.fields())) {
      String words =
          ((field.name() == null ? "" : field.name())
                  + " "
                  + (field.label() == null ? "" : field.label()))
              .toLowerCase(Locale.ROOT);
      if (PAYMENT_FIELD.matcher(words).find()) {
        names.add(field.name() == null ? field.elementId() : field.name());
      }
    }
    return names;
  }

  /** States a login form's submission led to, by an observed submission or a transition. */
  private static Set<String> reachedBySigningIn(ObservationIndex index) {
    Set<String> reached = new LinkedHashSet<>();
    for (FormInfo form : index.forms()) {
      if (!"login".equals(purpose(form))) {
        continue;
      }
      orEmpty(form.submissions()).stream()
          .filter(s -> "valid".equals(s.kind()) && s.resultStateId() != null)
          .map(FormSubmission::resultStateId)
          .forEach(reached::add);
      if (form.submit() != null) {
        index.transitions().stream()
            .filter(t -> form.submit().elementId().equals(t.elementId()))
            .map(Transition::toStateId)
            .forEach(reached::add);
      }
      reached.remove(form.stateId());
    }
    reached.remove(null);
    return reached;
  }

  static boolean destructive(String text) {
    return text != null && DESTRUCTIVE.matcher(text.toLowerCase(Locale.ROOT)).find();
  }

  private static boolean moneyFlow(StateInfo state) {
    String words =
        ((state.url() == null ? "" : state.url())
                + " "
                + (state.title() == null ? "" : state.title()))
            .toLowerCase(Locale.ROOT);
    return MONEY_FLOW.matcher(words).find();
  }

  private static String method(FormInfo form) {
    return (form.method() == null ? "get" : form.method()).toUpperCase(Locale.ROOT)
        + " "
        + (form.action() == null ? "" : form.action());
  }

  static String purpose(FormInfo form) {
    return form.purpose() == null ? "generic" : form.purpose().toLowerCase(Locale.ROOT);
  }
}
