package io.testgen.common.agents.observation;

import java.util.List;

/**
 * The state model of the target. No HTML or screenshots inside: those are artifacts referenced by
 * path.
 *
 * @param loggedIn whether a login was performed and verified
 * @param writes every write the crawl performed on the target, in order (never null)
 */
public record ObservationResult(
    String targetUrl,
    String startStateId,
    List<StateInfo> states,
    List<Transition> transitions,
    List<FormInfo> forms,
    List<Finding> findings,
    GoalOutcome goal,
    boolean loggedIn,
    CrawlStats stats,
    List<WriteInfo> writes) {

  public ObservationResult {
    writes = writes == null ? List.of() : List.copyOf(writes);
  }

  /** A result without writes. */
  public ObservationResult(
      String targetUrl,
      String startStateId,
      List<StateInfo> states,
      List<Transition> transitions,
      List<FormInfo> forms,
      List<Finding> findings,
      GoalOutcome goal,
      boolean loggedIn,
      CrawlStats stats) {
    this(
        targetUrl, startStateId, states, transitions, forms, findings, goal, loggedIn, stats, null);
  }

  /** Number of states, for summaries. */
  public int stateCount() {
    return states == null ? 0 : states.size();
  }
}
