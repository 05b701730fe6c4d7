package io.testgen.common.agents.observation;

import java.util.List;

/**
 * How the crawl fared against the user's instruction.
 *
 * @param flowPath labels of the actions that reach the goal, in order
 */
public record GoalOutcome(
    String instruction,
    boolean reached,
    List<String> flowPath,
    String goalStateId,
    String reason) {}
