package io.testgen.worker.evolution;

import io.testgen.common.agents.evolution.GeneratedTest;
import io.testgen.common.agents.evolution.Repair;
import io.testgen.common.agents.evolution.TestFailure;
import io.testgen.worker.artifacts.ArtifactStore;
import io.testgen.worker.browser.BrowserPool;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies tests against the live app in parallel browser contexts: spreads them over the browser
 * pool's threads (each test verified by {@link TestVerifier}, each thread's runs sharing one {@link
 * RunSession}), takes over results of an earlier attempt, ticks the caller and stops the threads on
 * cancellation.
 */
final class SuiteVerifier {
  private static final Logger log = LoggerFactory.getLogger(SuiteVerifier.class);

  /** Called on the caller's thread about once a second while tests run; may throw to cancel. */
  interface Ticker {
    void tick(int verified, int passed, int total);
  }

  private final BrowserPool pool;
  private final TestExecutor executor;
  private final TestVerifier testVerifier;
  private final String workflowId;
  private final EvolutionSettings settings;
  private final VerificationStop stop;

  SuiteVerifier(
      BrowserPool pool,
      TestExecutor executor,
      ArtifactStore artifacts,
      String workflowId,
      EvolutionSettings settings,
      VerificationStop stop) {
    this.stop = stop;
    this.pool = pool;
    this.executor = executor;
    this.testVerifier = new TestVerifier(executor, artifacts, workflowId, settings);
    this.workflowId = workflowId;
    this.settings = settings;
  }

  List<GeneratedTest> verifyAll(List<GeneratedTest> tests, int verifyRuns, Ticker ticker) {
    return verifyAll(tests, verifyRuns, ticker, Map.of(), t -> {});
  }

  /**
   * Verifies tests in parallel. {@code resumed} holds results of an earlier attempt: a test with
   * the same id and steps is taken over, not run again; {@code onVerified} sees each new result.
   */
  List<GeneratedTest> verifyAll(
      List<GeneratedTest> tests,
      int verifyRuns,
      Ticker ticker,
      Map<String, GeneratedTest> resumed,
      Consumer<GeneratedTest> onVerified) {
    AtomicReferenceArray<GeneratedTest> results = new AtomicReferenceArray<>(tests.size());
    ConcurrentLinkedQueue<Integer> queue = new ConcurrentLinkedQueue<>();
    AtomicInteger verified = new AtomicInteger();
    AtomicInteger passed = new AtomicInteger();
    for (int i = 0; i < tests.size(); i++) {
      GeneratedTest earlier = resumed.get(tests.get(i).testId());
      if (earlier != null && earlier.steps().equals(tests.get(i).steps())) {
        results.set(i, earlier);
        verified.incrementAndGet();
        if (SuiteModel.inSuite(earlier.status())) passed.incrementAndGet();
      } else {
        queue.add(i);
      }
    }
    if (queue.isEmpty()) return toList(results);
    int threads = Math.max(1, Math.min(settings.parallelContexts(), queue.size()));
    CountDownLatch done = new CountDownLatch(threads);
    for (int t = 0; t < threads; t++) {
      // the pool's threads keep their browser connection for the next activity
      pool.threads()
          .submit(
              () -> {
                RunSession session = executor.session(true);
                try {
                  Integer next;
                  while (!stop.requested() && (next = queue.poll()) != null) {
                    GeneratedTest result =
                        testVerifier.verifyOne(tests.get(next), verifyRuns, session);
                    results.set(next, result);
                    onVerified.accept(result);
                    if (SuiteModel.inSuite(result.status())) passed.incrementAndGet();
                    verified.incrementAndGet();
                  }
                } catch (VerificationStop.Stopped stopped) {
                  log.info("event=verification_stopped workflow_id={}", workflowId);
                } catch (RuntimeException | Error e) {
                  log.warn(
                      "event=verification_thread_failed workflow_id={} error={}",
                      workflowId,
                      TestExecutor.firstLine(e.getMessage()));
                  throw e;
                } finally {
                  session.close();
                  done.countDown();
                }
              });
    }
    try {
      while (!done.await(1, TimeUnit.SECONDS))
        ticker.tick(verified.get(), passed.get(), tests.size());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop(done);
      throw new IllegalStateException("interrupted while verifying", e);
    } catch (RuntimeException | Error e) {
      // Cancellation arrives through the ticker (the activity's heartbeat): close the contexts.
      stop(done);
      throw e;
    }
    ticker.tick(verified.get(), passed.get(), tests.size());
    return toList(results);
  }

  private static List<GeneratedTest> toList(AtomicReferenceArray<GeneratedTest> results) {
    List<GeneratedTest> out = new ArrayList<>();
    for (int i = 0; i < results.length(); i++) out.add(results.get(i));
    return out;
  }

  private void stop(CountDownLatch done) {
    stop.request();
    try {
      // Each thread ends within one step's timeout and closes its context on the way out.
      done.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static GeneratedTest with(
      GeneratedTest t,
      List<io.testgen.common.agents.evolution.TestStep> steps,
      String status,
      int runs,
      int passes,
      long millis,
      List<Repair> repairs,
      TestFailure failure) {
    return new GeneratedTest(
        t.testId(),
        t.scenarioId(),
        t.title(),
        t.priority(),
        List.copyOf(steps),
        status,
        runs,
        passes,
        millis,
        List.copyOf(repairs),
        failure);
  }
}
