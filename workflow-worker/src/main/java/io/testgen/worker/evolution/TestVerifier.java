package io.testgen.worker.evolution;

import static io.testgen.worker.evolution.SuiteVerifier.with;

import com.microsoft.playwright.Page;
import io.testgen.common.agents.evolution.GeneratedTest;
import io.testgen.common.agents.evolution.Repair;
import io.testgen.common.agents.evolution.TestFailure;
import io.testgen.common.artifacts.ArtifactPaths;
import io.testgen.worker.artifacts.ArtifactStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies one test on the calling thread: run it, repair what fails, then run it until it has run
 * N times in all (the passing run counts) and call it flaky unless it passed every time (stopping
 * at the second failure): verified 3x is three passing runs, as Playwright's {@code --repeat-each
 * 3}. A test that still fails keeps its failing step, error and screenshot.
 */
final class TestVerifier {
  private static final Logger log = LoggerFactory.getLogger(TestVerifier.class);

  private final TestExecutor executor;
  private final ArtifactStore artifacts;
  private final String workflowId;
  private final EvolutionSettings settings;

  TestVerifier(
      TestExecutor executor,
      ArtifactStore artifacts,
      String workflowId,
      EvolutionSettings settings) {
    this.executor = executor;
    this.artifacts = artifacts;
    this.workflowId = workflowId;
    this.settings = settings;
  }

  /** Verifies one test on the calling thread, its runs on the thread's {@code session}. */
  GeneratedTest verifyOne(GeneratedTest test, int verifyRuns, RunSession session) {
    try {
      return verify(test, verifyRuns, session);
    } catch (VerificationStop.Stopped stopped) {
      throw stopped;
    } catch (RuntimeException e) {
      log.warn(
          "event=verify_error workflow_id={} test_id={} error={}",
          workflowId,
          test.testId(),
          TestExecutor.firstLine(e.getMessage()));
      return with(
          test,
          test.steps(),
          "failed",
          0,
          0,
          0,
          List.of(),
          new TestFailure(-1, null, TestExecutor.firstLine(e.getMessage()), null));
    }
  }

  private GeneratedTest verify(GeneratedTest test, int verifyRuns, RunSession session) {
    long start = System.nanoTime();
    StepRepairer repairer = new StepRepairer();
    GeneratedTest current = test;
    List<Repair> repairs = new ArrayList<>();
    ProposalHolder holder = new ProposalHolder();
    int runs = 0;
    int passes = 0;
    long passMillis = 0;

    // The first run proposes no repair: the repairer remembers what it proposed, and the second
    // (unchanged) run must still be able to propose it.
    RunOutcome outcome = executor.run(session, current, null, this::screenshot, null);
    runs++;
    if (!outcome.passed()) {
      // Does it pass unchanged on a second try? Then it passed and failed as the same code: flaky.
      holder.clear();
      RunOutcome again =
          executor.run(
              session, current, holder.inspector(repairer, current), this::screenshot, null);
      runs++;
      if (again.passed()) {
        log.info(
            "event=test_flaky workflow_id={} test_id={} runs={} passes=1",
            workflowId,
            test.testId(),
            runs);
        return with(
            current,
            current.steps(),
            "flaky",
            runs,
            1,
            again.durationMillis(),
            repairs,
            failure(current, outcome));
      }
      RunOutcome original = outcome;
      outcome = again;
      int rounds = 0;
      while (!outcome.passed()
          && holder.proposal.isPresent()
          && rounds < settings.maxRepairsPerTest()) {
        rounds++;
        StepRepairer.Proposal proposal = holder.proposal.get();
        current =
            with(current, proposal.steps(), current.status(), 0, 0, 0, current.repairs(), null);
        repairs.add(proposal.repair());
        holder.clear();
        outcome =
            executor.run(
                session, current, holder.inspector(repairer, current), this::screenshot, null);
        runs++;
        log.info(
            "event=test_repair workflow_id={} test_id={} method={} step={} passed={}",
            workflowId,
            test.testId(),
            proposal.repair().method(),
            proposal.repair().stepIndex(),
            outcome.passed());
      }
      if (!outcome.passed()) {
        // Report the test as generated, failing where it first failed; the repairs were tries.
        return with(test, test.steps(), "failed", runs, 0, 0, List.of(), failure(test, original));
      }
    }
    passes++;
    passMillis += outcome.durationMillis();
    RunOutcome firstFailure = null;
    int failures = 0;
    // Flaky after one failure; a second one is evidence enough, the runs left would add none.
    for (int i = 1; i < verifyRuns && failures < 2; i++) {
      RunOutcome rerun = executor.run(session, current, null, this::screenshot, null);
      runs++;
      if (rerun.passed()) {
        passes++;
        passMillis += rerun.durationMillis();
      } else {
        failures++;
        if (firstFailure == null) firstFailure = rerun;
      }
    }
    String status = firstFailure != null ? "flaky" : repairs.isEmpty() ? "passed" : "repaired";
    log.info(
        "event=test_verified workflow_id={} test_id={} status={} runs={} passes={} millis={}",
        workflowId,
        test.testId(),
        status,
        runs,
        passes,
        (System.nanoTime() - start) / 1_000_000);
    return with(
        current,
        current.steps(),
        status,
        runs,
        passes,
        passMillis / passes,
        repairs,
        firstFailure == null ? null : failure(current, firstFailure));
  }

  private TestFailure failure(GeneratedTest test, RunOutcome outcome) {
    String step =
        outcome.failedStep() >= 0 && outcome.failedStep() < test.steps().size()
            ? Steps.describe(test.steps().get(outcome.failedStep()))
            : null;
    String ref = screenshotRef(test);
    return new TestFailure(
        outcome.failedStep(), step, outcome.error(), artifacts.exists(ref) ? ref : null);
  }

  private String screenshotRef(GeneratedTest test) {
    return ArtifactPaths.runDir(workflowId)
        + "/failures/"
        + test.testId().replaceAll("[^A-Za-z0-9_.-]", "_")
        + ".png";
  }

  private void screenshot(Page page, GeneratedTest test) {
    try {
      artifacts.write(screenshotRef(test), page.screenshot());
    } catch (RuntimeException e) {
      log.warn("event=screenshot_failed workflow_id={} test_id={}", workflowId, test.testId());
    }
  }

  /** Carries a repair proposal out of the failing run, where the page was still open. */
  private static final class ProposalHolder {
    Optional<StepRepairer.Proposal> proposal = Optional.empty();

    void clear() {
      proposal = Optional.empty();
    }

    TestExecutor.FailureInspector inspector(StepRepairer repairer, GeneratedTest test) {
      return (page, index, unique) -> proposal = repairer.propose(test, index, page, unique);
    }
  }
}
