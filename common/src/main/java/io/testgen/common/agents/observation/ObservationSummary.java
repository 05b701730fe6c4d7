package io.testgen.common.agents.observation;

import io.testgen.common.artifacts.ArtifactRef;

/**
 * What the workflow keeps of an {@link ObservationResult}: the counts its status and summaries
 * show, the goal its gate checks, and where the whole result is stored.
 *
 * @param ref the stored result; null when the result travelled inline (an earlier stage's input)
 * @param pagesVisited pages the crawl loaded (the state count when it kept no statistics)
 * @param goal the instruction's outcome; null without an instruction
 */
public record ObservationSummary(
    ArtifactRef ref,
    int stateCount,
    int pagesVisited,
    int formCount,
    int findingCount,
    GoalOutcome goal) {

  /** The summary of {@code result}, stored under {@code ref}. Pure: workflow code may call it. */
  public static ObservationSummary of(ObservationResult result, ArtifactRef ref) {
    return new ObservationSummary(
        ref,
        result.stateCount(),
        result.stats() == null ? result.stateCount() : result.stats().pagesVisited(),
        result.forms() == null ? 0 : result.forms().size(),
        result.findings() == null ? 0 : result.findings().size(),
        result.goal());
  }
}
