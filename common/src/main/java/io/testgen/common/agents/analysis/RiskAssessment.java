package io.testgen.common.agents.analysis;

import java.util.List;

/**
 * FMEA of one scenario: severity, occurrence, detection 1..5; RPN their product (1..125).
 *
 * @param level critical (RPN >= 80), high (>= 50), medium (>= 20), low
 * @param reasons the rules that fired, in words
 * @param rank 1-based position in the composite ranking
 * @param coverageGain states/forms/elements this scenario covers that higher-ranked ones do not
 */
public record RiskAssessment(
    String scenarioId,
    int severity,
    int occurrence,
    int detection,
    int rpn,
    String level,
    List<String> reasons,
    int rank,
    int coverageGain) {

  public static String levelOf(int rpn) {
    if (rpn >= 80) return "critical";
    if (rpn >= 50) return "high";
    if (rpn >= 20) return "medium";
    return "low";
  }
}
