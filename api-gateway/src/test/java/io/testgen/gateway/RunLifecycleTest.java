package io.testgen.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Start, status, results, suite download and cancellation against the real Temporal server. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RunLifecycleTest extends GatewayIntegrationTest {

  @Test
  void startAnswers202WithWhereToFollowAndCompletes() {
    Http.Response response =
        as("alice").post("/api/v2/generate-tests", "{\"url\":\"" + TARGET + "\",\"max_depth\":3}");

    assertThat(response.status()).isEqualTo(202);
    JsonNode body = response.json();
    String id = body.get("workflow_id").asText();
    assertThat(id).startsWith("testgen-127.0.0.1-");
    assertThat(body.get("status").asText()).isEqualTo("pending");
    assertThat(body.get("stream_url").asText()).isEqualTo("/api/v2/workflows/" + id + "/stream");
    assertThat(body.get("status_url").asText()).isEqualTo("/api/v2/workflows/" + id);

    JsonNode status = awaitStatus("alice", id, "completed");
    assertThat(status.get("workflow_id").asText()).isEqualTo(id);
    assertThat(status.get("owner").asText()).isEqualTo(user("alice"));
    assertThat(status.get("target_url").asText()).isEqualTo(TARGET);
    assertThat(status.get("total_progress").asDouble()).isEqualTo(1.0);
    assertThat(status.get("completed_at").isNull()).isFalse();

    JsonNode results = as("alice").get("/api/v2/workflows/" + id + "/results").json();
    assertThat(results.get("workflow_id").asText()).isEqualTo(id);
    assertThat(results.get("status").asText()).isEqualTo("completed");
    assertThat(results.get("test_count").asInt())
        .isEqualTo(FakeTestGenerationWorkflow.DERIVED_SCENARIOS);
    assertThat(results.get("evolution_result").get("suites").get("playwright-ts").asText())
        .isEqualTo("runs/" + id + "/suite-playwright-ts.zip");
  }

  @Test
  void suiteIsStreamedAsZipOnceRendered() throws Exception {
    String id = start("alice", "");
    awaitStatus("alice", id, "completed");

    assertProblem(as("alice").get("/api/v2/workflows/" + id + "/suite"), 404, "NOT_READY");
    assertProblem(
        as("alice").get("/api/v2/workflows/" + id + "/suite?format=cypress"),
        400,
        "INVALID_FORMAT");

    Path zip = ARTIFACTS.resolve("runs/" + id + "/suite-playwright-ts.zip");
    Files.createDirectories(zip.getParent());
    byte[] bytes = {'P', 'K', 3, 4, 1, 2, 3};
    Files.write(zip, bytes);

    Http.Response response =
        as("alice").get("/api/v2/workflows/" + id + "/suite?format=playwright-ts");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.contentType()).isEqualTo("application/zip");
    assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
        .isEqualTo("attachment; filename=\"" + id + "-playwright-ts.zip\"");
    assertThat(response.body().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))
        .isEqualTo(bytes);
    // The Java suite of this run was never rendered.
    assertProblem(
        as("alice").get("/api/v2/workflows/" + id + "/suite?format=playwright-java"),
        404,
        "NOT_READY");
  }

  @Test
  void runningRunHasNoResultsAndCancelEndsIt() {
    String id = start("alice", "\"user_instruction\":\"hold\"");
    awaitStatus("alice", id, "running");
    assertProblem(as("alice").get("/api/v2/workflows/" + id + "/results"), 404, "NOT_READY");
    assertProblem(as("alice").get("/api/v2/workflows/" + id + "/suite"), 404, "NOT_READY");

    Http.Response cancel = as("alice").delete("/api/v2/workflows/" + id);
    assertThat(cancel.status()).isEqualTo(202);
    assertThat(cancel.json().get("workflow_id").asText()).isEqualTo(id);
    assertThat(cancel.json().get("status").asText()).isEqualTo("cancelling");

    JsonNode status = awaitStatus("alice", id, "cancelled");
    assertThat(status.get("error").asText()).isEqualTo("cancelled");
    assertProblem(as("alice").delete("/api/v2/workflows/" + id), 409, "ALREADY_CLOSED");
    assertProblem(as("alice").get("/api/v2/workflows/" + id + "/results"), 409, "RUN_CANCELLED");
  }

  @Test
  void failedRunReportsItsReason() {
    String id = start("alice", "\"user_instruction\":\"fail\"");
    JsonNode status = awaitStatus("alice", id, "failed");
    assertThat(status.get("error").asText()).isEqualTo("target unreachable: connection refused");
    Http.Response results = as("alice").get("/api/v2/workflows/" + id + "/results");
    assertProblem(results, 409, "RUN_FAILED");
    assertThat(results.json().get("detail").asText())
        .isEqualTo("target unreachable: connection refused");
  }

  @Test
  void statusOfARunNoWorkerPollsIsAnsweredFromDescribeInBoundedTime() {
    // A run on a task queue nobody polls: the status query cannot be answered.
    String id = "testgen-127.0.0.1-unpolled-" + java.util.UUID.randomUUID();
    io.temporal.client.WorkflowOptions options =
        io.temporal.client.WorkflowOptions.newBuilder()
            .setWorkflowId(id)
            .setTaskQueue("unpolled-" + TestServers.RUN_SUFFIX)
            .setTypedSearchAttributes(
                io.temporal.common.SearchAttributes.newBuilder()
                    .set(io.testgen.common.workflow.SearchAttributes.OWNER, user("alice"))
                    .build())
            .setMemo(java.util.Map.of("owner", user("alice"), "target_url", TARGET))
            .build();
    io.temporal.client.WorkflowStub stub =
        TestServers.client()
            .newUntypedWorkflowStub(
                io.testgen.common.workflow.TestGenerationWorkflow.TYPE, options);
    stub.start(io.testgen.common.workflow.GenerationRequest.of(TARGET).withOwner(user("alice")));
    try {
      long started = System.nanoTime();
      JsonNode status = statusOf("alice", id);
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
      System.out.printf("status_without_worker_ms=%d%n", millis);
      assertThat(status.get("status").asText()).isEqualTo("pending");
      assertThat(status.get("target_url").asText()).isEqualTo(TARGET);
      // query-timeout is 3 s; describe and the rest take well under a second.
      assertThat(millis).isLessThan(5000);
    } finally {
      stub.terminate("test over");
    }
  }

  @Test
  void unknownRunIsNotFound() {
    assertProblem(as("alice").get("/api/v2/workflows/testgen-nope-123"), 404, "NOT_FOUND");
    assertProblem(as("alice").get("/api/v2/workflows/testgen-nope-123/results"), 404, "NOT_FOUND");
    assertProblem(as("alice").delete("/api/v2/workflows/testgen-nope-123"), 404, "NOT_FOUND");
  }

  @Test
  void improveTestsNeedsTheCallersCompletedBaseline() {
    assertProblem(
        as("alice").post("/api/v2/improve-tests", "{\"url\":\"" + TARGET + "\"}"),
        400,
        "INVALID_FIELD");
    String done = start("alice", "");
    awaitStatus("alice", done, "completed");
    String running = start("alice", "\"user_instruction\":\"hold\"");

    assertProblem(
        as("bob").post("/api/v2/improve-tests", "{\"baseline_workflow_id\":\"" + done + "\"}"),
        404,
        "NOT_FOUND");
    assertProblem(
        as("alice").post("/api/v2/improve-tests", "{\"baseline_workflow_id\":\"" + running + "\"}"),
        409,
        "BASELINE_NOT_COMPLETED");
    Http.Response improved =
        as("alice").post("/api/v2/improve-tests", "{\"baseline_workflow_id\":\"" + done + "\"}");
    assertThat(improved.status()).as(improved.body()).isEqualTo(202);
    String id = improved.json().get("workflow_id").asText();
    assertThat(awaitStatus("alice", id, "completed").get("target_url").asText()).isEqualTo(TARGET);
    as("alice").delete("/api/v2/workflows/" + running);
  }
}
