package io.testgen.worker.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.temporal.failure.ApplicationFailure;
import io.testgen.common.agents.analysis.AnalysisRequest;
import io.testgen.common.agents.analysis.AnalysisResult;
import io.testgen.common.agents.analysis.ExecutionStrategy;
import io.testgen.common.agents.analysis.RiskAssessment;
import io.testgen.common.agents.requirements.RequirementsResult;
import io.testgen.common.progress.ProgressEventType;
import io.testgen.worker.progress.ProgressPublisher;
import io.testgen.worker.requirements.RecordingProgressPublisher;
import io.testgen.worker.requirements.RequirementsActivitiesImpl;
import io.testgen.worker.requirements.ShopObservation;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 2, unit = TimeUnit.MINUTES)
class AnalysisActivitiesImplTest {
  private final RecordingProgressPublisher progress = new RecordingProgressPublisher();
  private final AnalysisActivitiesImpl analysis = new AnalysisActivitiesImpl(progress);

  private static RequirementsResult shopRequirements() {
    return new RequirementsActivitiesImpl(ProgressPublisher.NONE)
        .deriveRequirements(ShopObservation.request());
  }

  private AnalysisResult analyseShop() {
    return analysis.analyse(
        new AnalysisRequest("wf-shop", ShopObservation.observation(), shopRequirements()));
  }

  @Test
  void ranksByRiskThenCoverageGain() {
    AnalysisResult result = analyseShop();
    assertThat(result.assessments().subList(0, 17))
        .extracting(
            RiskAssessment::rank,
            RiskAssessment::scenarioId,
            RiskAssessment::rpn,
            RiskAssessment::level,
            RiskAssessment::coverageGain)
        .containsExactly(
            tuple(1, "REQ-GOAL", 75, "high", 6),
            tuple(2, "REQ-PROBE-f-signup-SCRIPT-ECHO", 60, "high", 1),
            tuple(3, "REQ-PROBE-f-signup-OVERLONG", 60, "high", 0),
            tuple(4, "REQ-FORM-f-signup-HAPPY", 48, "medium", 3),
            tuple(5, "REQ-FORM-f-signup-REQUIRED-email", 48, "medium", 0),
            tuple(6, "REQ-FORM-f-signup-INVALID-email", 48, "medium", 0),
            tuple(7, "REQ-FORM-f-signup-REQUIRED-username", 48, "medium", 0),
            tuple(8, "REQ-FORM-f-signup-INVALID-username", 48, "medium", 0),
            tuple(9, "REQ-FORM-f-signup-INVALID-age", 48, "medium", 0),
            tuple(10, "REQ-FORM-f-signup-REQUIRED-password", 48, "medium", 0),
            tuple(11, "REQ-FORM-f-signup-INVALID-password", 48, "medium", 0),
            // equal RPN 30: the login probe covers 4 new ids, the template render 1
            tuple(12, "REQ-PROBE-f-login-SCRIPT-ECHO", 30, "medium", 4),
            tuple(13, "REQ-RENDER-s-product-list", 30, "medium", 1),
            tuple(14, "REQ-PROBE-f-login-OVERLONG", 30, "medium", 0),
            tuple(15, "REQ-PROBE-f-search-SCRIPT-ECHO", 24, "medium", 3),
            tuple(16, "REQ-PROBE-f-search-OVERLONG", 24, "medium", 0),
            tuple(17, "REQ-LOGIN-f-login-SUCCESS", 20, "medium", 1));
    assertThat(result.ranking())
        .hasSize(46)
        .startsWith("REQ-GOAL")
        .endsWith("REQ-NAV-s-home-TO-s-login", "REQ-NAV-s-home-TO-s-signup");
    assertThat(result.ranking())
        .isEqualTo(result.assessments().stream().map(RiskAssessment::scenarioId).toList());
    assertThat(result.levelCounts())
        .containsExactly(
            Map.entry("critical", 0),
            Map.entry("high", 3),
            Map.entry("medium", 20),
            Map.entry("low", 23));
  }

  @Test
  void strategyRunsDataCreatorsFirstAndGroupsTheRest() {
    ExecutionStrategy strategy = analyseShop().strategy();
    assertThat(strategy.smokeSet())
        .containsExactly("REQ-GOAL", "REQ-LOGIN-f-login-SUCCESS", "REQ-RENDER-s-home");
    assertThat(strategy.parallelGroups()).hasSize(2);
    assertThat(strategy.parallelGroups().get(0)).hasSize(43).doesNotContain("REQ-RENDER-s-account");
    // The account page needs the account the sign-up happy path creates.
    assertThat(strategy.parallelGroups().get(1))
        .containsExactly(
            "REQ-RENDER-s-account", "REQ-A11Y-s-account-HEADINGS", "REQ-A11Y-s-account-KEYBOARD");
    assertThat(strategy.order().indexOf("REQ-FORM-f-signup-HAPPY"))
        .isLessThan(strategy.order().indexOf("REQ-RENDER-s-account"));
    assertThat(strategy.order()).hasSize(46);
    assertThat(strategy.estimatedSequentialSeconds()).isEqualTo(378.0);
    assertThat(strategy.estimatedParallelSeconds()).isEqualTo(99.5);
  }

  @Test
  void publishesStartProgressAndCompletion() {
    analyseShop();
    assertThat(progress.types())
        .containsExactly(
            ProgressEventType.AGENT_STARTED,
            ProgressEventType.AGENT_PROGRESS,
            ProgressEventType.AGENT_PROGRESS,
            ProgressEventType.AGENT_COMPLETED);
    assertThat(progress.events())
        .allSatisfy(
            e -> {
              assertThat(e.agent()).isEqualTo("analysis");
              assertThat(e.workflowId()).isEqualTo("wf-shop");
              assertThat(e.progress()).isBetween(0.55, 0.75);
            });
  }

  @Test
  void badInputFailsFastNonRetryablyAndReportsFailure() {
    assertThatThrownBy(
            () -> analysis.analyse(new AnalysisRequest("wf-bad", null, shopRequirements())))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> {
              assertThat(f.isNonRetryable()).isTrue();
              assertThat(f.getType()).isEqualTo("InvalidRequest");
              assertThat(f.getOriginalMessage()).isEqualTo("observation is required");
            });
    assertThat(progress.types()).containsExactly(ProgressEventType.AGENT_FAILED);
  }

  @Test
  void emptyScenarioListGivesAnEmptyPlan() {
    AnalysisResult result =
        analysis.analyse(
            new AnalysisRequest(
                "wf-empty",
                ShopObservation.observation(),
                new RequirementsResult(List.of(), null, null)));
    assertThat(result.assessments()).isEmpty();
    assertThat(result.strategy().parallelGroups()).isEmpty();
    assertThat(result.strategy().estimatedSequentialSeconds()).isZero();
  }
}
