package io.testgen.worker.evolution;

import io.testgen.common.agents.evolution.TestStep;
import io.testgen.common.agents.observation.Locator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a delete round trip reaches the deletion once its record is created: open the record from the
 * page the app showed after creating it, then use the record's delete control (a confirmation, if
 * the app asks for one, is found live).
 *
 * @param recordPage path of a record's page, its ids as {@link UrlPattern#ID}
 * @param openDelete the click on the record page's delete control
 */
record DeleteRoundTrip(String recordPage, List<TestStep> openDelete) {
  DeleteRoundTrip {
    openDelete = List.copyOf(openDelete);
  }

  /**
   * The steps after the creation: a click on the record's link unless the app already showed the
   * record's page ({@code landedPath}), then the delete control.
   */
  List<TestStep> after(String landedPath, String recordName) {
    List<TestStep> steps = new ArrayList<>();
    if (landedPath == null || !recordPage.equals(UrlPattern.withIds(landedPath)))
      steps.add(Steps.click(List.of(recordLink(recordName)), "the record '" + recordName + "'"));
    steps.addAll(openDelete);
    return steps;
  }

  /** The link that names the record: exactly its name, as a list shows it. */
  static Locator recordLink(String recordName) {
    return Locator.role("link", recordName, true);
  }

  /**
   * The value that names the created record: a typed value carrying this run's unique token that
   * the app showed as a text of its own (a list's link), or failing that inside a text (a message
   * "The book “...” was added").
   */
  static Optional<String> recordName(Map<String, String> data, List<String> shownTexts) {
    List<String> unique =
        data.values().stream()
            .filter(v -> v != null && v.contains(TestData.UNIQUE))
            .filter(v -> TestData.environmentVariable(v) == null)
            .toList();
    Optional<String> exact = unique.stream().filter(shownTexts::contains).findFirst();
    if (exact.isPresent()) return exact;
    return unique.stream()
        .filter(v -> shownTexts.stream().anyMatch(t -> t.contains(v)))
        .findFirst();
  }
}
