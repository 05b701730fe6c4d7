package io.testgen.common.agents.evolution;

import java.util.List;
import java.util.Map;

/**
 * Oracle strength of a verified suite: faults injected into the running app through the browser
 * (never into the app itself) and how many of them some test noticed.
 *
 * <p>{@code score = killed / (injected - discarded)}; null when nothing countable was injected. A
 * fault is discarded when no test that reaches its state passes on the unmutated app, or when it
 * changed nothing on any page it was tried on (an equivalent mutant).
 *
 * @param operators the fault operators that were used, by name
 * @param injected faults tried (within the budget)
 * @param untried faults chosen but left out because the budget was spent
 * @param killMatrix test id to the ids of the faults it killed first (tests that killed none are
 *     absent)
 * @param faults every tried fault and its outcome
 * @param durationMillis time spent, unmutated run included (strengthening too)
 * @param scoreBefore the score before Evolution strengthened the suite; null when it did not try
 *     (then {@code score} is the only measurement)
 * @param strengthened assertions Evolution added because a fault survived them, each kept only when
 *     the test passed its verification runs on the real app and then failed under the fault; the
 *     counts, score and kill matrix above are after them
 */
public record MutationReport(
    List<String> operators,
    int injected,
    int killed,
    int survived,
    int discarded,
    int untried,
    Double score,
    Map<String, List<String>> killMatrix,
    List<Mutant> faults,
    long durationMillis,
    Double scoreBefore,
    List<Strengthened> strengthened) {

  public MutationReport {
    operators = operators == null ? List.of() : List.copyOf(operators);
    killMatrix = killMatrix == null ? Map.of() : Map.copyOf(killMatrix);
    faults = faults == null ? List.of() : List.copyOf(faults);
    strengthened = strengthened == null ? List.of() : List.copyOf(strengthened);
  }

  /**
   * One assertion added to a shipped test because a fault survived it.
   *
   * @param faultId the fault it kills now
   * @param assertion the assertion as the TypeScript suite writes it (web-first: {@code
   *     expect(locator).toBeVisible()}, {@code toContainText}, {@code expect(page).toHaveURL})
   * @param stepIndex where it stands in the test's steps
   */
  public record Strengthened(String testId, String faultId, String assertion, int stepIndex) {}

  /**
   * One injected fault.
   *
   * @param operator e.g. link_missing, post_500 (see the README's "Oracle strength")
   * @param stateId the observed state (or form's state) it was derived from
   * @param status killed, survived, discarded
   * @param reason for discarded: unmutated_fails or not_applied
   * @param killedBy the id of the test that failed under it (its tests stop at the first failure)
   * @param testsRun how many of the tests reaching its state were run under it
   */
  public record Mutant(
      String faultId,
      String operator,
      String stateId,
      String description,
      String status,
      String reason,
      List<String> killedBy,
      int testsRun) {
    public Mutant {
      killedBy = killedBy == null ? List.of() : List.copyOf(killedBy);
    }
  }
}
