package io.testgen.common.agents.evolution;

import java.util.List;

/**
 * A generated test and what verification made of it.
 *
 * @param status passed, repaired, flaky, failed, retired
 * @param passes of verification runs, how many passed
 */
public record GeneratedTest(
    String testId,
    String scenarioId,
    String title,
    String priority,
    List<TestStep> steps,
    String status,
    int runs,
    int passes,
    long durationMillis,
    List<Repair> repairs,
    TestFailure failure) {}
