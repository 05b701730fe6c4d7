package io.testgen.worker.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.testgen.common.agents.analysis.AnalysisRequest;
import io.testgen.common.agents.evolution.EvolutionRequest;
import io.testgen.common.artifacts.ArtifactRef;
import io.testgen.common.json.JsonMapperFactory;
import io.testgen.common.workflow.GenerationRequest;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What the workflow hands the agents: the worker's own settings apply where the run names none. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class AgentRequestsTest {

  @Test
  void evolutionLeavesVerifyRunsToTheWorkerUnlessTheRunNamesThem() throws Exception {
    GenerationRequest unset = GenerationRequest.of("https://shop.example.com");
    assertThat(AgentRequests.evolution("wf-1", unset, null, null, null).verifyRuns()).isZero();

    GenerationRequest four =
        JsonMapperFactory.shared()
            .readValue(
                "{\"url\": \"https://shop.example.com\", \"verify_runs\": 4}",
                GenerationRequest.class);
    assertThat(AgentRequests.evolution("wf-1", four, null, null, null).verifyRuns()).isEqualTo(4);
  }

  @Test
  void byReferenceTheAgentsGetReferencesAndTheRunsOwnSettings() throws Exception {
    GenerationRequest request =
        JsonMapperFactory.shared()
            .readValue(
                "{\"url\": \"https://shop.example.com\", \"verify_runs\": 4,"
                    + " \"baseline_workflow_id\": \"wf-0\"}",
                GenerationRequest.class);
    ArtifactRef observation = new ArtifactRef("a".repeat(64), 10);
    ArtifactRef requirements = new ArtifactRef("b".repeat(64), 20);
    ArtifactRef analysis = new ArtifactRef("c".repeat(64), 30);

    EvolutionRequest evolution =
        AgentRequests.evolution(
            "wf-1", request, null, observation, null, requirements, null, analysis);
    assertThat(evolution.observation()).isNull();
    assertThat(evolution.requirements()).isNull();
    assertThat(evolution.analysis()).isNull();
    assertThat(evolution.observationRef()).isEqualTo(observation);
    assertThat(evolution.requirementsRef()).isEqualTo(requirements);
    assertThat(evolution.analysisRef()).isEqualTo(analysis);
    assertThat(evolution.verifyRuns()).isEqualTo(4);
    assertThat(evolution.baselineSuiteRef()).isEqualTo("runs/wf-0/suite.json");

    AnalysisRequest finalRegister =
        AgentRequests.finalAnalysis("wf-1", null, observation, null, requirements, analysis);
    assertThat(finalRegister.verification()).isNull();
    assertThat(finalRegister.evolutionRef()).isEqualTo(analysis);
    assertThat(AgentRequests.requirements("wf-1", request, null, observation).observationRef())
        .isEqualTo(observation);
  }
}
