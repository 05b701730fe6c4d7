package io.testgen.worker.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.testgen.common.agents.analysis.AnalysisRequest;
import io.testgen.common.agents.analysis.AnalysisResult;
import io.testgen.common.agents.analysis.RiskAssessment;
import io.testgen.common.agents.requirements.RequirementsResult;
import io.testgen.worker.llm.StructuredChatClient;
import io.testgen.worker.progress.ProgressPublisher;
import io.testgen.worker.requirements.FakeChatModel;
import io.testgen.worker.requirements.RecordingProgressPublisher;
import io.testgen.worker.requirements.RequirementsActivitiesImpl;
import io.testgen.worker.requirements.ShopObservation;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 2, unit = TimeUnit.MINUTES)
class LlmSeverityReviewerTest {
  private final RequirementsResult requirements =
      new RequirementsActivitiesImpl(ProgressPublisher.NONE)
          .deriveRequirements(ShopObservation.request());

  private AnalysisResult analyseWith(FakeChatModel model, RecordingProgressPublisher progress) {
    LlmSeverityReviewer reviewer =
        new LlmSeverityReviewer(
            new StructuredChatClient(model, "anthropic", "fake", Duration.ofSeconds(5)));
    return new AnalysisActivitiesImpl(progress, reviewer)
        .analyse(new AnalysisRequest("wf-shop", ShopObservation.observation(), requirements));
  }

  private static RiskAssessment assessment(AnalysisResult result, String id) {
    return result.assessments().stream()
        .filter(a -> a.scenarioId().equals(id))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void acceptsReasonedAdjustmentsAndRejectsUnknownOrExtremeOnes() {
    AnalysisResult result =
        analyseWith(
            FakeChatModel.answering(
                """
                {"adjustments":[
                  {"scenario_id":"REQ-SEARCH-f-search-HIT","severity":5,
                   "reason":"Search is how shoppers find products to buy."},
                  {"scenario_id":"REQ-NAV-s-home-TO-s-login","severity":5,"reason":"too big a jump"},
                  {"scenario_id":"REQ-NOPE","severity":3,"reason":"unknown"},
                  {"scenario_id":"REQ-GOAL","severity":4}]}
                """),
            new RecordingProgressPublisher());
    RiskAssessment search = assessment(result, "REQ-SEARCH-f-search-HIT");
    assertThat(search.severity()).isEqualTo(5);
    assertThat(search.rpn()).isEqualTo(20);
    assertThat(search.level()).isEqualTo("medium");
    assertThat(search.reasons())
        .containsExactly(
            "severity 3: search or filter (form f-search, GET https://shop.test/search)",
            "occurrence +1: a server round-trip (a submission went to"
                + " https://shop.test/search?q=shoe)",
            "severity 3 -> 5 (llm): Search is how shoppers find products to buy.");
    assertThat(assessment(result, "REQ-NAV-s-home-TO-s-login").severity()).isEqualTo(2);
    assertThat(assessment(result, "REQ-GOAL").severity()).isEqualTo(5);
    assertThat(result.llm().changesApplied()).isEqualTo(1);
    assertThat(result.llm().changesRejected()).isEqualTo(3);
    assertThat(result.llm().fallback()).isFalse();
  }

  @Test
  void errorLeavesRuleScoresAndReportsFallback() {
    RecordingProgressPublisher progress = new RecordingProgressPublisher();
    AnalysisResult result =
        analyseWith(FakeChatModel.failingWith(new IllegalStateException("rate limited")), progress);
    AnalysisResult rulesOnly =
        new AnalysisActivitiesImpl(ProgressPublisher.NONE)
            .analyse(new AnalysisRequest("wf-shop", ShopObservation.observation(), requirements));
    assertThat(result.assessments()).isEqualTo(rulesOnly.assessments());
    assertThat(result.llm().fallback()).isTrue();
    assertThat(result.llm().fallbackReason())
        .isEqualTo("error: IllegalStateException: rate limited");
    assertThat(progress.events())
        .anyMatch(
            e ->
                e.message()
                    .equals(
                        "LLM fallback, rule scores stand: error: IllegalStateException: rate limited"));
  }
}
