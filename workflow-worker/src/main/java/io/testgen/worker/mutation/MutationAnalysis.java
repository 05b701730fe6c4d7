package io.testgen.worker.mutation;

import io.testgen.common.agents.evolution.GeneratedTest;
import io.testgen.common.agents.evolution.MutationReport;
import io.testgen.common.agents.observation.ObservationResult;
import io.testgen.worker.browser.BrowserPool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures a verified suite's oracle strength: runs the suite once on the unmutated app (which
 * states each test reaches, which tests pass), then injects one fault at a time and runs only the
 * passing tests that reach the fault's state, in parallel browser contexts of the pool, until the
 * time budget is spent. A fault is killed when some test fails while it is applied; its tests stop
 * at the first that fails.
 *
 * <p>Threads: {@link #measure} is called on one thread and blocks; tests run on worker threads it
 * starts (each releases its pool connection when it ends); the {@link Ticker} is called on the
 * calling thread about once a second and may throw to cancel, which stops the workers.
 */
public final class MutationAnalysis {
  private static final Logger log = LoggerFactory.getLogger(MutationAnalysis.class);

  /** Faults chosen at most, whatever the budget. */
  public static final int MAX_FAULTS = 80;

  /** Progress seen on the calling thread; may throw to cancel. */
  public interface Ticker {
    void tick(String phase, int done, int total, int killed);

    Ticker NONE = (phase, done, total, killed) -> {};
  }

  private record Unmutated(boolean passed, Set<String> visited) {}

  private final TestRun run;
  private final String origin;
  private final ParallelWork work;

  /** The last measurement's faults by id and unmutated runs by test id, for {@link #kills}. */
  private volatile Map<String, Fault> measured = Map.of();

  private volatile Map<String, Unmutated> lastUnmutated = Map.of();

  /**
   * @param origin the run's origin (scheme://host:port): the only URLs a fault takes over
   * @param parallel how many tests run at once
   */
  public MutationAnalysis(BrowserPool pool, TestRun run, String origin, int parallel) {
    this.run = run;
    this.origin = origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin;
    this.work = new ParallelWork(pool, parallel);
  }

  /** Faults derived from the observation, then measured within {@code budget}. */
  public MutationReport measure(
      ObservationResult observation, List<GeneratedTest> suite, Duration budget, Ticker ticker) {
    return measure(FaultCatalog.choose(observation, MAX_FAULTS), suite, budget, ticker);
  }

  MutationReport measure(
      List<Fault> faults, List<GeneratedTest> suite, Duration budget, Ticker ticker) {
    long start = System.nanoTime();
    long deadline = start + budget.toNanos();
    AtomicInteger killedSoFar = new AtomicInteger();

    // The unmutated run, once: it must pass for a kill to mean anything.
    List<Unmutated> unmutated =
        work.parallel(
            suite,
            this::unmutated,
            () -> true,
            done -> ticker.tick("unmutated", done, suite.size(), 0));
    Map<String, Unmutated> byTest = new LinkedHashMap<>();
    for (int i = 0; i < suite.size(); i++)
      byTest.put(
          suite.get(i).testId(),
          unmutated.get(i) == null ? new Unmutated(false, Set.of()) : unmutated.get(i));

    List<MutationReport.Mutant> outcomes =
        work.parallel(
            faults,
            f -> {
              MutationReport.Mutant m = inject(f, suite, byTest);
              if ("killed".equals(m.status())) killedSoFar.incrementAndGet();
              return m;
            },
            () -> System.nanoTime() < deadline,
            done -> ticker.tick("faults", done, faults.size(), killedSoFar.get()));

    Map<String, Fault> byId = new LinkedHashMap<>();
    faults.forEach(f -> byId.put(f.faultId(), f));
    measured = byId;
    lastUnmutated = byTest;
    List<MutationReport.Mutant> tried = outcomes.stream().filter(m -> m != null).toList();
    Map<String, List<String>> matrix = new LinkedHashMap<>();
    for (MutationReport.Mutant m : tried)
      for (String test : m.killedBy())
        matrix.computeIfAbsent(test, k -> new ArrayList<>()).add(m.faultId());
    int killed = count(tried, "killed");
    int discarded = count(tried, "discarded");
    int countable = tried.size() - discarded;
    MutationReport report =
        new MutationReport(
            faults.stream().map(Fault::operator).distinct().toList(),
            tried.size(),
            killed,
            count(tried, "survived"),
            discarded,
            faults.size() - tried.size(),
            countable == 0 ? null : (double) killed / countable,
            matrix,
            tried,
            (System.nanoTime() - start) / 1_000_000,
            null,
            List.of());
    log.info(
        "event=mutation_done origin={} injected={} killed={} survived={} discarded={} untried={} score={}",
        origin,
        report.injected(),
        report.killed(),
        report.survived(),
        report.discarded(),
        report.untried(),
        report.score());
    return report;
  }

  /**
   * The faults of the last measurement that some test reached and that changed its page without
   * failing it, each with the ids of the passing tests that reach it, in the report's order.
   */
  public List<SurvivedFault> survivors(MutationReport report) {
    List<SurvivedFault> out = new ArrayList<>();
    for (MutationReport.Mutant m : report.faults()) {
      Fault f = measured.get(m.faultId());
      if (f == null || !"survived".equals(m.status()) || m.reason() != null) continue;
      List<String> reaching =
          lastUnmutated.entrySet().stream()
              .filter(e -> e.getValue().passed())
              .filter(e -> !Collections.disjoint(e.getValue().visited(), f.scope()))
              .map(Map.Entry::getKey)
              .toList();
      out.add(
          new SurvivedFault(
              f.faultId(),
              f.operator(),
              f.target(),
              f.how() == Fault.How.POST,
              f.scope(),
              reaching));
    }
    return out;
  }

  /**
   * Runs {@code test} once, on the calling thread, under the last measurement's fault {@code
   * faultId}: true when it failed while the fault changed its page.
   */
  public boolean kills(String faultId, GeneratedTest test) {
    Fault fault = measured.get(faultId);
    if (fault == null) throw new IllegalArgumentException("no measured fault " + faultId);
    AtomicBoolean[] flag = {new AtomicBoolean()};
    boolean passed = run.passes(test, page -> flag[0] = FaultInjector.install(page, fault, origin));
    return flag[0].get() && !passed;
  }

  private Unmutated unmutated(GeneratedTest test) {
    Set<String> visited = ConcurrentHashMap.newKeySet();
    boolean passed =
        run.passes(
            test,
            page ->
                page.onFrameNavigated(
                    frame -> {
                      if (frame.parentFrame() == null)
                        visited.add(FaultCatalog.pathKey(frame.url()));
                    }));
    return new Unmutated(passed, Set.copyOf(visited));
  }

  private MutationReport.Mutant inject(
      Fault fault, List<GeneratedTest> suite, Map<String, Unmutated> unmutated) {
    List<GeneratedTest> reaching =
        suite.stream()
            .filter(t -> !Collections.disjoint(unmutated.get(t.testId()).visited(), fault.scope()))
            .toList();
    List<GeneratedTest> passing =
        reaching.stream().filter(t -> unmutated.get(t.testId()).passed()).toList();
    if (reaching.isEmpty()) return mutant(fault, "survived", "not_reached", List.of(), 0);
    if (passing.isEmpty()) return mutant(fault, "discarded", "unmutated_fails", List.of(), 0);
    boolean applied = false;
    List<String> killers = new ArrayList<>();
    int runs = 0;
    // One failing test is enough: the tests after it would only add to the time, not the score.
    for (GeneratedTest test : passing) {
      AtomicBoolean[] flag = {new AtomicBoolean()};
      boolean passed =
          run.passes(test, page -> flag[0] = FaultInjector.install(page, fault, origin));
      runs++;
      if (flag[0].get()) {
        applied = true;
        if (!passed) {
          killers.add(test.testId());
          break;
        }
      }
    }
    String status = !killers.isEmpty() ? "killed" : applied ? "survived" : "discarded";
    MutationReport.Mutant m = mutant(fault, status, applied ? null : "not_applied", killers, runs);
    log.info(
        "event=mutant fault_id={} status={} killed_by={} tests_run={}",
        fault.faultId(),
        status,
        killers,
        runs);
    return m;
  }

  private static MutationReport.Mutant mutant(
      Fault f, String status, String reason, List<String> killedBy, int testsRun) {
    return new MutationReport.Mutant(
        f.faultId(),
        f.operator(),
        f.stateId(),
        f.description(),
        status,
        reason,
        killedBy,
        testsRun);
  }

  private static int count(List<MutationReport.Mutant> mutants, String status) {
    return (int) mutants.stream().filter(m -> status.equals(m.status())).count();
  }
}
