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
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures a verified suite's oracle strength: runs the suite once on the unmutated app (which
 * states each test reaches, which tests pass), then injects one fault at a time and runs only the
 * passing tests that reach the fault's state, in parallel browser contexts of the pool, until the
 * time budget is spent. A fault is killed when some test fails while it is applied.
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

  private final BrowserPool pool;
  private final TestRun run;
  private final String origin;
  private final int parallel;

  /**
   * @param origin the run's origin (scheme://host:port): the only URLs a fault takes over
   * @param parallel how many tests run at once
   */
  public MutationAnalysis(BrowserPool pool, TestRun run, String origin, int parallel) {
    this.pool = pool;
    this.run = run;
    this.origin = origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin;
    this.parallel = Math.max(1, parallel);
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
        parallel(
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
        parallel(
            faults,
            f -> {
              MutationReport.Mutant m = inject(f, suite, byTest);
              if ("killed".equals(m.status())) killedSoFar.incrementAndGet();
              return m;
            },
            () -> System.nanoTime() < deadline,
            done -> ticker.tick("faults", done, faults.size(), killedSoFar.get()));

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
            (System.nanoTime() - start) / 1_000_000);
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
    for (GeneratedTest test : passing) {
      AtomicBoolean[] flag = {new AtomicBoolean()};
      boolean passed =
          run.passes(test, page -> flag[0] = FaultInjector.install(page, fault, origin));
      if (flag[0].get()) {
        applied = true;
        if (!passed) killers.add(test.testId());
      }
    }
    String status = !killers.isEmpty() ? "killed" : applied ? "survived" : "discarded";
    MutationReport.Mutant m =
        mutant(fault, status, applied ? null : "not_applied", killers, passing.size());
    log.info(
        "event=mutant fault_id={} status={} killed_by={} tests_run={}",
        fault.faultId(),
        status,
        killers,
        passing.size());
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

  /**
   * Work for each item on worker threads, started while {@code mayStart}; null where not started.
   */
  private <T, R> List<R> parallel(
      List<T> items,
      Function<T, R> work,
      java.util.function.BooleanSupplier mayStart,
      java.util.function.IntConsumer tick) {
    AtomicReferenceArray<R> results = new AtomicReferenceArray<>(items.size());
    ConcurrentLinkedQueue<Integer> queue = new ConcurrentLinkedQueue<>();
    for (int i = 0; i < items.size(); i++) queue.add(i);
    AtomicInteger done = new AtomicInteger();
    AtomicBoolean stopped = new AtomicBoolean();
    int threads = Math.max(1, Math.min(parallel, items.size()));
    CountDownLatch finished = new CountDownLatch(threads);
    for (int t = 0; t < threads; t++) {
      Thread worker =
          new Thread(
              () -> {
                try {
                  Integer next;
                  while (!stopped.get()
                      && mayStart.getAsBoolean()
                      && (next = queue.poll()) != null) {
                    try {
                      results.set(next, work.apply(items.get(next)));
                    } catch (RuntimeException e) {
                      // Left null: counted as not tried, like a fault the budget cut off.
                      log.warn("event=mutation_item_failed error={}", e.toString());
                    }
                    done.incrementAndGet();
                  }
                } finally {
                  pool.releaseThread();
                  finished.countDown();
                }
              },
              "mutation-" + t);
      worker.setDaemon(true);
      worker.start();
    }
    try {
      while (!finished.await(1, TimeUnit.SECONDS)) tick.accept(done.get());
      tick.accept(done.get());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopped.set(true);
      throw new IllegalStateException("interrupted during mutation analysis", e);
    } catch (RuntimeException | Error e) {
      stopped.set(true);
      try {
        finished.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
      }
      throw e;
    }
    List<R> out = new ArrayList<>();
    for (int i = 0; i < results.length(); i++) out.add(results.get(i));
    return out;
  }
}
