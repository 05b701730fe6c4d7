package io.testgen.worker.requirements;

import static io.testgen.worker.InvalidRequests.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.temporal.failure.ApplicationFailure;
import io.testgen.common.agents.analysis.AnalysisRequest;
import io.testgen.common.agents.analysis.AnalysisResult;
import io.testgen.common.agents.observation.ObservationResult;
import io.testgen.common.agents.requirements.Evidence;
import io.testgen.common.agents.requirements.LlmReport;
import io.testgen.common.agents.requirements.RequirementsRequest;
import io.testgen.common.agents.requirements.RequirementsResult;
import io.testgen.common.agents.requirements.Scenario;
import io.testgen.common.agents.requirements.TokenUsageRecord;
import io.testgen.common.json.JsonMapperFactory;
import io.testgen.common.progress.ProgressEvent;
import io.testgen.common.progress.ProgressEventType;
import io.testgen.worker.analysis.AnalysisActivitiesImpl;
import io.testgen.worker.llm.StructuredChatClient;
import io.testgen.worker.progress.ProgressPublisher;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 2, unit = TimeUnit.MINUTES)
class RequirementsActivitiesImplTest {
  private final RecordingProgressPublisher progress = new RecordingProgressPublisher();

  private static RequirementsActivitiesImpl withModel(
      RecordingProgressPublisher progress,
      dev.langchain4j.model.chat.ChatModel model,
      Duration timeout) {
    return new RequirementsActivitiesImpl(
        progress,
        new LlmScenarioRefiner(new StructuredChatClient(model, "openai", "fake-model", timeout)));
  }

  private static Scenario byId(RequirementsResult result, String id) {
    return result.scenarios().stream()
        .filter(s -> s.scenarioId().equals(id))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void rulesOnlyResultHasAllScenariosCoverageAndNoLlm() {
    RequirementsResult result =
        new RequirementsActivitiesImpl(progress).deriveRequirements(ShopObservation.request());
    assertThat(result.scenarios()).hasSize(36);
    assertThat(result.coverage().statesPercent()).isEqualTo(100.0);
    assertThat(result.coverage().elementsCovered()).isEqualTo(13);
    assertThat(result.llm()).isEqualTo(LlmReport.notConfigured());
    assertThat(progress.types())
        .containsExactly(
            ProgressEventType.AGENT_STARTED,
            ProgressEventType.AGENT_PROGRESS,
            ProgressEventType.AGENT_PROGRESS,
            ProgressEventType.AGENT_COMPLETED);
    ProgressEvent completed = progress.events().get(3);
    assertThat(completed.agent()).isEqualTo("requirements");
    assertThat(completed.workflowId()).isEqualTo("wf-shop");
    assertThat(completed.progress()).isEqualTo(0.50);
    assertThat(completed.data()).containsEntry("scenarios", 36);
  }

  @Test
  void requestFiltersApply() {
    RequirementsRequest request =
        new RequirementsRequest(
            "wf-shop",
            ShopObservation.observation(),
            ShopObservation.INSTRUCTION,
            List.of("functional"),
            3,
            false,
            true);
    RequirementsResult result =
        new RequirementsActivitiesImpl(progress).deriveRequirements(request);
    assertThat(result.scenarios())
        .extracting(Scenario::scenarioId)
        .containsExactly("REQ-GOAL", "REQ-RENDER-s-home", "REQ-LOGIN-f-login-SUCCESS");
    // goal: home, signup, account; render: home; login: login
    assertThat(result.coverage().statesCovered()).isEqualTo(4);
  }

  @Test
  void nullObservationFailsFastAndReportsFailure() {
    RequirementsRequest request =
        new RequirementsRequest("wf-bad", null, null, List.of(), 50, false, false);
    assertRejected(
        () -> new RequirementsActivitiesImpl(progress).deriveRequirements(request),
        "observation is required");
    assertThat(progress.types()).containsExactly(ProgressEventType.AGENT_FAILED);
  }

  @Test
  void maxScenariosOutsideOneToHundredFailsFast() {
    for (int bad : new int[] {0, 101}) {
      RequirementsRequest request =
          new RequirementsRequest(
              "wf-bad", ShopObservation.observation(), null, List.of(), bad, false, false);
      assertRejected(
          () -> new RequirementsActivitiesImpl(progress).deriveRequirements(request),
          "max_scenarios must be 1..100, was " + bad);
    }
  }

  @Test
  void unknownScenarioTypeFailsFast() {
    RequirementsRequest request =
        new RequirementsRequest(
            "wf-bad", ShopObservation.observation(), null, List.of("smoke"), 50, false, false);
    assertThatThrownBy(() -> new RequirementsActivitiesImpl(progress).deriveRequirements(request))
        .isInstanceOf(ApplicationFailure.class)
        .hasMessageContaining("unknown scenario_types: [smoke]");
  }

  @Test
  void llmEditsAreAppliedAndHallucinatedElementsDropped() {
    FakeChatModel model =
        FakeChatModel.answering(
            """
            Here you go:
            ```json
            {"edits":[
               {"scenario_id":"REQ-GOAL","title":"New shopper signs up and lands on the account"},
               {"scenario_id":"REQ-DOES-NOT-EXIST","title":"ghost"}],
             "new_scenarios":[
               {"title":"Signed-up user sees an empty order history","given":["a new account"],
                "when":["the user opens the account page"],"then":["no orders are listed"],
                "scenario_type":"functional","priority":"high","state_ids":["s-account"],
                "form_ids":[],"element_ids":["el-logout"]},
               {"title":"Wishlist button adds an item","given":["the user is on Products"],
                "when":["the user clicks 'Add to wishlist'"],"then":["the wishlist shows 1 item"],
                "scenario_type":"functional","priority":"high","state_ids":["s-product-list"],
                "element_ids":["el-wishlist-button"]}]}
            ```
            """);
    RequirementsResult result =
        withModel(progress, model, Duration.ofSeconds(5))
            .deriveRequirements(ShopObservation.request());

    assertThat(byId(result, "REQ-GOAL").title())
        .isEqualTo("New shopper signs up and lands on the account");
    assertThat(byId(result, "REQ-GOAL").tags()).contains("llm_refined");
    String proposedId =
        "REQ-LLM-" + LlmScenarioRefiner.shortHash("signed-up user sees an empty order history");
    Scenario proposed = byId(result, proposedId);
    assertThat(proposed.source()).isEqualTo("llm");
    assertThat(proposed.tags()).containsExactly("llm", "goal_flow");
    assertThat(proposed.evidence())
        .isEqualTo(new Evidence(List.of("s-account"), List.of(), List.of("el-logout")));
    assertThat(result.scenarios()).hasSize(37);
    assertThat(result.scenarios())
        .extracting(Scenario::title)
        .doesNotContain("Wishlist button adds an item");

    LlmReport llm = result.llm();
    assertThat(llm.used()).isTrue();
    assertThat(llm.fallback()).isFalse();
    assertThat(llm.changesApplied()).isEqualTo(2);
    assertThat(llm.changesRejected()).isEqualTo(2);
    assertThat(llm.calls())
        .singleElement()
        .satisfies(
            call -> {
              assertThat(call.purpose()).isEqualTo("requirements.refine");
              assertThat(List.of(call.inputTokens(), call.outputTokens(), call.totalTokens()))
                  .containsExactly(1200, 300, 1500);
            });
    // No credential values in the prompt, only ids and short texts.
    assertThat(model.prompts()).noneMatch(p -> p.contains("TESTGEN_PASSWORD}"));
    assertThat(model.prompts().get(1)).contains("s-account | My account").doesNotContain("wrong-");
  }

  @Test
  void llmErrorFallsBackToRulesAndSaysWhy() {
    RequirementsResult result =
        withModel(
                progress,
                FakeChatModel.failingWith(new RuntimeException("HTTP 503")),
                Duration.ofSeconds(5))
            .deriveRequirements(ShopObservation.request());
    assertFallback(result, "error: RuntimeException: HTTP 503");
  }

  @Test
  void invalidJsonFallsBackToRules() {
    RequirementsResult result =
        withModel(progress, FakeChatModel.answering("{\"edits\": [oops"), Duration.ofSeconds(5))
            .deriveRequirements(ShopObservation.request());
    assertThat(result.llm().fallbackReason()).startsWith("invalid output: ");
    assertFallback(result, result.llm().fallbackReason());
  }

  @Test
  void timeoutFallsBackToRules() {
    RequirementsResult result =
        withModel(progress, FakeChatModel.sleeping(3_000), Duration.ofMillis(200))
            .deriveRequirements(ShopObservation.request());
    assertFallback(result, "timeout after 0 s");
  }

  private void assertFallback(RequirementsResult result, String reason) {
    RequirementsResult rulesOnly =
        new RequirementsActivitiesImpl(ProgressPublisher.NONE)
            .deriveRequirements(ShopObservation.request());
    assertThat(result.scenarios()).isEqualTo(rulesOnly.scenarios());
    assertThat(result.llm().used()).isTrue();
    assertThat(result.llm().fallback()).isTrue();
    assertThat(result.llm().fallbackReason()).isEqualTo(reason);
    assertThat(result.llm().calls())
        .extracting(TokenUsageRecord::purpose)
        .containsExactly("requirements.refine");
    assertThat(progress.events())
        .anySatisfy(
            e -> {
              assertThat(e.type()).isEqualTo(ProgressEventType.AGENT_PROGRESS);
              assertThat(e.message())
                  .isEqualTo("LLM fallback, rule-derived scenarios stand: " + reason);
              assertThat(e.data()).containsEntry("llm_fallback", true);
            });
    assertThat(progress.types()).last().isEqualTo(ProgressEventType.AGENT_COMPLETED);
  }

  @Test
  void resultsForTwoHundredStatesStayFarBelowTemporalPayloadLimits() throws Exception {
    ObservationResult large = ShopObservation.large(200);
    RequirementsResult requirements =
        new RequirementsActivitiesImpl(progress)
            .deriveRequirements(
                new RequirementsRequest("wf-big", large, null, List.of(), 100, false, false));
    AnalysisResult analysis =
        new AnalysisActivitiesImpl(progress)
            .analyse(new AnalysisRequest("wf-big", large, requirements));
    ObjectMapper json = JsonMapperFactory.create();
    int requirementsBytes = json.writeValueAsBytes(requirements).length;
    int analysisBytes = json.writeValueAsBytes(analysis).length;
    System.out.println(
        "200 states: requirements " + requirementsBytes + " B, analysis " + analysisBytes + " B");
    assertThat(requirements.scenarios()).hasSize(100);
    assertThat(requirements.coverage().statesTotal()).isEqualTo(200);
    assertThat(requirementsBytes).isLessThan(512 * 1024);
    assertThat(analysisBytes).isLessThan(512 * 1024);
    assertThat(requirementsBytes + analysisBytes).isLessThan(2 * 1024 * 1024);
  }
}
