package io.testgen.worker;

import io.testgen.common.agents.observation.AccessibilityFacts;
import io.testgen.common.agents.observation.ElementInfo;
import io.testgen.common.agents.observation.Heading;
import io.testgen.common.agents.observation.StateInfo;
import java.util.List;

/**
 * Builds a {@link StateInfo} for a test by the parts the test is about, instead of sixteen
 * positional arguments. A part not given: fingerprint {@code fp-<id>}, title the id, depth 0, HTTP
 * status 200, no screenshot, no accessibility facts, every list empty.
 */
public final class StateInfoBuilder {
  private final String id;
  private final String url;
  private String fingerprint;
  private String title;
  private int depth;
  private Integer httpStatus = 200;
  private List<Heading> headings = List.of();
  private List<ElementInfo> links = List.of();
  private List<ElementInfo> buttons = List.of();
  private List<ElementInfo> inputs = List.of();
  private List<String> formIds = List.of();
  private List<String> instanceUrls = List.of();
  private String screenshotRef;
  private List<String> path = List.of();
  private AccessibilityFacts accessibility;

  private StateInfoBuilder(String id, String url) {
    this.id = id;
    this.url = url;
    this.fingerprint = "fp-" + id;
    this.title = id;
  }

  /** The state {@code id} seen at {@code url}. */
  public static StateInfoBuilder state(String id, String url) {
    return new StateInfoBuilder(id, url);
  }

  public StateInfoBuilder fingerprint(String fingerprint) {
    this.fingerprint = fingerprint;
    return this;
  }

  public StateInfoBuilder title(String title) {
    this.title = title;
    return this;
  }

  public StateInfoBuilder depth(int depth) {
    this.depth = depth;
    return this;
  }

  /** The document's status; null for a state seen without a document load. */
  public StateInfoBuilder httpStatus(Integer httpStatus) {
    this.httpStatus = httpStatus;
    return this;
  }

  public StateInfoBuilder headings(List<Heading> headings) {
    this.headings = headings;
    return this;
  }

  /** One h1 reading {@code text}. */
  public StateInfoBuilder h1(String text) {
    return headings(List.of(new Heading(1, text)));
  }

  public StateInfoBuilder links(List<ElementInfo> links) {
    this.links = links;
    return this;
  }

  public StateInfoBuilder buttons(List<ElementInfo> buttons) {
    this.buttons = buttons;
    return this;
  }

  public StateInfoBuilder inputs(List<ElementInfo> inputs) {
    this.inputs = inputs;
    return this;
  }

  public StateInfoBuilder formIds(List<String> formIds) {
    this.formIds = formIds;
    return this;
  }

  public StateInfoBuilder instanceUrls(List<String> instanceUrls) {
    this.instanceUrls = instanceUrls;
    return this;
  }

  public StateInfoBuilder screenshotRef(String screenshotRef) {
    this.screenshotRef = screenshotRef;
    return this;
  }

  /** Reached only through these actions from the start state (so no HTTP status was seen). */
  public StateInfoBuilder reachedBy(List<String> actions) {
    this.path = actions;
    this.httpStatus = actions.isEmpty() ? httpStatus : null;
    return this;
  }

  public StateInfoBuilder accessibility(AccessibilityFacts accessibility) {
    this.accessibility = accessibility;
    return this;
  }

  public StateInfo build() {
    return new StateInfo(
        id,
        fingerprint,
        url,
        title,
        depth,
        httpStatus,
        headings,
        links,
        buttons,
        inputs,
        formIds,
        instanceUrls,
        screenshotRef,
        path,
        accessibility,
        List.of());
  }
}
