package io.testgen.common.agents.observation;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Lookups over an {@link ObservationResult}, tolerant of null lists: states, forms and elements by
 * id, in observation order. Built once per activity call; the one index every agent reads an
 * observation through, so agents share the data model, never each other's code.
 */
public final class ObservationIndex {
  private final ObservationResult observation;
  private final Map<String, StateInfo> states = new LinkedHashMap<>();
  private final Map<String, FormInfo> forms = new LinkedHashMap<>();
  private final Map<String, List<Locator>> elementLocators = new LinkedHashMap<>();
  private final Map<String, ElementInfo> elements = new LinkedHashMap<>();

  public ObservationIndex(ObservationResult observation) {
    this.observation = observation;
    for (StateInfo state : orEmpty(observation.states())) {
      states.putIfAbsent(state.stateId(), state);
      for (ElementInfo element : elementsOf(state)) {
        addElement(element.elementId(), element.locators());
        elements.putIfAbsent(element.elementId(), element);
      }
    }
    for (FormInfo form : orEmpty(observation.forms())) {
      forms.putIfAbsent(form.formId(), form);
      for (FieldInfo field : orEmpty(form.fields())) {
        addElement(field.elementId(), field.locators());
      }
      if (form.submit() != null) {
        addElement(form.submit().elementId(), form.submit().locators());
        elements.putIfAbsent(form.submit().elementId(), form.submit());
      }
    }
  }

  public ObservationResult observation() {
    return observation;
  }

  public List<StateInfo> states() {
    return List.copyOf(states.values());
  }

  public List<FormInfo> forms() {
    return List.copyOf(forms.values());
  }

  public List<Transition> transitions() {
    return orEmpty(observation.transitions());
  }

  public List<Finding> findings() {
    return orEmpty(observation.findings());
  }

  public Optional<StateInfo> state(String stateId) {
    return Optional.ofNullable(stateId == null ? null : states.get(stateId));
  }

  public Optional<FormInfo> form(String formId) {
    return Optional.ofNullable(formId == null ? null : forms.get(formId));
  }

  /** The element (link, button, input, submit) with this id, when it is not only a form field. */
  public Optional<ElementInfo> element(String elementId) {
    return Optional.ofNullable(elementId == null ? null : elements.get(elementId));
  }

  public boolean hasState(String stateId) {
    return stateId != null && states.containsKey(stateId);
  }

  public boolean hasForm(String formId) {
    return formId != null && forms.containsKey(formId);
  }

  public boolean hasElement(String elementId) {
    return elementId != null && elementLocators.containsKey(elementId);
  }

  /** Every element id seen (links, buttons, inputs, form fields, submits), once each. */
  public List<String> elementIds() {
    return List.copyOf(elementLocators.keySet());
  }

  /** The locators recorded for an element, best first; empty when unknown. */
  public List<Locator> locatorsOf(String elementId) {
    return elementLocators.getOrDefault(elementId, List.of());
  }

  /** The form whose submit control is {@code elementId}, if any. */
  public Optional<FormInfo> formSubmittedBy(String elementId) {
    if (elementId == null) {
      return Optional.empty();
    }
    return forms.values().stream()
        .filter(form -> form.submit() != null && elementId.equals(form.submit().elementId()))
        .findFirst();
  }

  /**
   * What makes two forms the same form shown on several states: where it submits (a form without
   * action submits to its own page; query and fragment ignored), how, and its field names. A search
   * box in a header has one signature on every page.
   */
  public String formSignature(FormInfo form) {
    String pageUrl = state(form.stateId()).map(StateInfo::url).orElse(null);
    String action = form.action() == null || form.action().isBlank() ? pageUrl : form.action();
    String method = form.method() == null ? "get" : form.method().toLowerCase(Locale.ROOT);
    List<String> names = new ArrayList<>();
    for (FieldInfo field : orEmpty(form.fields())) {
      names.add(field.name() == null ? "#" + field.type() : field.name());
    }
    return method + " " + target(pageUrl, action) + " " + names;
  }

  /**
   * The forms, one per {@link #formSignature signature}: the first copy observed stands for all.
   */
  public List<List<FormInfo>> formsBySignature() {
    Map<String, List<FormInfo>> bySignature = new LinkedHashMap<>();
    for (FormInfo form : forms.values()) {
      bySignature.computeIfAbsent(formSignature(form), k -> new ArrayList<>()).add(form);
    }
    return bySignature.values().stream().map(List::copyOf).toList();
  }

  private static String target(String pageUrl, String action) {
    if (action == null) {
      return "";
    }
    try {
      URI resolved = pageUrl == null ? URI.create(action) : URI.create(pageUrl).resolve(action);
      String path =
          resolved.getPath() == null || resolved.getPath().isEmpty() ? "/" : resolved.getPath();
      return (resolved.getHost() == null ? "" : resolved.getHost()) + path;
    } catch (IllegalArgumentException unparsable) {
      return action;
    }
  }

  /** Links, buttons and inputs of a state, in that order. */
  public static List<ElementInfo> elementsOf(StateInfo state) {
    List<ElementInfo> all = new ArrayList<>();
    all.addAll(orEmpty(state.links()));
    all.addAll(orEmpty(state.buttons()));
    all.addAll(orEmpty(state.inputs()));
    return all;
  }

  public static <T> List<T> orEmpty(List<T> list) {
    return list == null ? Collections.emptyList() : list;
  }

  private void addElement(String elementId, List<Locator> locators) {
    if (elementId == null) {
      return;
    }
    List<Locator> known = elementLocators.get(elementId);
    if (known == null || known.isEmpty()) {
      elementLocators.put(elementId, orEmpty(locators));
    }
  }
}
