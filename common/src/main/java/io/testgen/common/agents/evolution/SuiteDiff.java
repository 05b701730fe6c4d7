package io.testgen.common.agents.evolution;

import java.util.List;

/** How a suite changed against its baseline, by test id. */
public record SuiteDiff(
    String baselineWorkflowId,
    List<String> kept,
    List<String> repaired,
    List<String> added,
    List<String> retired,
    int iterations) {}
