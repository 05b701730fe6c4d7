package io.testgen.worker.evolution;

import com.microsoft.playwright.Page;
import io.testgen.common.agents.evolution.GeneratedTest;
import io.testgen.common.agents.evolution.MutationReport;
import io.testgen.common.agents.evolution.TestStep;
import io.testgen.worker.mutation.MutationAnalysis;
import io.testgen.worker.mutation.SurvivedFault;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Strengthens a measured suite against the faults it let survive. For each such fault, in the
 * report's order and while the budget lasts, it takes a test that reaches the fault's state, runs
 * it once on the real app to read the page at the last point where the test is on that state (after
 * a POST fault's submit: at its end), inserts there the assertion that would have caught the fault
 * ({@link CatchingAssertions}), and keeps the strengthened test only when it passes all its
 * verification runs on the real app and then fails under the fault. A fault that an earlier
 * strengthened test already catches needs no assertion of its own.
 *
 * <p>Runs on the calling thread, one run at a time; the caller releases the thread's pool
 * connection.
 */
final class SuiteStrengthener {
  private static final Logger log = LoggerFactory.getLogger(SuiteStrengthener.class);

  /** Tests tried per fault, and assertions tried per test. */
  private static final int TESTS_PER_FAULT = 2;

  private static final int ASSERTIONS_PER_TEST = 2;

  /** Called between faults; may throw to cancel. */
  interface Ticker {
    void tick(int done, int total, int strengthened);
  }

  /**
   * @param suite the suite with its strengthened tests in place
   * @param killedNow fault id to the id of the test that kills it now
   */
  record Outcome(
      List<GeneratedTest> suite,
      List<MutationReport.Strengthened> strengthened,
      Map<String, String> killedNow) {}

  private record Placement(int index, List<TestStep> assertions) {}

  private final TestExecutor executor;
  private final MutationAnalysis analysis;
  private final int verifyRuns;

  /**
   * @param analysis the analysis that measured the suite (its faults are injected again)
   * @param verifyRuns runs on the real app a strengthened test must pass, all of them
   */
  SuiteStrengthener(TestExecutor executor, MutationAnalysis analysis, int verifyRuns) {
    this.executor = executor;
    this.analysis = analysis;
    this.verifyRuns = Math.max(1, verifyRuns);
  }

  Outcome strengthen(
      List<GeneratedTest> suite, MutationReport report, long deadlineNanos, Ticker ticker) {
    Map<String, GeneratedTest> current = new LinkedHashMap<>();
    suite.forEach(t -> current.put(t.testId(), t));
    List<SurvivedFault> survivors = analysis.survivors(report);
    List<MutationReport.Strengthened> added = new ArrayList<>();
    Map<String, String> killedNow = new LinkedHashMap<>();
    Set<String> changed = new LinkedHashSet<>();
    for (int i = 0; i < survivors.size() && System.nanoTime() < deadlineNanos; i++) {
      ticker.tick(i, survivors.size(), added.size());
      SurvivedFault fault = survivors.get(i);
      String killer = alreadyCaught(fault, current, changed);
      if (killer == null) {
        MutationReport.Strengthened s = strengthenOne(fault, current, deadlineNanos);
        if (s != null) {
          added.add(s);
          changed.add(s.testId());
          killer = s.testId();
        }
      }
      if (killer != null) killedNow.put(fault.faultId(), killer);
    }
    ticker.tick(survivors.size(), survivors.size(), added.size());
    return new Outcome(List.copyOf(current.values()), added, killedNow);
  }

  /** A test strengthened for an earlier fault that fails under this one too, or null. */
  private String alreadyCaught(
      SurvivedFault fault, Map<String, GeneratedTest> current, Set<String> changed) {
    for (String id : fault.reachedBy())
      if (changed.contains(id) && analysis.kills(fault.faultId(), current.get(id))) return id;
    return null;
  }

  private MutationReport.Strengthened strengthenOne(
      SurvivedFault fault, Map<String, GeneratedTest> current, long deadlineNanos) {
    for (String id : fault.reachedBy().stream().limit(TESTS_PER_FAULT).toList()) {
      if (System.nanoTime() >= deadlineNanos) return null;
      GeneratedTest test = current.get(id);
      if (test == null) continue;
      Placement place = place(test, fault);
      if (place == null) continue;
      for (TestStep assertion : place.assertions().stream().limit(ASSERTIONS_PER_TEST).toList()) {
        if (System.nanoTime() >= deadlineNanos) return null;
        List<TestStep> steps = new ArrayList<>(test.steps());
        steps.add(place.index(), assertion);
        GeneratedTest candidate =
            SuiteVerifier.with(
                test,
                steps,
                test.status(),
                test.runs(),
                test.passes(),
                test.durationMillis(),
                test.repairs(),
                test.failure());
        int passes = passes(candidate);
        boolean kept = passes == verifyRuns && analysis.kills(fault.faultId(), candidate);
        log.info(
            "event=strengthen fault_id={} test_id={} step={} assertion=\"{}\" passes={}/{} kept={}",
            fault.faultId(),
            id,
            place.index(),
            Steps.describe(assertion),
            passes,
            verifyRuns,
            kept);
        if (!kept) continue;
        current.put(
            id,
            SuiteVerifier.with(
                candidate,
                steps,
                test.status(),
                test.runs() + passes,
                test.passes() + passes,
                test.durationMillis(),
                test.repairs(),
                test.failure()));
        return new MutationReport.Strengthened(
            id, fault.faultId(), TypeScriptSuiteRenderer.statement(assertion), place.index());
      }
    }
    return null;
  }

  /**
   * Runs the test once and reads the page before each step and at its end: the last point on the
   * fault's state (for a POST fault: the end) where some catching assertion holds.
   */
  private Placement place(GeneratedTest test, SurvivedFault fault) {
    Placement[] last = {null};
    String[] unique = {null};
    int end = test.steps().size();
    RunOutcome outcome =
        executor.run(
            test,
            null,
            null,
            new TestExecutor.RunWatcher() {
              @Override
              public void opened(Page page, String u) {
                unique[0] = u;
              }

              @Override
              public void beforeStep(Page page, int index) {
                if (index > 0 && !fault.post()) look(page, index);
              }

              @Override
              public void passed(Page page) {
                look(page, end);
              }

              private void look(Page page, int index) {
                try {
                  if (!fault.post() && !fault.concerns(page.url())) return;
                  List<TestStep> found = CatchingAssertions.at(page, fault, unique[0]);
                  if (!found.isEmpty()) last[0] = new Placement(index, found);
                } catch (RuntimeException e) {
                  // the page was between two documents: this point offers nothing
                }
              }
            });
    return outcome.passed() ? last[0] : null;
  }

  /** Verification runs on the real app, stopping at the first failure. */
  private int passes(GeneratedTest test) {
    int passes = 0;
    for (int i = 0; i < verifyRuns; i++) {
      if (!executor.run(test, null, null).passed()) break;
      passes++;
    }
    return passes;
  }

  /** The report after strengthening: the faults killed now counted as killed, score recomputed. */
  static MutationReport after(MutationReport before, Outcome outcome, long durationMillis) {
    List<MutationReport.Mutant> faults = new ArrayList<>();
    Map<String, List<String>> matrix = new LinkedHashMap<>();
    before.killMatrix().forEach((test, killed) -> matrix.put(test, new ArrayList<>(killed)));
    int killed = before.killed();
    for (MutationReport.Mutant m : before.faults()) {
      String killer = outcome.killedNow().get(m.faultId());
      if (killer == null) {
        faults.add(m);
        continue;
      }
      killed++;
      matrix.computeIfAbsent(killer, k -> new ArrayList<>()).add(m.faultId());
      faults.add(
          new MutationReport.Mutant(
              m.faultId(),
              m.operator(),
              m.stateId(),
              m.description(),
              "killed",
              null,
              List.of(killer),
              m.testsRun()));
    }
    matrix.replaceAll((test, killedBy) -> List.copyOf(killedBy));
    int countable = before.injected() - before.discarded();
    return new MutationReport(
        before.operators(),
        before.injected(),
        killed,
        before.survived() - outcome.killedNow().size(),
        before.discarded(),
        before.untried(),
        countable == 0 ? null : (double) killed / countable,
        matrix,
        faults,
        durationMillis,
        before.score(),
        outcome.strengthened());
  }
}
