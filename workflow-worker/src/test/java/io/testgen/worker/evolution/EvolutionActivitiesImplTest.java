package io.testgen.worker.evolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import io.testgen.common.agents.evolution.EvolutionActivities;
import io.testgen.common.agents.evolution.EvolutionRequest;
import io.testgen.common.agents.evolution.EvolutionResult;
import io.testgen.common.progress.ProgressEvent;
import io.testgen.common.progress.ProgressEventType;
import io.testgen.common.workflow.FailureTypes;
import io.testgen.testkit.sites.FixtureServer;
import io.testgen.testkit.sites.evolution.FlakySite;
import io.testgen.testkit.sites.evolution.NotesSite;
import io.testgen.worker.TemporalTestEnvironments;
import io.testgen.worker.artifacts.ArtifactStore;
import io.testgen.worker.browser.BrowserPool;
import io.testgen.worker.browser.TestBrowsers;
import io.testgen.worker.progress.ProgressPublisher;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The activity in a Temporal test environment: progress events, bad input, cancellation. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class EvolutionActivitiesImplTest {
  static final BrowserPool pool = TestBrowsers.shared();
  @TempDir static Path artifactsDir;

  TestActivityEnvironment env;
  List<ProgressEvent> events = new CopyOnWriteArrayList<>();
  volatile Consumer<ProgressEvent> onEvent = e -> {};
  EvolutionActivities activity;

  @BeforeEach
  void start() {
    env = TemporalTestEnvironments.activities();
    ProgressPublisher collecting =
        event -> {
          events.add(event);
          onEvent.accept(event);
        };
    env.registerActivitiesImplementations(
        new EvolutionActivitiesImpl(
            pool, new ArtifactStore(artifactsDir), collecting, EvolutionSettings.defaults()));
    activity =
        env.newActivityStub(
            EvolutionActivities.class,
            ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofMinutes(5))
                // The SDK sends heartbeats (and so learns of cancellation) at most every 0.8 x
                // this.
                .setHeartbeatTimeout(Duration.ofSeconds(3))
                .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
                .build());
  }

  @AfterEach
  void stop() {
    env.close();
  }

  private List<ProgressEventType> types() {
    return events.stream().map(ProgressEvent::type).distinct().toList();
  }

  @Test
  void reportsStartedProgressAndCompletedWithCounts() {
    try (FixtureServer site = FlakySite.install(FixtureServer.start())) {
      String b = site.baseUrl();
      EvolutionRequest request =
          EvolutionInputs.request(
              "wf-activity",
              b,
              EvolutionInputs.flakyObservation(b),
              EvolutionInputs.flakyScenarios().subList(1, 2),
              null,
              2);

      EvolutionResult result = activity.evolve(request);

      assertThat(result.testCount()).isEqualTo(1);
      assertThat(types())
          .containsExactly(
              ProgressEventType.AGENT_STARTED,
              ProgressEventType.AGENT_PROGRESS,
              ProgressEventType.AGENT_COMPLETED);
      assertThat(events).allSatisfy(e -> assertThat(e.agent()).isEqualTo("evolution"));
      assertThat(events).allSatisfy(e -> assertThat(e.workflowId()).isEqualTo("wf-activity"));
      assertThat(events.get(0).progress()).isEqualTo(0.80);
      assertThat(events.get(1).message()).isEqualTo("Generated 1 candidate tests");
      assertThat(events.get(events.size() - 2).message()).isEqualTo("Verifying tests: 1/1");
      assertThat(events.get(events.size() - 2).data())
          .containsOnly(
              Map.entry("tests_verified", 1),
              Map.entry("tests_passed", 1),
              Map.entry("tests_total", 1));
      assertThat(events.get(1).data())
          .containsEntry("tests_generated", 1)
          .containsEntry("skipped", 0);
      ProgressEvent completed = events.get(events.size() - 1);
      assertThat(completed.progress()).isEqualTo(0.95);
      assertThat(completed.data())
          .containsExactly(
              Map.entry("test_count", 1),
              Map.entry("pass_rate", 1.0),
              Map.entry("flaky_count", 0),
              Map.entry("repaired_count", 0),
              Map.entry("failing_count", 0));
    }
  }

  @Test
  void requestWithoutObservationFailsNonRetryably() {
    Throwable thrown =
        catchThrowable(
            () ->
                activity.evolve(
                    EvolutionInputs.inline(
                        "wf-bad",
                        "http://127.0.0.1:1/",
                        null,
                        null,
                        null,
                        null,
                        null,
                        5,
                        3,
                        null)));
    assertThat(thrown).isInstanceOf(ActivityFailure.class);
    ApplicationFailure cause = (ApplicationFailure) thrown.getCause();
    assertThat(cause.getType()).isEqualTo(FailureTypes.INVALID_REQUEST);
    assertThat(cause.isNonRetryable()).isTrue();
    assertThat(events).isEmpty();
  }

  @Test
  void missingBaselineFailsNonRetryablyAfterStarting() {
    try (FixtureServer site = FlakySite.install(FixtureServer.start())) {
      String b = site.baseUrl();
      Throwable thrown =
          catchThrowable(
              () ->
                  activity.evolve(
                      EvolutionInputs.request(
                          "wf-nobase",
                          b,
                          EvolutionInputs.flakyObservation(b),
                          EvolutionInputs.flakyScenarios(),
                          "wf-missing",
                          1)));
      ApplicationFailure cause = (ApplicationFailure) thrown.getCause();
      assertThat(cause.getType()).isEqualTo(FailureTypes.INVALID_REQUEST);
      assertThat(cause.getOriginalMessage())
          .isEqualTo("baseline suite not found: runs/wf-missing/suite.json");
      assertThat(types())
          .containsExactly(
              ProgressEventType.AGENT_STARTED,
              ProgressEventType.AGENT_PROGRESS,
              ProgressEventType.AGENT_FAILED);
    }
  }

  @Test
  void cancellationSeenAtHeartbeatStopsVerificationAndReportsFailure() throws Exception {
    try (FixtureServer site = NotesSite.install(FixtureServer.start())) {
      String b = site.baseUrl();
      onEvent =
          e -> {
            if (e.type() == ProgressEventType.AGENT_PROGRESS && e.message().startsWith("Verifying"))
              env.requestCancelActivity();
          };
      long start = System.nanoTime();
      Throwable thrown =
          catchThrowable(
              () ->
                  activity.evolve(
                      EvolutionInputs.request(
                          "wf-cancel",
                          b,
                          EvolutionInputs.notesObservation(b),
                          EvolutionInputs.notesScenarios(),
                          null,
                          3)));
      long seconds = (System.nanoTime() - start) / 1_000_000_000;

      assertThat(thrown).isNotNull();
      assertThat(events.get(events.size() - 1).type()).isEqualTo(ProgressEventType.AGENT_FAILED);
      assertThat(events.get(events.size() - 1).message()).isEqualTo("Evolution cancelled");
      assertThat(events).noneMatch(e -> e.type() == ProgressEventType.AGENT_COMPLETED);
      assertThat(Thread.getAllStackTraces().keySet())
          .noneMatch(t -> t.getName().startsWith("evolution-verify-") && t.isAlive());
      // Stopped at the heartbeat after the cancel request, long before all 8 tests were verified.
      assertThat(events).noneMatch(e -> "Verifying tests: 8/8".equals(e.message()));
      // The shared browser still serves the next run.
      try (FixtureServer flaky = FlakySite.install(FixtureServer.start())) {
        String fb = flaky.baseUrl();
        EvolutionResult next =
            new SuiteEvolution(pool, new ArtifactStore(artifactsDir), EvolutionSettings.defaults())
                .evolve(
                    EvolutionInputs.request(
                        "wf-after-cancel",
                        fb,
                        EvolutionInputs.flakyObservation(fb),
                        EvolutionInputs.flakyScenarios().subList(1, 2),
                        null,
                        1),
                    new io.testgen.worker.progress.AgentProgressReporter(
                        ProgressPublisher.NONE,
                        "wf-after-cancel",
                        io.testgen.common.workflow.Agent.EVOLUTION),
                    SuiteEvolution.Heartbeat.NONE);
        assertThat(next.testCount()).isEqualTo(1);
      }
      System.out.println("cancelled after seconds=" + seconds + " error=" + thrown);
    }
  }
}
