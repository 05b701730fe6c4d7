package io.testgen.common.agents.observation;

import java.util.List;

/**
 * A state: what the user sees. Pages whose DOM structure matches share a template fingerprint and
 * count as one state; a few instance URLs are kept.
 *
 * @param fingerprint hash of the DOM structure (not the text, not the URL)
 * @param depth crawl depth at which it was first reached
 * @param httpStatus status of the document that produced it (null for in-page states)
 * @param screenshotRef artifact path of a screenshot, outside Temporal
 * @param path actions from the start state that reach it (for replay), empty for URL-reachable
 * @param accessibility automatically checkable facts (unlabelled inputs, images without alt ...)
 * @param prose the page's own sentences (paragraphs outside navigation, header, footer and forms;
 *     whole sentences without figures), at most two, in page order: what a render test asserts
 *     beside the heading
 */
public record StateInfo(
    String stateId,
    String fingerprint,
    String url,
    String title,
    int depth,
    Integer httpStatus,
    List<Heading> headings,
    List<ElementInfo> links,
    List<ElementInfo> buttons,
    List<ElementInfo> inputs,
    List<String> formIds,
    List<String> instanceUrls,
    String screenshotRef,
    List<String> path,
    AccessibilityFacts accessibility,
    List<String> prose) {

  public StateInfo {
    prose = prose == null ? List.of() : List.copyOf(prose);
  }
}
