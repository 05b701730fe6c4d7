package io.testgen.worker.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.testgen.common.agents.requirements.Evidence;
import io.testgen.common.agents.requirements.Scenario;
import io.testgen.common.artifacts.ContentAddressedStore;
import io.testgen.common.artifacts.ReferencedResults;
import io.testgen.common.workflow.AgentState;
import io.testgen.common.workflow.FailureTypes;
import io.testgen.common.workflow.GenerationRequest;
import io.testgen.common.workflow.GenerationResult;
import io.testgen.common.workflow.PipelineInputs;
import io.testgen.common.workflow.RejectRequest;
import io.testgen.common.workflow.ReviewDecision;
import io.testgen.common.workflow.RunState;
import io.testgen.common.workflow.RunStatus;
import io.testgen.common.workflow.SearchAttributes;
import io.testgen.common.workflow.TaskQueues;
import io.testgen.common.workflow.TestGenerationWorkflow;
import io.testgen.worker.TemporalTestEnvironments;
import io.testgen.worker.WorkerTuning;
import io.testgen.worker.progress.RunEventActivitiesImpl;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 5, unit = TimeUnit.MINUTES)
class TestGenerationWorkflowTest {
  static final String URL = "http://shop.example.test/";

  @TempDir Path artifacts;
  TestWorkflowEnvironment env;
  WorkflowClient client;
  ScriptedAgents agents;
  RecordingPublisher events;

  @BeforeEach
  void start() {
    agents = new ScriptedAgents(artifacts);
    events = new RecordingPublisher();
    env = started(agents, events);
    client = env.getWorkflowClient();
  }

  /**
   * A started test service with the search attributes, the workflow and {@code agents} on both task
   * queues as the worker registers them, and run events to {@code events}.
   */
  static TestWorkflowEnvironment started(ScriptedAgents agents, RecordingPublisher events) {
    TestWorkflowEnvironment env = TemporalTestEnvironments.workflows();
    for (String name : List.of("TargetHost", "Stage", "Owner")) {
      env.registerSearchAttribute(name, IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
    }
    Worker pipeline = env.newWorker(TaskQueues.PIPELINE, WorkerTuning.workerOptions(false));
    pipeline.registerWorkflowImplementationTypes(TestGenerationWorkflowImpl.class);
    pipeline.registerActivitiesImplementations(agents, new RunEventActivitiesImpl(events));
    Worker browser = env.newWorker(TaskQueues.BROWSER, WorkerTuning.workerOptions(false));
    browser.registerActivitiesImplementations(agents);
    env.start();
    return env;
  }

  @AfterEach
  void stop() {
    env.close();
  }

  /**
   * With {@code -Dtestgen.recordHistories=DIR}, writes a finished run's history for {@link
   * TestGenerationWorkflowReplayTest}. Re-record only for an intended, versioned change.
   */
  private void record(String workflowId) {
    String dir = System.getProperty("testgen.recordHistories");
    if (dir == null) return;
    try {
      java.nio.file.Files.createDirectories(java.nio.file.Path.of(dir));
      java.nio.file.Files.writeString(
          java.nio.file.Path.of(dir, workflowId + ".json"),
          client.fetchHistory(workflowId).toJson(true));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The run's result with its stored parts read back, as the gateway answers it. */
  private GenerationResult resolved(GenerationResult result) {
    assertThat(result.resultRefs()).isNotNull();
    return ReferencedResults.resolve(result, new ContentAddressedStore(artifacts));
  }

  /** A run without review started as {@code id}, once its Evolution hangs (until cancelled). */
  private TestGenerationWorkflow heldInEvolution(String id) throws InterruptedException {
    agents.evolutionHangsUntilCancelled = true;
    TestGenerationWorkflow run = stub(id);
    WorkflowClient.start(run::generate, request(URL, null, false, null));
    assertThat(agents.evolutionStarted.await(10, TimeUnit.SECONDS)).isTrue();
    return run;
  }

  private TestGenerationWorkflow stub(String id) {
    return client.newWorkflowStub(
        TestGenerationWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue(TaskQueues.PIPELINE).setWorkflowId(id).build());
  }

  /** A run started as {@code id} of the stages {@code inputs} names, on what it gives. */
  private GenerationResult partialRun(String id, PipelineInputs inputs) {
    return stub(id).generate(request(URL, null, false, null, inputs));
  }

  private static GenerationRequest request(
      String url, String instruction, boolean review, String baseline) {
    return request(url, instruction, review, baseline, null);
  }

  /** The workflow tests' request (a small crawl, an hour for review); the payload test's too. */
  static GenerationRequest request(
      String url, String instruction, boolean review, String baseline, PipelineInputs inputs) {
    return GenerationRequest.of(url)
        .with(
            r -> {
              r.maxDepth = 3;
              r.maxPages = 7;
              r.userInstruction = instruction;
              r.owner = "alice";
              r.maxScenarios = 10;
              r.reviewRequirements = review;
              r.reviewTimeout = Duration.ofHours(1);
              r.baselineWorkflowId = baseline;
              r.inputs = inputs;
            });
  }

  @Test
  void runsTheFourAgentsInOrderAndReportsEachOne() {
    GenerationResult result = resolved(stub("wf-happy").generate(request(URL, null, false, null)));

    assertThat(agents.calls)
        .containsExactly(
            "observe http://shop.example.test/ depth=3 pages=7",
            "deriveRequirements states=2 max=10",
            "analyse scenarios=2",
            "evolve scenarios=2 baseline=null",
            // the final risk register, with what verification showed of each test
            "analyse scenarios=2 verified=2");
    assertThat(result.status()).isEqualTo(RunState.COMPLETED);
    assertThat(result.testCount()).isEqualTo(2);
    assertThat(result.observationResult().stateCount()).isEqualTo(2);
    assertThat(result.requirementsResult().scenarios())
        .extracting(Scenario::scenarioId)
        .containsExactly("REQ-RENDER-S-0", "REQ-RENDER-S-1");
    assertThat(result.analysisResult().ranking())
        .containsExactly("REQ-RENDER-S-0", "REQ-RENDER-S-1");
    assertThat(result.finalAnalysisResult().ranking())
        .containsExactly("REQ-RENDER-S-0", "REQ-RENDER-S-1");
    assertThat(events.types()).containsExactly("workflow_started", "workflow_completed");
    assertThat(events.events().get(1).progress()).isEqualTo(1.0);

    RunStatus status = client.newWorkflowStub(TestGenerationWorkflow.class, "wf-happy").status();
    assertThat(status.status()).isEqualTo(RunState.COMPLETED);
    assertThat(status.totalProgress()).isEqualTo(1.0);
    assertThat(status.progress().keySet())
        .containsExactly("observation", "requirements", "analysis", "evolution");
    assertThat(status.progress().values())
        .allSatisfy(p -> assertThat(p.status()).isEqualTo(AgentState.COMPLETED));
    assertThat(status.progress().get("observation").counts())
        .containsEntry("states", 2)
        .containsEntry("forms", 0);
    assertThat(status.progress().get("evolution").counts()).containsEntry("tests", 2);

    var description = client.newUntypedWorkflowStub("wf-happy").describe();
    assertThat(description.getTypedSearchAttributes().get(SearchAttributes.STAGE))
        .isEqualTo("completed");
    assertThat(description.getTypedSearchAttributes().get(SearchAttributes.TARGET_HOST))
        .isEqualTo("shop.example.test");
    record("wf-happy");
  }

  @Test
  void badInputFailsFastWithoutCallingAnAgent() {
    assertRunFails(
        () -> stub("wf-bad").generate(request("ftp://files.example.test/", null, false, null)),
        FailureTypes.INVALID_TARGET,
        "url must use http or https: ftp://files.example.test/");
    assertThat(agents.calls).isEmpty();
  }

  @Test
  void aNonRetryableAgentFailureEndsTheRunAfterOneAttempt() {
    agents.observationFailureType = FailureTypes.TARGET_UNREACHABLE;
    assertThatThrownBy(() -> stub("wf-unreachable").generate(request(URL, null, false, null)))
        .isInstanceOf(WorkflowFailedException.class);
    assertThat(agents.observeAttempts.get()).isEqualTo(1);
    RunStatus status =
        client.newWorkflowStub(TestGenerationWorkflow.class, "wf-unreachable").status();
    assertThat(status.status()).isEqualTo(RunState.FAILED);
    assertThat(status.error()).isEqualTo("scripted: TargetUnreachable");
    assertThat(status.progress().get("observation").status()).isEqualTo(AgentState.FAILED);
    assertThat(events.types()).containsExactly("workflow_started", "workflow_failed");
    assertThat(events.events().get(1).message()).isEqualTo("scripted: TargetUnreachable");
    assertThat(events.events().get(1).agent()).isEqualTo("observation");
    record("wf-unreachable");
  }

  @Test
  void aTransientAgentFailureIsRetried() {
    agents.transientObservationFailures = 1;
    GenerationResult result = stub("wf-retry").generate(request(URL, null, false, null));
    assertThat(result.status()).isEqualTo(RunState.COMPLETED);
    assertThat(agents.observeAttempts.get()).isEqualTo(2);
  }

  @Test
  void theGoalGateFailsARunWhoseGoalWasNotReached() {
    agents.goalReached = false;
    assertRunFails(
        () -> stub("wf-goal").generate(request(URL, "checkout", false, null)),
        FailureTypes.GOAL_NOT_REACHED,
        "Goal not reached: \"checkout\": no control matches 'checkout'");
    assertThat(agents.calls).hasSize(1);
  }

  @Test
  void anApprovedReviewWithEditedScenariosContinuesWithThem() throws Exception {
    TestGenerationWorkflow run = stub("wf-review");
    WorkflowClient.start(run::generate, request(URL, null, true, null));
    awaitState("wf-review", RunState.AWAITING_REVIEW);
    assertThat(events.types()).containsExactly("workflow_started", "awaiting_review");

    Scenario edited =
        new Scenario(
            "REQ-CUSTOM-1",
            "Checkout works",
            List.of("a shopper"),
            List.of("they pay"),
            List.of("they see a receipt"),
            "critical",
            "functional",
            List.of(),
            Map.of(),
            new Evidence(List.of("S-0"), List.of(), List.of()),
            false,
            "reviewer");
    var outcome = run.approve(new ReviewDecision(List.of(edited), "bob", "focus on checkout"));
    assertThat(outcome.decision()).isEqualTo("approved");
    assertThat(outcome.scenarioCount()).isEqualTo(1);

    GenerationResult result =
        resolved(
            WorkflowStub.fromTyped(run).getResult(10, TimeUnit.SECONDS, GenerationResult.class));
    assertThat(result.requirementsResult().scenarios())
        .extracting(Scenario::scenarioId)
        .containsExactly("REQ-CUSTOM-1");
    assertThat(agents.calls).contains("analyse scenarios=1", "evolve scenarios=1 baseline=null");
    record("wf-review");
  }

  @Test
  void aRejectedReviewEndsTheRunWithTheReason() {
    TestGenerationWorkflow run = stub("wf-reject");
    WorkflowClient.start(run::generate, request(URL, null, true, null));
    awaitState("wf-reject", RunState.AWAITING_REVIEW);
    run.reject(new RejectRequest("bob", "wrong app"));
    assertRunFails(
        () -> WorkflowStub.fromTyped(run).getResult(10, TimeUnit.SECONDS, GenerationResult.class),
        FailureTypes.REQUIREMENTS_REJECTED,
        "Requirements rejected by bob: wrong app");
    assertThat(agents.calls).hasSize(2);
  }

  @Test
  void anUnansweredReviewTimesOut() {
    TestGenerationWorkflow run = stub("wf-timeout");
    WorkflowClient.start(run::generate, request(URL, null, true, null));
    awaitState("wf-timeout", RunState.AWAITING_REVIEW);
    env.sleep(Duration.ofHours(2));
    assertRunFails(
        () -> WorkflowStub.fromTyped(run).getResult(10, TimeUnit.SECONDS, GenerationResult.class),
        FailureTypes.REVIEW_TIMED_OUT,
        null);
    assertThat(client.newWorkflowStub(TestGenerationWorkflow.class, "wf-timeout").status().error())
        .isEqualTo("Review timed out: nobody approved or rejected the requirements within PT1H");
  }

  @Test
  void approvalIsRefusedWhenTheRunIsNotAwaitingReview() throws Exception {
    TestGenerationWorkflow run = heldInEvolution("wf-noreview");
    assertThatThrownBy(() -> run.approve(new ReviewDecision(null, "bob", null)))
        .isInstanceOf(WorkflowUpdateException.class)
        .rootCause()
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> assertThat(f.getOriginalMessage()).isEqualTo("the run is not awaiting review"));
    WorkflowStub.fromTyped(run).cancel();
  }

  @Test
  void cancellingStopsTheRunningAgentAndEndsCancelled() throws Exception {
    TestGenerationWorkflow run = heldInEvolution("wf-cancel");

    WorkflowStub.fromTyped(run).cancel();

    assertThatThrownBy(
            () ->
                WorkflowStub.fromTyped(run).getResult(20, TimeUnit.SECONDS, GenerationResult.class))
        .isInstanceOf(WorkflowFailedException.class)
        .cause()
        .isInstanceOf(CanceledFailure.class);
    assertThat(agents.evolutionSawCancel).isTrue();
    assertThat(events.types()).containsExactly("workflow_started", "workflow_cancelled");
    RunStatus status = client.newWorkflowStub(TestGenerationWorkflow.class, "wf-cancel").status();
    assertThat(status.status()).isEqualTo(RunState.CANCELLED);
    assertThat(status.progress().get("evolution").status()).isEqualTo(AgentState.CANCELLED);
    record("wf-cancel");
  }

  @Test
  void aBaselineRunHandsItsSuiteToEvolution() {
    stub("wf-improve").generate(request(URL, null, false, "wf-earlier"));
    assertThat(agents.lastEvolutionRequest.baselineWorkflowId()).isEqualTo("wf-earlier");
    assertThat(agents.lastEvolutionRequest.baselineSuiteRef())
        .isEqualTo("runs/wf-earlier/suite.json");
  }

  @Test
  void aPartialRunStartsFromAnEarlierResultAndSkipsTheRest() {
    GenerationResult full = resolved(stub("wf-full").generate(request(URL, null, false, null)));
    agents.calls.clear();

    GenerationResult partial =
        resolved(
            partialRun(
                "wf-requirements-only",
                new PipelineInputs(List.of("requirements"), full.observationResult(), null, null)));

    assertThat(agents.calls).containsExactly("deriveRequirements states=2 max=10");
    assertThat(partial.requirementsResult().scenarios()).hasSize(2);
    assertThat(partial.evolutionResult()).isNull();
    assertThat(partial.testCount()).isZero();
    RunStatus status =
        client.newWorkflowStub(TestGenerationWorkflow.class, "wf-requirements-only").status();
    assertThat(status.progress().get("observation").status()).isEqualTo(AgentState.SKIPPED);
    assertThat(status.progress().get("requirements").status()).isEqualTo(AgentState.COMPLETED);
    assertThat(status.progress().get("evolution").status()).isEqualTo(AgentState.SKIPPED);
  }

  @Test
  void aPartialRunWithoutTheResultsItNeedsIsRefused() {
    assertRunFails(
        () ->
            partialRun(
                "wf-no-input",
                new PipelineInputs(List.of("analysis", "evolution"), null, null, null)),
        FailureTypes.INVALID_REQUEST,
        "stages [analysis, evolution] need an observation result");
    assertRunFails(
        () ->
            partialRun(
                "wf-gap", new PipelineInputs(List.of("observation", "analysis"), null, null, null)),
        null,
        "stages must be contiguous and in order: [observation, analysis]");
    assertThat(agents.calls).isEmpty();
  }

  /** The run fails with an application failure of this type and message (null: any). */
  private static void assertRunFails(ThrowingCallable run, String type, String message) {
    assertThatThrownBy(run)
        .isInstanceOf(WorkflowFailedException.class)
        .cause()
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> {
              if (type != null) assertThat(f.getType()).isEqualTo(type);
              if (message != null) assertThat(f.getOriginalMessage()).isEqualTo(message);
            });
  }

  private void awaitState(String workflowId, RunState state) {
    long deadline = System.currentTimeMillis() + 10_000;
    while (System.currentTimeMillis() < deadline) {
      RunStatus status = client.newWorkflowStub(TestGenerationWorkflow.class, workflowId).status();
      if (status != null && status.status() == state) return;
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    throw new AssertionError(workflowId + " never reached " + state);
  }
}
