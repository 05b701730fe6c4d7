package io.testgen.worker.analysis;

import static io.testgen.worker.InvalidRequests.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.testgen.common.agents.analysis.AnalysisRequest;
import io.testgen.common.agents.analysis.AnalysisResult;
import io.testgen.common.agents.analysis.ExecutionStrategy;
import io.testgen.common.agents.analysis.RiskAssessment;
import io.testgen.common.agents.requirements.RequirementsResult;
import io.testgen.common.progress.ProgressEventType;
import io.testgen.worker.progress.ProgressPublisher;
import io.testgen.worker.requirements.ClinicObservation;
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
  void ranksBySeverityThenRiskThenCoverageGain() {
    AnalysisResult result = analyseShop();
    assertThat(result.assessments())
        .extracting(
            RiskAssessment::rank,
            RiskAssessment::scenarioId,
            RiskAssessment::severity,
            RiskAssessment::rpn,
            RiskAssessment::level,
            RiskAssessment::coverageGain)
        .containsExactly(
            tuple(1, "REQ-GOAL", 5, 100, "critical", 6),
            // severity first: the sign-up (it sets a password) and the login, then the sign-up's
            // edges (validation and probes) one below
            tuple(2, "REQ-FORM-f-signup-HAPPY", 5, 80, "critical", 4),
            tuple(3, "REQ-LOGIN-f-login-SUCCESS", 5, 30, "medium", 5),
            tuple(4, "REQ-FORM-f-signup-REQUIRED-email", 4, 64, "high", 0),
            tuple(5, "REQ-FORM-f-signup-INVALID-email", 4, 64, "high", 0),
            tuple(6, "REQ-FORM-f-signup-REQUIRED-username", 4, 64, "high", 0),
            tuple(7, "REQ-FORM-f-signup-INVALID-username", 4, 64, "high", 0),
            tuple(8, "REQ-FORM-f-signup-INVALID-age", 4, 64, "high", 0),
            tuple(9, "REQ-FORM-f-signup-REQUIRED-password", 4, 64, "high", 0),
            tuple(10, "REQ-FORM-f-signup-INVALID-password", 4, 64, "high", 0),
            tuple(11, "REQ-PROBE-f-signup-SCRIPT-ECHO", 4, 64, "high", 0),
            tuple(12, "REQ-PROBE-f-signup-OVERLONG", 4, 64, "high", 0),
            tuple(13, "REQ-LOGIN-f-login-FAILURE", 4, 24, "medium", 0),
            tuple(14, "REQ-FORM-f-login-REQUIRED-username", 4, 24, "medium", 0),
            tuple(15, "REQ-FORM-f-login-REQUIRED-password", 4, 24, "medium", 0),
            tuple(16, "REQ-PROBE-f-login-SCRIPT-ECHO", 4, 16, "low", 0),
            tuple(17, "REQ-PROBE-f-login-OVERLONG", 4, 16, "low", 0),
            tuple(18, "REQ-RENDER-s-account", 4, 12, "low", 0),
            tuple(19, "REQ-SEARCH-f-search-HIT", 3, 12, "low", 3),
            tuple(20, "REQ-RENDER-s-home", 3, 6, "low", 0),
            // static pages and cosmetic checks last
            tuple(21, "REQ-RENDER-s-product-list", 2, 16, "low", 1),
            tuple(22, "REQ-A11Y-s-product-list", 2, 16, "low", 0),
            tuple(23, "REQ-NAV-s-home-TO-s-product-list", 2, 8, "low", 1),
            tuple(24, "REQ-SEARCH-f-search-NO-HIT", 2, 8, "low", 0),
            tuple(25, "REQ-A11Y-s-signup", 2, 8, "low", 0),
            tuple(26, "REQ-PROBE-f-search-SCRIPT-ECHO", 2, 8, "low", 0),
            tuple(27, "REQ-PROBE-f-search-OVERLONG", 2, 8, "low", 0),
            tuple(28, "REQ-RENDER-s-search-results", 2, 6, "low", 1),
            tuple(29, "REQ-A11Y-s-account", 2, 6, "low", 0),
            tuple(30, "REQ-A11Y-s-search-results", 2, 6, "low", 0),
            tuple(31, "REQ-RENDER-s-login", 2, 4, "low", 0),
            tuple(32, "REQ-RENDER-s-signup", 2, 4, "low", 0),
            tuple(33, "REQ-A11Y-s-home", 2, 4, "low", 0),
            tuple(34, "REQ-A11Y-s-login", 2, 4, "low", 0),
            tuple(35, "REQ-NAV-s-home-TO-s-login", 2, 2, "low", 1),
            tuple(36, "REQ-NAV-s-home-TO-s-signup", 2, 2, "low", 0));
    assertThat(result.ranking())
        .isEqualTo(result.assessments().stream().map(RiskAssessment::scenarioId).toList());
    assertThat(result.levelCounts())
        .containsExactly(
            Map.entry("critical", 2),
            Map.entry("high", 9),
            Map.entry("medium", 4),
            Map.entry("low", 21));
  }

  /** Issue 16's CRUD app: the create form first, the search form (on two pages) once, low. */
  @Test
  void aCreateFormsHappyPathOutranksEveryProbeOfASearchFieldShownOnTwoPages() {
    RequirementsResult requirements =
        new RequirementsActivitiesImpl(ProgressPublisher.NONE)
            .deriveRequirements(ClinicObservation.request());
    AnalysisResult result =
        analysis.analyse(
            new AnalysisRequest("wf-clinic", ClinicObservation.observation(), requirements));
    assertThat(result.assessments())
        .extracting(
            RiskAssessment::rank,
            RiskAssessment::scenarioId,
            RiskAssessment::severity,
            RiskAssessment::occurrence,
            RiskAssessment::detection,
            RiskAssessment::rpn)
        .startsWith(
            tuple(1, "REQ-FORM-f-new-owner-HAPPY", 4, 4, 2, 32),
            // a destructive control before the create form's edges: severity first
            tuple(2, "REQ-FORM-f-delete-owner-HAPPY", 4, 2, 3, 24),
            tuple(3, "REQ-FORM-f-new-owner-REQUIRED-firstName", 3, 4, 2, 24),
            tuple(4, "REQ-FORM-f-new-owner-REQUIRED-lastName", 3, 4, 2, 24),
            tuple(5, "REQ-FORM-f-new-owner-REQUIRED-address", 3, 4, 2, 24),
            tuple(6, "REQ-FORM-f-new-owner-REQUIRED-city", 3, 4, 2, 24),
            tuple(7, "REQ-FORM-f-new-owner-REQUIRED-telephone", 3, 4, 2, 24),
            tuple(8, "REQ-FORM-f-new-owner-INVALID-telephone", 3, 4, 2, 24),
            tuple(9, "REQ-PROBE-f-new-owner-SCRIPT-ECHO", 3, 4, 2, 24),
            tuple(10, "REQ-PROBE-f-new-owner-OVERLONG", 3, 4, 2, 24),
            tuple(11, "REQ-SEARCH-f-home-search-HIT", 3, 2, 2, 12),
            tuple(12, "REQ-RENDER-s-home", 3, 1, 2, 6),
            tuple(13, "REQ-SEARCH-f-home-search-NO-HIT", 2, 2, 2, 8),
            tuple(14, "REQ-PROBE-f-home-search-SCRIPT-ECHO", 2, 2, 2, 8),
            tuple(15, "REQ-PROBE-f-home-search-OVERLONG", 2, 2, 2, 8));
    assertThat(result.ranking())
        .hasSize(24)
        .doesNotContainAnyElementsOf(
            List.of(
                "REQ-SEARCH-f-list-search-HIT",
                "REQ-PROBE-f-list-search-SCRIPT-ECHO",
                "REQ-PROBE-f-list-search-OVERLONG"));
    assertThat(result.assessments().get(0).reasons())
        .containsExactly(
            "severity 4: form f-new-owner writes data: purpose create, POST"
                + " https://shop.test/owners/new, a valid submission led to"
                + " https://shop.test/owners/7, and showed 'New owner created'",
            "occurrence +1: form f-new-owner has 5 inputs",
            "occurrence +1: form f-new-owner has 6 validation rules",
            "occurrence +1: a server round-trip (POST https://shop.test/owners/new)");
    assertThat(result.assessments().get(1).reasons())
        .containsExactly(
            "severity 4: form f-delete-owner writes data: POST https://shop.test/owners/7/delete",
            "severity 4: a destructive control 'Delete owner'",
            "occurrence +1: a server round-trip (POST https://shop.test/owners/7/delete)",
            "detection +1: no valid submission of form f-delete-owner was seen, so its success is"
                + " unknown");
    assertThat(result.strategy().smokeSet())
        .containsExactly(
            "REQ-FORM-f-new-owner-HAPPY", "REQ-FORM-f-delete-owner-HAPPY", "REQ-RENDER-s-home");
    // The search form seen on two pages is read once: one reason, not one per copy.
    assertThat(result.assessments().get(10).reasons())
        .containsExactly(
            "severity 3: search or filter (form f-home-search, GET https://shop.test/owners)",
            "occurrence +1: a server round-trip (a submission went to"
                + " https://shop.test/owners?lastName=Davis)");
  }

  @Test
  void strategyRunsDataCreatorsFirstAndGroupsTheRest() {
    ExecutionStrategy strategy = analyseShop().strategy();
    // The main path of every high or critical feature, in execution order (issue 16, point 5).
    assertThat(strategy.smokeSet())
        .containsExactly(
            "REQ-GOAL",
            "REQ-FORM-f-signup-HAPPY",
            "REQ-LOGIN-f-login-SUCCESS",
            "REQ-RENDER-s-account",
            "REQ-RENDER-s-home");
    assertThat(strategy.parallelGroups()).hasSize(2);
    assertThat(strategy.parallelGroups().get(0)).hasSize(34).doesNotContain("REQ-RENDER-s-account");
    // The account page needs the account the sign-up happy path creates.
    assertThat(strategy.parallelGroups().get(1))
        .containsExactly("REQ-RENDER-s-account", "REQ-A11Y-s-account");
    assertThat(strategy.order().indexOf("REQ-FORM-f-signup-HAPPY"))
        .isLessThan(strategy.order().indexOf("REQ-RENDER-s-account"));
    assertThat(strategy.order()).hasSize(36);
    assertThat(strategy.estimatedSequentialSeconds()).isEqualTo(328.0);
    assertThat(strategy.estimatedParallelSeconds()).isEqualTo(88.3);
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
  void theFinalRegisterAfterEvolutionPublishesNoSecondAnalysisLifecycle() {
    AnalysisResult result =
        analysis.analyse(
            new AnalysisRequest(
                "wf-shop",
                ShopObservation.observation(),
                shopRequirements(),
                new io.testgen.common.agents.analysis.VerificationFeedback(List.of(), null)));
    assertThat(result.ranking()).isNotEmpty();
    assertThat(progress.events()).isEmpty();
  }

  @Test
  void badInputFailsFastNonRetryablyAndReportsFailure() {
    assertRejected(
        () -> analysis.analyse(new AnalysisRequest("wf-bad", null, shopRequirements())),
        "observation is required");
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
