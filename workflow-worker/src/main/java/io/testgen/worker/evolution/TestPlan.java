package io.testgen.worker.evolution;

import io.testgen.common.agents.evolution.GeneratedTest;
import io.testgen.common.agents.requirements.Scenario;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the model builder made of the scenarios: tests to verify, scenarios to run live before their
 * outcome can be asserted, and scenarios it skipped; {@code order} is the ranked scenario order
 * tests are verified in.
 */
record TestPlan(
    List<GeneratedTest> candidates,
    List<GeneratedTest> skipped,
    List<Pending> pending,
    List<String> order) {

  TestPlan(List<GeneratedTest> candidates, List<GeneratedTest> skipped) {
    this(candidates, skipped, List.of(), List.of());
  }

  /** A scenario waiting for its live run. */
  record Pending(Scenario scenario, LiveRun run) {}

  /** Candidates and learned tests together, in the ranked order. */
  List<GeneratedTest> ranked(List<GeneratedTest> learned) {
    return Stream.concat(candidates.stream(), learned.stream())
        .sorted(Comparator.comparingInt(t -> rank(t.scenarioId())))
        .toList();
  }

  private int rank(String scenarioId) {
    int at = order.indexOf(scenarioId);
    return at < 0 ? Integer.MAX_VALUE : at;
  }
}
