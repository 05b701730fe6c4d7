package io.testgen.worker.analysis;

import static io.testgen.common.agents.observation.ObservationIndex.orEmpty;

import io.testgen.common.agents.analysis.VerificationFeedback;
import io.testgen.common.agents.evolution.MutationReport;
import io.testgen.common.agents.observation.FormInfo;
import io.testgen.common.agents.observation.ObservationIndex;
import io.testgen.common.agents.observation.StateInfo;
import io.testgen.common.agents.requirements.Scenario;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * FMEA of one scenario by readable rules; the rules that fire are listed in the reasons, in words,
 * with the evidence they read.
 *
 * <pre>
 * Severity (1..5): what the feature does ({@link SeverityRules}, {@link StepSeverity}).
 * Occurrence (1..5): its complexity and what went wrong in the crawl ({@link OccurrenceRules}).
 * Detection (1..5, 5 = failures hardest to notice): the evidence, and the suite's measured oracle
 *   strength once Evolution has it ({@link DetectionRules}).
 * </pre>
 */
public final class FmeaScorer {
  static final int BASE_DETECTION = DetectionRules.BASE;

  /** Figures and the rules that produced them, before ranking. */
  public record Score(
      String scenarioId, int severity, int occurrence, int detection, List<String> reasons) {
    public int rpn() {
      return severity * occurrence * detection;
    }
  }

  private final ObservationIndex index;
  private final SeverityRules severityRules;
  private final OccurrenceRules occurrenceRules;
  private final DetectionRules detectionRules;

  public FmeaScorer(ObservationIndex index) {
    this(index, (VerificationFeedback) null);
  }

  /**
   * @param mutation the suite's oracle strength from Evolution; null rates detection from the
   *     evidence alone
   */
  public FmeaScorer(ObservationIndex index, MutationReport mutation) {
    this(index, new VerificationFeedback(List.of(), mutation));
  }

  /**
   * @param verification what Evolution's verification and mutation analysis showed (the final risk
   *     register); null rates occurrence and detection from the evidence alone
   */
  public FmeaScorer(ObservationIndex index, VerificationFeedback verification) {
    this.index = index;
    this.severityRules = new SeverityRules(index);
    this.occurrenceRules =
        new OccurrenceRules(index, verification == null ? List.of() : verification.outcomes());
    this.detectionRules =
        new DetectionRules(index, verification == null ? null : verification.mutation());
  }

  public Score score(Scenario scenario) {
    List<StateInfo> states = states(scenario);
    List<FormInfo> forms = forms(scenario);
    SeverityRules.Assessment severity = severityRules.assess(scenario, states, forms);
    List<String> reasons = new ArrayList<>(severity.reasons());
    int occurrence =
        occurrenceRules.assess(states, forms, reasons)
            + occurrenceRules.verified(scenario.scenarioId(), reasons);
    int detection = detectionRules.assess(scenario, states, forms, reasons);
    return new Score(
        scenario.scenarioId(),
        clamp(severity.severity()),
        clamp(occurrence),
        clamp(detection),
        reasons);
  }

  private List<StateInfo> states(Scenario scenario) {
    return orEmpty(scenario.evidence().stateIds()).stream()
        .map(index::state)
        .flatMap(Optional::stream)
        .toList();
  }

  /** The scenario's forms, copies of one form on several states counted once. */
  private List<FormInfo> forms(Scenario scenario) {
    Map<String, FormInfo> distinct = new LinkedHashMap<>();
    orEmpty(scenario.evidence().formIds()).stream()
        .map(index::form)
        .flatMap(Optional::stream)
        .forEach(form -> distinct.putIfAbsent(index.formSignature(form), form));
    return List.copyOf(distinct.values());
  }

  private static int clamp(int value) {
    return Math.max(1, Math.min(5, value));
  }
}
