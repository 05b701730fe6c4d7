package io.testgen.worker.workflow;

import static org.assertj.core.api.Assertions.assertThat;

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
}
