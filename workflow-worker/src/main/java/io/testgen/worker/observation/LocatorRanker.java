package io.testgen.worker.observation;

import io.testgen.common.agents.observation.Locator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Ranks the ways to find an element as Playwright recommends: role and accessible name, label, hint
 * text (getByPlaceholder), test id, text, then CSS. A strategy that matched exactly one element on
 * the state ranks before any that did not; order within each group follows the recommendation.
 */
final class LocatorRanker {
  static final int MAX_LOCATORS = 4;

  private LocatorRanker() {}

  static List<Locator> rank(PageSnapshot.RawElement e) {
    List<Locator> candidates = new ArrayList<>();
    Map<String, Integer> counts = e.counts() == null ? Map.of() : e.counts();
    String roleName = present(e.roleName()) ? e.roleName() : e.name();
    if (present(e.role()) && present(roleName) && !"heading".equals(e.role()))
      candidates.add(Locator.role(e.role(), roleName, counts.getOrDefault("role", 0) == 1));
    if (present(e.label()))
      candidates.add(new Locator("label", e.label(), null, counts.getOrDefault("label", 0) == 1));
    if (present(e.hintText()))
      candidates.add(
          new Locator(
              Locator.HINT_TEXT,
              e.hintText(),
              null,
              counts.getOrDefault(Locator.HINT_TEXT, 0) == 1));
    if (present(e.testId()))
      candidates.add(
          new Locator("test_id", e.testId(), null, counts.getOrDefault("test_id", 0) == 1));
    if (present(e.text()) && !"input".equals(e.kind()) && e.text().length() <= 80)
      candidates.add(new Locator("text", e.text(), null, counts.getOrDefault("text", 0) == 1));
    if (present(e.css())) candidates.add(Locator.css(e.css(), counts.getOrDefault("css", 0) == 1));
    List<Locator> ranked = new ArrayList<>();
    candidates.stream().filter(Locator::unique).forEach(ranked::add);
    candidates.stream().filter(l -> !l.unique()).forEach(ranked::add);
    if (ranked.size() > MAX_LOCATORS) {
      // keep CSS as the last resort even when four better strategies exist
      Locator css =
          ranked.stream().filter(l -> l.strategy().equals("css")).findFirst().orElse(null);
      List<Locator> kept = new ArrayList<>(ranked.subList(0, MAX_LOCATORS));
      if (css != null && !kept.contains(css)) kept.set(MAX_LOCATORS - 1, css);
      return List.copyOf(kept);
    }
    return List.copyOf(ranked);
  }

  private static boolean present(String s) {
    return s != null && !s.isBlank();
  }
}
