package io.testgen.worker.requirements;

import static io.testgen.common.agents.observation.ObservationIndex.orEmpty;

import io.testgen.common.agents.observation.ElementInfo;
import io.testgen.common.agents.observation.StateInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A word that several records of one observed list share, and the records' texts: the links of a
 * state that lead to one template of record pages (ids in their paths, at least three of them),
 * where a word appears in two or more link texts but not in all of them (a surname two customers
 * share, not the word every row repeats).
 *
 * @param word the word as the page shows it
 * @param texts the link texts holding it, in page order
 */
record SharedWord(String word, List<String> texts) {
  private static final int MIN_ROWS = 3;
  private static final int MIN_LENGTH = 4;

  SharedWord {
    texts = List.copyOf(texts);
  }

  /** The word shared by the most records of one list (the first list and word on a tie). */
  static Optional<SharedWord> in(List<StateInfo> states) {
    return mostRows(states.stream().map(st -> amongLinks(orEmpty(st.links()))));
  }

  /** The word shared by the most records among one page's links. */
  static Optional<SharedWord> amongLinks(List<ElementInfo> links) {
    return mostRows(recordLists(links).stream().map(rows -> Optional.ofNullable(mostShared(rows))));
  }

  /** The candidate holding the most rows; the first of equals (maxBy keeps the earlier one). */
  private static Optional<SharedWord> mostRows(Stream<Optional<SharedWord>> candidates) {
    return candidates
        .flatMap(Optional::stream)
        .max(Comparator.comparingInt((SharedWord w) -> w.texts().size()));
  }

  /** Distinct link texts per record template (the href with its numbers blanked) of a page. */
  private static List<List<String>> recordLists(List<ElementInfo> links) {
    Map<String, Set<String>> byTemplate = new LinkedHashMap<>();
    for (ElementInfo link : links) {
      String href = link.href();
      String text = link.text() == null ? null : link.text().strip();
      if (href == null || text == null || text.isEmpty() || !href.matches(".*/\\d+.*")) continue;
      byTemplate
          .computeIfAbsent(href.replaceAll("\\d+", "#"), k -> new LinkedHashSet<>())
          .add(text);
    }
    List<List<String>> lists = new ArrayList<>();
    for (Set<String> rows : byTemplate.values())
      if (rows.size() >= MIN_ROWS) lists.add(List.copyOf(rows));
    return lists;
  }

  private static SharedWord mostShared(List<String> rows) {
    Map<String, List<String>> holders = new LinkedHashMap<>();
    Map<String, String> shown = new LinkedHashMap<>();
    for (String row : rows) {
      Set<String> seen = new LinkedHashSet<>();
      for (String word : row.split("[^\\p{L}]+")) {
        if (word.length() < MIN_LENGTH) continue;
        String key = word.toLowerCase(Locale.ROOT);
        if (!seen.add(key)) continue;
        shown.putIfAbsent(key, word);
        holders.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
      }
    }
    SharedWord best = null;
    for (Map.Entry<String, List<String>> e : holders.entrySet()) {
      int n = e.getValue().size();
      if (n < 2 || n == rows.size()) continue;
      if (best == null || n > best.texts().size())
        best = new SharedWord(shown.get(e.getKey()), e.getValue());
    }
    return best;
  }
}
