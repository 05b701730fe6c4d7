package io.testgen.worker.evolution;

import io.testgen.common.agents.observation.StateInfo;
import io.testgen.common.agents.requirements.Scenario;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Titles that tell tests apart and say what they check: where several pages share one {@code
 * <title>}, a page is named by its main heading and path instead; a headings check says it checks
 * the single h1 it asserts.
 */
final class TestTitles {
  private final ObservedApp app;
  private final Map<String, Integer> titleCounts = new HashMap<>();

  TestTitles(ObservedApp app) {
    this.app = app;
    for (StateInfo s : app.states())
      if (s.title() != null && !s.title().isBlank()) titleCounts.merge(s.title(), 1, Integer::sum);
  }

  String of(Scenario s) {
    String title = s.title() == null ? s.scenarioId() : s.title();
    for (String id : ObservedApp.evidence(s, ObservedApp.Evidence.STATES)) {
      StateInfo state = app.findState(id).orElse(null);
      if (state == null || state.title() == null || titleCounts.getOrDefault(state.title(), 0) < 2)
        continue;
      // the quoted title if the scenario quotes it, else the bare one: never both, or a name
      // holding the title ("'Not found' at /missing") would be renamed again
      String quoted = "'" + state.title() + "'";
      title =
          title.contains(quoted)
              ? title.replace(quoted, name(state))
              : title.replace(state.title(), name(state));
    }
    if (s.scenarioId().endsWith("-HEADINGS"))
      title = title.replace(" are ordered", " start with a single h1");
    return title;
  }

  /** A page by its heading and path, for pages whose titles repeat. */
  static String name(StateInfo state) {
    String path = ObservedApp.pathWithQuery(state.url());
    String heading = ObservedApp.mainHeading(state).orElse(null);
    String at = path == null ? "" : " at " + path;
    boolean replayed = !ObservedApp.nullSafe(state.path()).isEmpty();
    String after = replayed ? " after " + String.join(", ", List.copyOf(state.path())) : "";
    return (heading == null ? state.title() : "'" + heading + "'") + at + after;
  }
}
