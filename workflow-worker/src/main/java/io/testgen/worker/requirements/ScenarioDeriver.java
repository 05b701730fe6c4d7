package io.testgen.worker.requirements;

import static io.testgen.common.agents.observation.ObservationIndex.orEmpty;
import static io.testgen.common.agents.requirements.ScenarioVocabulary.ACCESSIBILITY;
import static io.testgen.common.agents.requirements.ScenarioVocabulary.CRITICAL;
import static io.testgen.common.agents.requirements.ScenarioVocabulary.EDGE;
import static io.testgen.common.agents.requirements.ScenarioVocabulary.FORM_VALIDATION;
import static io.testgen.common.agents.requirements.ScenarioVocabulary.FUNCTIONAL;
import static io.testgen.common.agents.requirements.ScenarioVocabulary.HIGH;
import static io.testgen.common.agents.requirements.ScenarioVocabulary.LOW;
import static io.testgen.common.agents.requirements.ScenarioVocabulary.MEDIUM;
import static io.testgen.common.agents.requirements.ScenarioVocabulary.NAVIGATION;
import static io.testgen.common.agents.requirements.ScenarioVocabulary.NEGATIVE;
import static io.testgen.common.agents.requirements.ScenarioVocabulary.SECURITY;

import io.testgen.common.agents.observation.AccessibilityFacts;
import io.testgen.common.agents.observation.ElementInfo;
import io.testgen.common.agents.observation.FieldInfo;
import io.testgen.common.agents.observation.FormInfo;
import io.testgen.common.agents.observation.FormSubmission;
import io.testgen.common.agents.observation.GoalOutcome;
import io.testgen.common.agents.observation.Heading;
import io.testgen.common.agents.observation.ObservationIndex;
import io.testgen.common.agents.observation.StateInfo;
import io.testgen.common.agents.observation.Transition;
import io.testgen.common.agents.observation.ValidationMessage;
import io.testgen.common.agents.requirements.Evidence;
import io.testgen.common.agents.requirements.Scenario;
import io.testgen.common.agents.requirements.ScenarioVocabulary;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Derives Given/When/Then scenarios from an observation by fixed rules, no LLM. The same
 * observation always yields the same scenarios, with the same ids, in the same order:
 *
 * <ol>
 *   <li>{@code REQ-GOAL}: the user's instruction end to end (critical), when one was given;
 *   <li>{@code REQ-RENDER-<state>}: every state (template) renders its key content;
 *   <li>{@code REQ-NAV-<from>-TO-<to>}: one click path into each state, the breadth-first tree of
 *       the state graph from the start state (not every permutation);
 *   <li>per form: {@code REQ-LOGIN-<form>-SUCCESS|FAILURE} (login forms, credentials given), {@code
 *       REQ-SEARCH-<form>-HIT|NO-HIT} (search forms), {@code REQ-FORM-<form>-HAPPY} (other forms),
 *       and for each field {@code REQ-FORM-<form>-REQUIRED-<field>} and {@code
 *       REQ-FORM-<form>-INVALID-<field>} for required and constrained fields;
 *   <li>{@code REQ-A11Y-<state>-LABELS|ALT|HEADINGS|KEYBOARD}: automatically verifiable
 *       accessibility;
 *   <li>{@code REQ-PROBE-<form>-SCRIPT-ECHO|OVERLONG}: security probes on free-text inputs.
 * </ol>
 *
 * Scenarios whose evidence lies on the instruction's flow are tagged {@code goal_flow}.
 */
public final class ScenarioDeriver {
  public static final String GOAL_ID = "REQ-GOAL";
  public static final String USERNAME_REFERENCE = "${TESTGEN_USERNAME}";
  public static final String PASSWORD_REFERENCE = "${TESTGEN_PASSWORD}";

  private static final int MAX_TEXT = 80;
  private static final Pattern UNSAFE_ID_CHARACTERS = Pattern.compile("[^A-Za-z0-9_.-]");
  private static final Set<String> NON_INPUT_TYPES = Set.of("hidden", "submit", "button", "reset");

  /** All scenarios the rules find, in derivation order. */
  public List<Scenario> derive(ObservationIndex index, String instruction, boolean hasCredentials) {
    List<Scenario> scenarios = new ArrayList<>();
    String goalInstruction = goalInstruction(index, instruction);
    GoalFlow flow = GoalFlow.EMPTY;
    if (goalInstruction != null) {
      flow = goalFlow(index);
      scenarios.add(goalScenario(index, goalInstruction, flow, hasCredentials));
    }
    for (StateInfo state : index.states()) {
      scenarios.add(renderScenario(index, state));
    }
    scenarios.addAll(navigationScenarios(index));
    for (FormInfo form : index.forms()) {
      scenarios.addAll(formScenarios(index, form, hasCredentials));
    }
    for (StateInfo state : index.states()) {
      scenarios.addAll(accessibilityScenarios(index, state));
    }
    for (FormInfo form : index.forms()) {
      scenarios.addAll(probeScenarios(index, form));
    }
    return flow == GoalFlow.EMPTY ? scenarios : tagGoalFlow(scenarios, flow);
  }

  // ---- goal ----------------------------------------------------------------------------------

  /** The states, elements and forms the instruction's flow passes through. */
  record GoalFlow(List<String> stateIds, List<String> elementIds, List<String> formIds) {
    static final GoalFlow EMPTY = new GoalFlow(List.of(), List.of(), List.of());
  }

  private static String goalInstruction(ObservationIndex index, String instruction) {
    if (instruction != null && !instruction.isBlank()) {
      return instruction.trim();
    }
    GoalOutcome goal = index.observation().goal();
    if (goal != null && goal.instruction() != null && !goal.instruction().isBlank()) {
      return goal.instruction().trim();
    }
    return null;
  }

  private static GoalFlow goalFlow(ObservationIndex index) {
    String start = startStateId(index);
    GoalOutcome goal = index.observation().goal();
    String target = goal == null ? null : goal.goalStateId();
    List<Transition> path = List.of();
    if (target != null && index.hasState(target)) {
      path = pathByLabels(index, start, orEmpty(goal.flowPath()), target);
      if (path.isEmpty()) {
        path = shortestPath(index, start, target);
      }
    }
    Set<String> states = new LinkedHashSet<>();
    Set<String> elements = new LinkedHashSet<>();
    Set<String> forms = new LinkedHashSet<>();
    if (start != null) {
      states.add(start);
    }
    for (Transition step : path) {
      states.add(step.toStateId());
      if (step.elementId() != null) {
        elements.add(step.elementId());
        index.formSubmittedBy(step.elementId()).ifPresent(form -> forms.add(form.formId()));
      }
    }
    if (target != null && index.hasState(target)) {
      states.add(target);
    }
    return new GoalFlow(List.copyOf(states), List.copyOf(elements), List.copyOf(forms));
  }

  private Scenario goalScenario(
      ObservationIndex index, String instruction, GoalFlow flow, boolean hasCredentials) {
    GoalOutcome goal = index.observation().goal();
    List<String> given = new ArrayList<>();
    index.state(startStateId(index)).ifPresent(s -> given.add("the user opens " + s.url()));
    if (given.isEmpty()) {
      given.add("the user opens " + index.observation().targetUrl());
    }
    List<String> when = new ArrayList<>();
    if (goal != null && goal.flowPath() != null && !goal.flowPath().isEmpty()) {
      goal.flowPath().forEach(step -> when.add(shorten(step)));
    } else {
      when.add("the user does: " + shorten(instruction));
    }
    List<String> then = new ArrayList<>();
    then.add("'" + shorten(instruction) + "' is accomplished");
    if (goal != null && goal.goalStateId() != null) {
      index.state(goal.goalStateId()).ifPresent(s -> then.add(pageName(s) + " is shown"));
    }
    Map<String, String> data = new LinkedHashMap<>();
    for (String formId : flow.formIds()) {
      index
          .form(formId)
          .ifPresent(form -> formData(form, hasCredentials).forEach(data::putIfAbsent));
    }
    List<String> tags = new ArrayList<>(List.of(ScenarioVocabulary.TAG_GOAL, CRITICAL));
    if (goal != null && !goal.reached()) {
      tags.add("goal_unreached");
    }
    return scenario(
        GOAL_ID,
        "Goal: " + shorten(instruction),
        given,
        when,
        then,
        CRITICAL,
        FUNCTIONAL,
        tags,
        data,
        new Evidence(flow.stateIds(), flow.formIds(), flow.elementIds()),
        false);
  }

  private static List<Scenario> tagGoalFlow(List<Scenario> scenarios, GoalFlow flow) {
    List<Scenario> tagged = new ArrayList<>(scenarios.size());
    for (Scenario scenario : scenarios) {
      if (!scenario.scenarioId().equals(GOAL_ID) && onFlow(scenario, flow)) {
        List<String> tags = new ArrayList<>(scenario.tags());
        tags.add(ScenarioVocabulary.TAG_GOAL_FLOW);
        scenario = withTags(scenario, tags);
      }
      tagged.add(scenario);
    }
    return tagged;
  }

  /**
   * On the flow: a form scenario of a form the flow submits; a scenario using an element the flow
   * clicks; a functional or navigation scenario without a form whose states all lie on the flow.
   */
  private static boolean onFlow(Scenario scenario, GoalFlow flow) {
    Evidence evidence = scenario.evidence();
    if (!orEmpty(evidence.formIds()).isEmpty()) {
      return evidence.formIds().stream().anyMatch(flow.formIds()::contains);
    }
    if (orEmpty(evidence.elementIds()).stream().anyMatch(flow.elementIds()::contains)) {
      return true;
    }
    boolean walks =
        scenario.scenarioType().equals(FUNCTIONAL) || scenario.scenarioType().equals(NAVIGATION);
    return walks
        && !orEmpty(evidence.stateIds()).isEmpty()
        && flow.stateIds().containsAll(evidence.stateIds());
  }

  // ---- states ----------------------------------------------------------------------------------

  private Scenario renderScenario(ObservationIndex index, StateInfo state) {
    boolean start = state.stateId().equals(startStateId(index));
    List<String> given = new ArrayList<>();
    List<String> path = orEmpty(state.path());
    if (path.isEmpty()) {
      given.add("the user opens " + state.url());
    } else {
      index.state(startStateId(index)).ifPresent(s -> given.add("the user opens " + s.url()));
      given.add("the user does: " + shorten(String.join(" > ", path)));
    }
    List<String> then = new ArrayList<>();
    if (state.title() != null && !state.title().isBlank()) {
      then.add("the page title is '" + shorten(state.title()) + "'");
    }
    mainHeading(state)
        .ifPresent(h -> then.add("the heading '" + shorten(h.text()) + "' is visible"));
    List<String> instances = orEmpty(state.instanceUrls());
    boolean template = instances.size() > 1;
    if (template) {
      then.add("each of the " + instances.size() + " instance pages shows the same layout");
    }
    if (then.isEmpty()) {
      then.add("the page shows its content without an error");
    }
    List<String> tags = new ArrayList<>(List.of("render"));
    if (start) {
      tags.add("start");
    }
    if (template) {
      tags.add("template");
    }
    Map<String, String> data = new LinkedHashMap<>();
    if (state.url() != null) {
      data.put("url", state.url());
    }
    for (int i = 0; template && i < Math.min(3, instances.size()); i++) {
      data.put("instance_url_" + (i + 1), instances.get(i));
    }
    return scenario(
        "REQ-RENDER-" + safeId(state.stateId()),
        shorten("Page '" + displayName(state) + "' renders its key content"),
        given,
        List.of("the page has loaded"),
        then,
        start ? HIGH : MEDIUM,
        FUNCTIONAL,
        tags,
        data,
        new Evidence(List.of(state.stateId()), List.of(), List.of()),
        false);
  }

  /**
   * One navigation per state reachable by clicks: the breadth-first tree from the start state, in
   * transition order. Form submissions are covered by form scenarios, so they are not followed.
   */
  private List<Scenario> navigationScenarios(ObservationIndex index) {
    String start = startStateId(index);
    if (start == null) {
      return List.of();
    }
    Map<String, List<Transition>> outgoing = new LinkedHashMap<>();
    for (Transition t : index.transitions()) {
      boolean clickOrLink = "click".equals(t.action()) || "navigate".equals(t.action());
      if (clickOrLink
          && t.fromStateId() != null
          && !t.fromStateId().equals(t.toStateId())
          && index.hasState(t.fromStateId())
          && index.hasState(t.toStateId())) {
        outgoing.computeIfAbsent(t.fromStateId(), k -> new ArrayList<>()).add(t);
      }
    }
    List<Scenario> scenarios = new ArrayList<>();
    Set<String> reached = new LinkedHashSet<>(List.of(start));
    Deque<String> queue = new ArrayDeque<>(List.of(start));
    while (!queue.isEmpty()) {
      String from = queue.removeFirst();
      for (Transition t : outgoing.getOrDefault(from, List.of())) {
        if (reached.add(t.toStateId())) {
          queue.addLast(t.toStateId());
          scenarios.add(navigationScenario(index, t));
        }
      }
    }
    return scenarios;
  }

  private Scenario navigationScenario(ObservationIndex index, Transition t) {
    StateInfo from = index.state(t.fromStateId()).orElseThrow();
    StateInfo to = index.state(t.toStateId()).orElseThrow();
    String action =
        t.label() != null && !t.label().isBlank()
            ? t.label()
            : index.element(t.elementId()).map(e -> "click '" + e.text() + "'").orElse(t.action());
    List<String> then = new ArrayList<>(List.of(pageName(to) + " is shown"));
    if (to.url() != null && orEmpty(to.path()).isEmpty()) {
      then.add("the URL is " + to.url());
    }
    Map<String, String> data = new LinkedHashMap<>();
    if (from.url() != null) {
      data.put("start_url", from.url());
    }
    return scenario(
        "REQ-NAV-" + safeId(from.stateId()) + "-TO-" + safeId(to.stateId()),
        shorten("Navigate from " + displayName(from) + " to " + displayName(to)),
        List.of("the user is on " + pageName(from)),
        List.of("the user does: " + shorten(action)),
        then,
        to.depth() <= 1 ? MEDIUM : LOW,
        NAVIGATION,
        List.of("navigation"),
        data,
        new Evidence(
            List.of(from.stateId(), to.stateId()),
            List.of(),
            t.elementId() == null ? List.of() : List.of(t.elementId())),
        false);
  }

  // ---- forms -----------------------------------------------------------------------------------

  private List<Scenario> formScenarios(ObservationIndex index, FormInfo form, boolean credentials) {
    List<Scenario> scenarios = new ArrayList<>();
    String purpose = purposeOf(form);
    String formKey = safeId(form.formId());
    StateInfo state = index.state(form.stateId()).orElse(null);
    List<String> given =
        List.of("the user is on " + (state == null ? "the form's page" : pageName(state)));
    List<FieldInfo> fields = inputFields(form);
    switch (purpose) {
      case "login" -> {
        if (credentials) {
          scenarios.add(loginSuccess(index, form, formKey, given, fields));
          scenarios.add(loginFailure(form, formKey, given, state, fields));
        }
      }
      case "search" -> {
        if (!fields.isEmpty()) {
          scenarios.add(searchHit(index, form, formKey, given, fields));
          scenarios.add(searchNoHit(form, formKey, given, fields));
        }
      }
      default -> scenarios.add(happyPath(index, form, formKey, purpose, given));
    }
    Map<String, String> valid = formData(form, credentials);
    for (FieldInfo field : fields) {
      String label = labelOf(field);
      String fieldKey = safeId(fieldKeyOf(field));
      if (field.required()) {
        Map<String, String> data = new LinkedHashMap<>(valid);
        data.put(dataKeyOf(field), "");
        List<String> then = new ArrayList<>(List.of("the form is not submitted"));
        then.add("a validation message is shown for '" + label + "'");
        observedMessage(form, field)
            .ifPresent(m -> then.add("the message reads '" + shorten(m) + "'"));
        scenarios.add(
            scenario(
                "REQ-FORM-" + formKey + "-REQUIRED-" + fieldKey,
                shorten(formTitle(form, purpose) + " requires '" + label + "'"),
                given,
                List.of("the user leaves '" + label + "' empty", "the user submits the form"),
                then,
                MEDIUM,
                FORM_VALIDATION,
                List.of("form", "required"),
                data,
                fieldEvidence(form, field),
                false));
      }
      Optional<FieldTestData.InvalidValue> invalid = FieldTestData.invalidValue(field);
      if (invalid.isPresent()) {
        Map<String, String> data = new LinkedHashMap<>(valid);
        data.put(dataKeyOf(field), invalid.get().value());
        scenarios.add(
            scenario(
                "REQ-FORM-" + formKey + "-INVALID-" + fieldKey,
                shorten(formTitle(form, purpose) + " rejects an invalid '" + label + "'"),
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
                fieldEvidence(form, field),
                false));
      }
    }
    return scenarios;
  }

  private Scenario loginSuccess(
      ObservationIndex index,
      FormInfo form,
      String formKey,
      List<String> given,
      List<FieldInfo> fields) {
    List<String> then = new ArrayList<>(List.of("the user is signed in"));
    submitTarget(index, form).ifPresent(s -> then.add(pageName(s) + " is shown"));
    then.add("no login error is shown");
    return scenario(
        "REQ-LOGIN-" + formKey + "-SUCCESS",
        "Login succeeds with valid credentials",
        given,
        List.of(
            "the user enters the username from TESTGEN_USERNAME",
            "the user enters the password from TESTGEN_PASSWORD",
            "the user submits the form"),
        then,
        CRITICAL,
        FUNCTIONAL,
        List.of("login", "auth"),
        formData(form, true),
        formEvidence(form, fields),
        false);
  }

  private Scenario loginFailure(
      FormInfo form, String formKey, List<String> given, StateInfo state, List<FieldInfo> fields) {
    Map<String, String> data = formData(form, true);
    fields.stream()
        .filter(ScenarioDeriver::isPassword)
        .forEach(f -> data.put(dataKeyOf(f), "wrong-" + FieldTestData.UNIQUE));
    return scenario(
        "REQ-LOGIN-" + formKey + "-FAILURE",
        "Login fails with a wrong password",
        given,
        List.of(
            "the user enters the username from TESTGEN_USERNAME",
            "the user enters a wrong password",
            "the user submits the form"),
        List.of(
            "an error message is shown",
            "the user stays on " + (state == null ? "the login page" : pageName(state)),
            "the user is not signed in"),
        HIGH,
        NEGATIVE,
        List.of("login", "auth"),
        data,
        formEvidence(form, fields),
        false);
  }

  private Scenario searchHit(
      ObservationIndex index,
      FormInfo form,
      String formKey,
      List<String> given,
      List<FieldInfo> fields) {
    FieldInfo query = fields.get(0);
    Optional<FormSubmission> observed =
        submissions(form, "valid").stream()
            .filter(s -> !orEmpty(s.newTexts()).isEmpty() && s.values() != null)
            .filter(s -> s.values().get(query.name()) != null)
            .findFirst();
    String term =
        observed.map(s -> s.values().get(query.name())).orElseGet(() -> searchTerm(index));
    List<String> then = new ArrayList<>(List.of("at least one result is listed"));
    observed.ifPresent(s -> then.add("'" + shorten(s.newTexts().get(0)) + "' is listed"));
    Map<String, String> data = new LinkedHashMap<>();
    data.put(dataKeyOf(query), term);
    return scenario(
        "REQ-SEARCH-" + formKey + "-HIT",
        "Search finds matching results",
        given,
        List.of("the user searches for '" + term + "'"),
        then,
        HIGH,
        FUNCTIONAL,
        List.of("search"),
        data,
        formEvidence(form, List.of(query)),
        false);
  }

  private Scenario searchNoHit(
      FormInfo form, String formKey, List<String> given, List<FieldInfo> fields) {
    FieldInfo query = fields.get(0);
    Map<String, String> data = new LinkedHashMap<>();
    data.put(dataKeyOf(query), "zzqx-no-match-" + FieldTestData.UNIQUE);
    return scenario(
        "REQ-SEARCH-" + formKey + "-NO-HIT",
        "Search without a match says so",
        given,
        List.of("the user searches for a term nothing matches"),
        List.of("no result is listed", "a no-results message is shown", "no error page appears"),
        MEDIUM,
        EDGE,
        List.of("search"),
        data,
        formEvidence(form, List.of(query)),
        false);
  }

  private Scenario happyPath(
      ObservationIndex index, FormInfo form, String formKey, String purpose, List<String> given) {
    Optional<FormSubmission> valid = submissions(form, "valid").stream().findFirst();
    List<String> then = new ArrayList<>();
    valid
        .map(FormSubmission::resultStateId)
        .filter(id -> !id.equals(form.stateId()))
        .flatMap(index::state)
        .ifPresent(s -> then.add(pageName(s) + " is shown"));
    valid
        .map(FormSubmission::newTexts)
        .filter(texts -> texts != null && !texts.isEmpty())
        .ifPresent(texts -> then.add("'" + shorten(texts.get(0)) + "' appears"));
    then.add("no validation message is shown");
    boolean changesData = purpose.equals("signup") || purpose.equals("create");
    return scenario(
        "REQ-FORM-" + formKey + "-HAPPY",
        shorten(formTitle(form, purpose) + " accepts valid input"),
        given,
        List.of("the user fills every field with valid data", "the user submits the form"),
        then,
        changesData ? HIGH : MEDIUM,
        FUNCTIONAL,
        changesData ? List.of("form", purpose, "creates_data") : List.of("form", purpose),
        formData(form, false),
        formEvidence(form, inputFields(form)),
        false);
  }

  // ---- accessibility ---------------------------------------------------------------------------

  private List<Scenario> accessibilityScenarios(ObservationIndex index, StateInfo state) {
    List<Scenario> scenarios = new ArrayList<>();
    AccessibilityFacts facts = state.accessibility();
    String key = safeId(state.stateId());
    List<String> given = List.of("the user is on " + pageName(state));
    Evidence stateOnly = new Evidence(List.of(state.stateId()), List.of(), List.of());
    List<String> inputs = inputIdsOn(index, state);
    if (facts != null && !inputs.isEmpty()) {
      List<String> unlabelled =
          orEmpty(facts.unlabelledInputs()).stream().filter(index::hasElement).toList();
      boolean violation = !orEmpty(facts.unlabelledInputs()).isEmpty();
      scenarios.add(
          a11y(
              "REQ-A11Y-" + key + "-LABELS",
              "Inputs on " + displayName(state) + " have labels",
              given,
              List.of("each of the " + inputs.size() + " inputs has an accessible name"),
              violation,
              new Evidence(List.of(state.stateId()), List.of(), unlabelled)));
    }
    if (facts != null && facts.imageCount() > 0) {
      List<String> missing =
          orEmpty(facts.imagesWithoutAlt()).stream().filter(index::hasElement).toList();
      scenarios.add(
          a11y(
              "REQ-A11Y-" + key + "-ALT",
              "Images on " + displayName(state) + " have alt text",
              given,
              List.of("each of the " + facts.imageCount() + " images has an alt attribute"),
              !orEmpty(facts.imagesWithoutAlt()).isEmpty(),
              new Evidence(List.of(state.stateId()), List.of(), missing)));
    }
    if (facts != null) {
      scenarios.add(
          a11y(
              "REQ-A11Y-" + key + "-HEADINGS",
              "Headings on " + displayName(state) + " are ordered",
              given,
              List.of("there is exactly one h1", "heading levels do not skip a level"),
              facts.h1Count() != 1 || !facts.headingOrderValid(),
              stateOnly));
    }
    int controls = ObservationIndex.elementsOf(state).size();
    if (controls > 0) {
      scenarios.add(
          a11y(
              "REQ-A11Y-" + key + "-KEYBOARD",
              "Controls on " + displayName(state) + " are reachable by keyboard",
              given,
              List.of("pressing Tab reaches each of the " + controls + " interactive controls"),
              false,
              stateOnly));
    }
    return scenarios;
  }

  private Scenario a11y(
      String id,
      String title,
      List<String> given,
      List<String> then,
      boolean violationSeen,
      Evidence evidence) {
    return scenario(
        id,
        shorten(title),
        given,
        List.of("the accessibility check runs on the page"),
        then,
        violationSeen ? MEDIUM : LOW,
        ACCESSIBILITY,
        violationSeen ? List.of("a11y", "violation_observed") : List.of("a11y"),
        Map.of(),
        evidence,
        false);
  }

  // ---- probes ----------------------------------------------------------------------------------

  private List<Scenario> probeScenarios(ObservationIndex index, FormInfo form) {
    Optional<FieldInfo> target =
        inputFields(form).stream().filter(FieldTestData::acceptsText).findFirst();
    if (target.isEmpty()) {
      return List.of();
    }
    FieldInfo field = target.get();
    String formKey = safeId(form.formId());
    String label = labelOf(field);
    StateInfo state = index.state(form.stateId()).orElse(null);
    List<String> given =
        List.of("the user is on " + (state == null ? "the form's page" : pageName(state)));
    Map<String, String> base = formData(form, false);
    Map<String, String> script = new LinkedHashMap<>(base);
    script.put(dataKeyOf(field), FieldTestData.SCRIPT_PROBE);
    Map<String, String> overlong = new LinkedHashMap<>(base);
    overlong.put(dataKeyOf(field), FieldTestData.OVERLONG_VALUE);
    Evidence evidence = fieldEvidence(form, field);
    return List.of(
        scenario(
            "REQ-PROBE-" + formKey + "-SCRIPT-ECHO",
            shorten("Probe: script in '" + label + "' is not executed"),
            given,
            List.of(
                "the user enters a script tag into '" + label + "'", "the user submits the form"),
            List.of(
                "the script does not run (window.__testgen_probe stays undefined)",
                "any echo of the input is shown as text"),
            MEDIUM,
            SECURITY,
            List.of("probe", "xss"),
            script,
            evidence,
            true),
        scenario(
            "REQ-PROBE-" + formKey + "-OVERLONG",
            shorten("Probe: overlong '" + label + "' is handled"),
            given,
            List.of(
                "the user enters "
                    + FieldTestData.OVERLONG_LENGTH
                    + " characters into '"
                    + label
                    + "'",
                "the user submits the form"),
            List.of("the app answers without a server error", "the page stays usable"),
            MEDIUM,
            SECURITY,
            List.of("probe", "overlong"),
            overlong,
            evidence,
            true));
  }

  // ---- shared ----------------------------------------------------------------------------------

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

  private static Optional<StateInfo> submitTarget(ObservationIndex index, FormInfo form) {
    if (form.submit() == null) {
      return Optional.empty();
    }
    return index.transitions().stream()
        .filter(t -> form.submit().elementId().equals(t.elementId()))
        .filter(t -> t.toStateId() != null && !t.toStateId().equals(form.stateId()))
        .findFirst()
        .flatMap(t -> index.state(t.toStateId()));
  }

  private static Optional<String> observedMessage(FormInfo form, FieldInfo field) {
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

  private static List<FormSubmission> submissions(FormInfo form, String kind) {
    return orEmpty(form.submissions()).stream().filter(s -> kind.equals(s.kind())).toList();
  }

  /** A word from a link text, so a search for it likely finds something. */
  private static String searchTerm(ObservationIndex index) {
    for (StateInfo state : index.states()) {
      for (ElementInfo link : orEmpty(state.links())) {
        if (link.text() == null) {
          continue;
        }
        for (String word : link.text().split("\\W+")) {
          if (word.length() >= 4 && word.chars().allMatch(Character::isLetter)) {
            return word.toLowerCase(Locale.ROOT);
          }
        }
      }
    }
    return "test";
  }

  private static List<String> inputIdsOn(ObservationIndex index, StateInfo state) {
    Set<String> ids = new LinkedHashSet<>();
    orEmpty(state.inputs()).forEach(e -> ids.add(e.elementId()));
    for (FormInfo form : index.forms()) {
      if (state.stateId().equals(form.stateId())) {
        inputFields(form).forEach(f -> ids.add(f.elementId()));
      }
    }
    ids.remove(null);
    return List.copyOf(ids);
  }

  /**
   * The path that follows the goal's own step labels from the start state, skipping steps that are
   * no transition (typing); empty unless it ends at {@code target}.
   */
  private static List<Transition> pathByLabels(
      ObservationIndex index, String from, List<String> labels, String target) {
    List<Transition> path = new ArrayList<>();
    String at = from;
    for (String label : labels) {
      String current = at;
      Optional<Transition> step =
          index.transitions().stream()
              .filter(t -> current != null && current.equals(t.fromStateId()))
              .filter(t -> t.label() != null && t.label().equalsIgnoreCase(label.strip()))
              .findFirst();
      if (step.isPresent()) {
        path.add(step.get());
        at = step.get().toStateId();
      }
    }
    return target.equals(at) ? path : List.of();
  }

  private static List<Transition> shortestPath(ObservationIndex index, String from, String to) {
    if (from == null || from.equals(to)) {
      return List.of();
    }
    Map<String, Transition> cameBy = new HashMap<>();
    Deque<String> queue = new ArrayDeque<>(List.of(from));
    Set<String> seen = new LinkedHashSet<>(List.of(from));
    while (!queue.isEmpty()) {
      String current = queue.removeFirst();
      for (Transition t : index.transitions()) {
        if (current.equals(t.fromStateId())
            && !"back".equals(t.action())
            && seen.add(t.toStateId())) {
          cameBy.put(t.toStateId(), t);
          if (t.toStateId().equals(to)) {
            List<Transition> path = new ArrayList<>();
            for (String at = to; !at.equals(from); at = cameBy.get(at).fromStateId()) {
              path.add(0, cameBy.get(at));
            }
            return path;
          }
          queue.addLast(t.toStateId());
        }
      }
    }
    return List.of();
  }

  static String startStateId(ObservationIndex index) {
    String start = index.observation().startStateId();
    if (index.hasState(start)) {
      return start;
    }
    return index.states().isEmpty() ? null : index.states().get(0).stateId();
  }

  private static Evidence formEvidence(FormInfo form, List<FieldInfo> fields) {
    List<String> elements = new ArrayList<>();
    fields.forEach(f -> elements.add(f.elementId()));
    if (form.submit() != null) {
      elements.add(form.submit().elementId());
    }
    elements.removeIf(e -> e == null);
    return new Evidence(
        List.of(form.stateId()),
        List.of(form.formId()),
        List.copyOf(new LinkedHashSet<>(elements)));
  }

  private static Evidence fieldEvidence(FormInfo form, FieldInfo field) {
    return formEvidence(form, List.of(field));
  }

  private static List<FieldInfo> inputFields(FormInfo form) {
    return orEmpty(form.fields()).stream()
        .filter(
            f -> f.type() == null || !NON_INPUT_TYPES.contains(f.type().toLowerCase(Locale.ROOT)))
        .toList();
  }

  static String purposeOf(FormInfo form) {
    return form.purpose() == null ? "generic" : form.purpose().toLowerCase(Locale.ROOT);
  }

  private static boolean isPassword(FieldInfo field) {
    return "password".equalsIgnoreCase(field.type());
  }

  private static String formTitle(FormInfo form, String purpose) {
    return Character.toUpperCase(purpose.charAt(0)) + purpose.substring(1) + " form";
  }

  private static String labelOf(FieldInfo field) {
    if (field.label() != null && !field.label().isBlank()) {
      return shorten(field.label());
    }
    return fieldKeyOf(field);
  }

  private static String fieldKeyOf(FieldInfo field) {
    return field.name() != null && !field.name().isBlank()
        ? field.name()
        : String.valueOf(field.elementId());
  }

  /** Test data is keyed by field name, which is what a test fills by. */
  private static String dataKeyOf(FieldInfo field) {
    return fieldKeyOf(field);
  }

  private static Optional<Heading> mainHeading(StateInfo state) {
    List<Heading> headings = orEmpty(state.headings());
    return headings.stream()
        .filter(h -> h.level() == 1)
        .findFirst()
        .or(() -> headings.stream().findFirst())
        .filter(h -> h.text() != null && !h.text().isBlank());
  }

  private static String pageName(StateInfo state) {
    return "the '" + displayName(state) + "' page";
  }

  private static String displayName(StateInfo state) {
    if (state.title() != null && !state.title().isBlank()) {
      return shorten(state.title());
    }
    return state.url() == null ? state.stateId() : shorten(state.url());
  }

  static String safeId(String raw) {
    return UNSAFE_ID_CHARACTERS.matcher(raw == null ? "unknown" : raw).replaceAll("_");
  }

  static String shorten(String text) {
    if (text == null) {
      return "";
    }
    String single = text.strip().replaceAll("\\s+", " ");
    return single.length() <= MAX_TEXT ? single : single.substring(0, MAX_TEXT - 3) + "...";
  }

  static Scenario withTags(Scenario s, List<String> tags) {
    return new Scenario(
        s.scenarioId(),
        s.title(),
        s.given(),
        s.when(),
        s.then(),
        s.priority(),
        s.scenarioType(),
        List.copyOf(tags),
        s.testData(),
        s.evidence(),
        s.probe(),
        s.source());
  }

  private static Scenario scenario(
      String id,
      String title,
      List<String> given,
      List<String> when,
      List<String> then,
      String priority,
      String type,
      List<String> tags,
      Map<String, String> testData,
      Evidence evidence,
      boolean probe) {
    return new Scenario(
        id,
        title,
        List.copyOf(given),
        List.copyOf(when),
        List.copyOf(then),
        priority,
        type,
        List.copyOf(tags),
        java.util.Collections.unmodifiableMap(new LinkedHashMap<>(testData)),
        evidence,
        probe,
        ScenarioVocabulary.SOURCE_RULES);
  }
}
