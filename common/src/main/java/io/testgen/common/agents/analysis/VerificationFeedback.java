package io.testgen.common.agents.analysis;

import io.testgen.common.agents.evolution.EvolutionResult;
import io.testgen.common.agents.evolution.GeneratedTest;
import io.testgen.common.agents.evolution.MutationReport;
import java.util.List;

/**
 * What Evolution's verification and mutation analysis showed, in the few numbers the final risk
 * register needs (not the tests themselves, which stay in the artifact store): per scenario, how
 * its test fared; and the suite's oracle strength.
 *
 * @param outcomes one per generated test with a scenario
 * @param mutation null when mutation analysis did not run
 */
public record VerificationFeedback(List<Outcome> outcomes, MutationReport mutation) {
  public VerificationFeedback {
    outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
  }

  /**
   * @param status passed, repaired, flaky, failed, skipped, ...
   * @param runs verification runs
   * @param passes of those, how many passed
   * @param repairs repairs verification made to its steps
   */
  public record Outcome(String scenarioId, String status, int runs, int passes, int repairs) {}

  /** The feedback of an evolution result; deterministic, so workflow code may build it. */
  public static VerificationFeedback of(EvolutionResult evolution) {
    List<Outcome> outcomes =
        (evolution.tests() == null ? List.<GeneratedTest>of() : evolution.tests())
            .stream()
                .filter(t -> t.scenarioId() != null)
                .map(
                    t ->
                        new Outcome(
                            t.scenarioId(),
                            t.status(),
                            t.runs(),
                            t.passes(),
                            t.repairs() == null ? 0 : t.repairs().size()))
                .toList();
    return new VerificationFeedback(outcomes, evolution.mutation());
  }
}
