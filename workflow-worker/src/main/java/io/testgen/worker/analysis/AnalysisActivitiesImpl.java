package io.testgen.worker.analysis;

import io.temporal.failure.ApplicationFailure;
import io.testgen.common.agents.analysis.AnalysisActivities;
import io.testgen.common.agents.analysis.AnalysisRequest;
import io.testgen.common.agents.analysis.AnalysisResult;
import io.testgen.common.agents.analysis.AnalysisSummary;
import io.testgen.common.agents.analysis.ExecutionStrategy;
import io.testgen.common.agents.analysis.RiskAssessment;
import io.testgen.common.agents.observation.ObservationIndex;
import io.testgen.common.agents.requirements.LlmReport;
import io.testgen.common.agents.requirements.Scenario;
import io.testgen.common.agents.requirements.ScenarioVocabulary;
import io.testgen.common.workflow.Agent;
import io.testgen.common.workflow.FailureTypes;
import io.testgen.worker.ActivityHeartbeat;
import io.testgen.worker.artifacts.ArtifactStore;
import io.testgen.worker.artifacts.ResultStore;
import io.testgen.worker.llm.LlmSettings;
import io.testgen.worker.llm.StructuredChatClient;
import io.testgen.worker.progress.AgentProgressReporter;
import io.testgen.worker.progress.ProgressPublisher;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Analysis agent: FMEA per scenario ({@link FmeaScorer}), optionally reviewed by an LLM, the
 * composite rank ({@link ScenarioRanker}), data dependencies and the execution strategy. Usable
 * without a Temporal activity context.
 */
public final class AnalysisActivitiesImpl implements AnalysisActivities {
  public static final String INVALID_REQUEST = FailureTypes.INVALID_REQUEST;

  private final ProgressPublisher publisher;
  private final LlmSeverityReviewer reviewer;
  private final ResultStore results;

  /**
   * @param reviewer optional; null means rule scores only
   * @param results where results by reference are read and written; null: inline only
   */
  public AnalysisActivitiesImpl(
      ProgressPublisher publisher, LlmSeverityReviewer reviewer, ResultStore results) {
    this.publisher = publisher;
    this.reviewer = reviewer;
    this.results = results;
  }

  /**
   * @param reviewer optional; null means rule scores only
   */
  public AnalysisActivitiesImpl(ProgressPublisher publisher, LlmSeverityReviewer reviewer) {
    this(publisher, reviewer, null);
  }

  public AnalysisActivitiesImpl(ProgressPublisher publisher) {
    this(publisher, null);
  }

  /** With the worker's LLM, reading and writing results by reference in {@code artifacts}. */
  public static AnalysisActivitiesImpl withLlm(
      ProgressPublisher publisher, LlmSettings llm, ArtifactStore artifacts) {
    StructuredChatClient chat = StructuredChatClient.fromSettings(llm);
    return new AnalysisActivitiesImpl(
        publisher,
        chat == null ? null : new LlmSeverityReviewer(chat),
        artifacts == null ? null : new ResultStore(artifacts));
  }

  @Override
  public AnalysisSummary analyseAndStore(AnalysisRequest request) {
    if (results == null) throw new IllegalStateException("no artifact store configured");
    AnalysisResult result = analyse(results.inlined(request));
    return AnalysisSummary.of(result, results.put(result));
  }

  @Override
  public AnalysisResult analyse(AnalysisRequest request) {
    // The final register (after Evolution) is quiet: the four agents' lifecycle on the stream
    // stays observation, requirements, analysis, evolution, once each.
    boolean finalRegister = request != null && request.verification() != null;
    AgentProgressReporter progress =
        new AgentProgressReporter(
            finalRegister ? ProgressPublisher.NONE : publisher,
            request == null ? null : request.workflowId(),
            Agent.ANALYSIS);
    progress.validate(() -> validate(request));
    List<Scenario> scenarios = request.requirements().scenarios();
    progress.started("Analysing risk of " + scenarios.size() + " scenarios");
    try {
      ObservationIndex index = new ObservationIndex(request.observation());
      FmeaScorer scorer = new FmeaScorer(index, request.verification());
      Map<String, FmeaScorer.Score> scores = new LinkedHashMap<>();
      for (Scenario scenario : scenarios) {
        scores.put(scenario.scenarioId(), scorer.score(scenario));
      }
      progress.progress(
          0.4, "Scored " + scores.size() + " scenarios", Map.of("scored", scores.size()));

      LlmReport llm = LlmReport.notConfigured();
      if (reviewer != null) {
        ActivityHeartbeat.beat("reviewing");
        progress.progress(0.5, "Reviewing severities with the LLM", Map.of());
        LlmSeverityReviewer.Review review = reviewer.review(scenarios, scores);
        scores = review.scores();
        llm = review.report();
        progress.progress(
            0.6,
            llm.fallback()
                ? "LLM fallback, rule scores stand: " + llm.fallbackReason()
                : "LLM adjusted " + llm.changesApplied() + " severities",
            llm.fallback()
                ? Map.of("llm_fallback", true, "fallback_reason", llm.fallbackReason())
                : Map.of(
                    "llm_applied", llm.changesApplied(), "llm_rejected", llm.changesRejected()));
      }

      List<ScenarioRanker.Ranked> ranked = ScenarioRanker.rank(scenarios, scores);
      List<RiskAssessment> assessments = new ArrayList<>(ranked.size());
      Map<String, RiskAssessment> byId = new LinkedHashMap<>();
      Map<String, Integer> levelCounts = new LinkedHashMap<>();
      List.of(
              ScenarioVocabulary.CRITICAL,
              ScenarioVocabulary.HIGH,
              ScenarioVocabulary.MEDIUM,
              ScenarioVocabulary.LOW)
          .forEach(level -> levelCounts.put(level, 0));
      for (int i = 0; i < ranked.size(); i++) {
        ScenarioRanker.Ranked r = ranked.get(i);
        FmeaScorer.Score score = r.score();
        String level = RiskAssessment.levelOf(score.rpn());
        RiskAssessment assessment =
            new RiskAssessment(
                score.scenarioId(),
                score.severity(),
                score.occurrence(),
                score.detection(),
                score.rpn(),
                level,
                score.reasons(),
                i + 1,
                r.coverageGain());
        assessments.add(assessment);
        byId.put(assessment.scenarioId(), assessment);
        levelCounts.merge(level, 1, Integer::sum);
      }
      List<Scenario> rankedScenarios =
          ranked.stream().map(ScenarioRanker.Ranked::scenario).toList();
      progress.progress(0.8, "Ranked scenarios", Map.copyOf(levelCounts));

      ExecutionStrategy strategy =
          ExecutionStrategyPlanner.plan(
              rankedScenarios, byId, DataDependencies.of(index, rankedScenarios));
      Map<String, Object> summary = new LinkedHashMap<>(levelCounts);
      summary.put("smoke", strategy.smokeSet().size());
      summary.put("parallel_groups", strategy.parallelGroups().size());
      summary.put("llm_fallback", llm.fallback());
      progress.completed("Analysed " + assessments.size() + " scenarios", summary);
      return new AnalysisResult(
          List.copyOf(assessments),
          rankedScenarios.stream().map(Scenario::scenarioId).toList(),
          levelCounts,
          strategy,
          llm);
    } catch (RuntimeException e) {
      progress.failed("Analysis failed: " + e.getMessage());
      throw e;
    }
  }

  private static void validate(AnalysisRequest request) {
    if (request == null) {
      throw invalid("request is required");
    }
    if (request.observation() == null) {
      throw invalid("observation is required");
    }
    if (request.requirements() == null || request.requirements().scenarios() == null) {
      throw invalid("requirements with scenarios are required");
    }
    Set<String> ids = new HashSet<>();
    for (Scenario scenario : request.requirements().scenarios()) {
      if (scenario == null || scenario.scenarioId() == null || scenario.evidence() == null) {
        throw invalid("every scenario needs an id and evidence");
      }
      if (!ids.add(scenario.scenarioId())) {
        throw invalid("duplicate scenario id " + scenario.scenarioId());
      }
    }
  }

  private static ApplicationFailure invalid(String message) {
    return ApplicationFailure.newNonRetryableFailure(message, INVALID_REQUEST);
  }
}
