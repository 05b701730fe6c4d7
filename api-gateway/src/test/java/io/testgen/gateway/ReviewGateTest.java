package io.testgen.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.failure.ApplicationFailure;
import io.testgen.common.workflow.FailureTypes;
import io.testgen.common.workflow.GenerationResult;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The approval gate through the workflow's Updates (validator refusals mapped to codes). */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ReviewGateTest extends GatewayIntegrationTest {
  private static final String REVIEW = "\"review_requirements\":true";
  private static final String SCENARIO =
      "{\"scenario_id\":\"S%d\",\"title\":\"Scenario %d\",\"given\":[],\"when\":[],\"then\":[]}";

  private String awaitingRun(String extra) {
    String id = start("reviewer", REVIEW + extra);
    JsonNode status = awaitStatus("reviewer", id, "awaiting_review");
    assertThat(status.get("current_agent").asText()).isEqualTo("requirements");
    return id;
  }

  /** The reviewer posts {@code body} to the run's {@code decision} endpoint (approve or reject). */
  private Http.Response review(String id, String decision, String body) {
    return as("reviewer").post("/api/v2/workflows/" + id + "/" + decision, body);
  }

  /** {@link #review}, answered 200: the outcome's JSON. */
  private JsonNode reviewed(String id, String decision, String body) {
    Http.Response answer = review(id, decision, body);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json();
  }

  @Test
  void approveResumesTheRun() {
    String id = awaitingRun("");
    JsonNode approved = reviewed(id, "approve", "{\"comment\":\"fine\"}");
    assertThat(approved.get("decision").asText()).isEqualTo("approved");
    assertThat(approved.get("scenario_count").asInt())
        .isEqualTo(FakeTestGenerationWorkflow.DERIVED_SCENARIOS);
    awaitStatus("reviewer", id, "completed");
    assertProblem(review(id, "approve", "{}"), 409, "NOT_AWAITING_REVIEW");
  }

  @Test
  void approveWithAnEditedScenarioList() {
    String id = awaitingRun("");
    assertProblem(review(id, "approve", "{\"scenarios\":[]}"), 400, "INVALID_SCENARIOS");
    String two = "[" + SCENARIO.formatted(1, 1) + "," + SCENARIO.formatted(2, 2) + "]";
    JsonNode approved = reviewed(id, "approve", "{\"scenarios\":" + two + "}");
    assertThat(approved.get("scenario_count").asInt()).isEqualTo(2);
    awaitStatus("reviewer", id, "completed");
    assertThat(
            as("reviewer")
                .get("/api/v2/workflows/" + id + "/results")
                .json()
                .get("test_count")
                .asInt())
        .isEqualTo(2);
  }

  @Test
  void rejectEndsTheRunFailedWithTheReason() {
    String id = awaitingRun("");
    JsonNode rejected = reviewed(id, "reject", "{\"reason\":\"wrong flows\"}");
    assertThat(rejected.get("decision").asText()).isEqualTo("rejected");
    JsonNode status = awaitStatus("reviewer", id, "failed");
    assertThat(status.get("error").asText())
        .isEqualTo("Requirements rejected by " + user("reviewer") + ": wrong flows");
    assertThat(failureType(id)).isEqualTo(FailureTypes.REQUIREMENTS_REJECTED);
    assertProblem(review(id, "reject", "{}"), 409, "NOT_AWAITING_REVIEW");
  }

  @Test
  void reviewTimeoutFailsTheRunWithAClearReason() {
    // No wait for awaiting_review first: on a slow machine the timeout may pass before a poll
    // sees that state, and the test is about the end.
    String id = start("reviewer", REVIEW + ",\"review_timeout_seconds\":1");
    JsonNode status = awaitStatus("reviewer", id, "failed");
    assertThat(status.get("error").asText())
        .isEqualTo("Review timed out: nobody approved or rejected the requirements within PT1S");
    // The type the real workflow uses (the fake once said ReviewTimeout).
    assertThat(failureType(id)).isEqualTo(FailureTypes.REVIEW_TIMED_OUT);
  }

  private static String failureType(String workflowId) {
    WorkflowClient client = TestServers.client();
    try {
      client
          .newUntypedWorkflowStub(workflowId, Optional.empty(), Optional.empty())
          .getResult(10, TimeUnit.SECONDS, GenerationResult.class);
      return null;
    } catch (WorkflowFailedException e) {
      return e.getCause() instanceof ApplicationFailure app ? app.getType() : null;
    } catch (java.util.concurrent.TimeoutException e) {
      return null;
    }
  }

  @Test
  void runNotWaitingForReviewRefusesApproval() {
    String id = start("reviewer", "\"user_instruction\":\"hold\"");
    try {
      awaitStatus("reviewer", id, "running");
      Http.Response refused = review(id, "approve", "{}");
      assertProblem(refused, 409, "NOT_AWAITING_REVIEW");
      assertThat(refused.json().get("detail").asText()).isEqualTo("the run is not awaiting review");
    } finally {
      as("reviewer").delete("/api/v2/workflows/" + id);
    }
  }
}
