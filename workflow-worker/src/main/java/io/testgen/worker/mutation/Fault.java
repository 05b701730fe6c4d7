package io.testgen.worker.mutation;

import java.util.Set;

/**
 * One fault to inject into the running app through the browser, derived from what Observation saw.
 *
 * @param operator the operator's name (link_missing, post_500 ...)
 * @param how where the fault is applied: in the document the server sends, in the answer to a POST,
 *     or in the DOM after every change
 * @param path the URL path (with {@code #fragment} for hash-routed pages) it applies to; null for
 *     every page of the app
 * @param target the text it looks for (a heading, a link's text, a message ...), or null
 * @param replacement the new text, or the wrong page a POST is redirected to
 * @param scope path keys of the states a test must reach for this fault to concern it
 */
record Fault(
    String faultId,
    String operator,
    String stateId,
    String description,
    How how,
    String path,
    String target,
    String replacement,
    Set<String> scope) {

  enum How {
    HTML,
    POST,
    DOM
  }
}
