package io.testgen.worker.observation;

import io.testgen.common.agents.observation.Finding;
import io.testgen.common.agents.observation.FormInfo;
import io.testgen.common.agents.observation.GoalOutcome;
import io.testgen.common.agents.observation.StateInfo;
import io.testgen.common.agents.observation.Transition;
import io.testgen.common.agents.observation.WriteInfo;
import java.util.List;
import java.util.Map;

/**
 * What a crawl has done so far, heartbeated so that a retried attempt resumes instead of starting
 * over: the states and forms found, the frontier still to explore (tasks in flight included), and
 * the bookkeeping that keeps the crawl bounded. Holds no credentials and no session cookies (the
 * next attempt logs in again); secrets that a page echoed are redacted before heartbeating.
 *
 * @param parents for each state, the state and action that first reached it (goal flow paths)
 * @param writes the writes performed so far
 * @param formIds the id given to each distinct form, by its signature
 */
public record CrawlCheckpoint(
    String startStateId,
    List<StateInfo> states,
    List<FormInfo> forms,
    List<Transition> transitions,
    List<LinkEdge> linkEdges,
    List<Finding> findings,
    List<CrawlTask> frontier,
    Map<String, String> urlStates,
    Map<String, Integer> patternCounts,
    List<String> claimedFingerprints,
    List<String> probedForms,
    Map<String, List<String>> parents,
    GoalOutcome goal,
    int pagesVisited,
    int actionsTried,
    long elapsedMillis,
    long nextSeq,
    List<WriteInfo> writes,
    Map<String, String> formIds) {

  public CrawlCheckpoint {
    writes = writes == null ? List.of() : writes;
    formIds = formIds == null ? Map.of() : formIds;
  }

  /** A copy that keeps insertion order and drops null keys or values (never throws). */
  static <V> Map<String, V> copy(Map<String, V> map) {
    Map<String, V> out = new java.util.LinkedHashMap<>();
    map.forEach(
        (k, v) -> {
          if (k != null && v != null) out.put(k, v);
        });
    return out;
  }
}
