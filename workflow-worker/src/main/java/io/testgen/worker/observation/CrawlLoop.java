package io.testgen.worker.observation;

import io.testgen.common.agents.observation.CrawlStats;
import io.testgen.common.agents.observation.Finding;
import io.testgen.common.agents.observation.ObservationResult;
import io.testgen.common.security.TargetPolicy;
import io.testgen.worker.artifacts.ArtifactStore;
import io.testgen.worker.browser.BrowserPool;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One crawl's loop: several {@link CrawlThread}s, each with its own browser context, take tasks
 * from the shared frontier; per task the page is loaded (or its in-page state replayed), recorded,
 * its links queued, and, for a new state, its actions and forms explored. Whatever one page or
 * action does ends as a finding; the calling thread sends ticks (progress, checkpoints) until the
 * frontier is exhausted or a budget is spent.
 */
final class CrawlLoop {
  private static final Logger log = LoggerFactory.getLogger(CrawlLoop.class);

  private final CrawlContext ctx;
  private final BrowserPool pool;
  private final TargetPolicy policy;
  private final Replayer replayer;
  private final LoginSession login;
  private final TaskVisitor visitor;
  private final long startNanos = System.nanoTime();
  private final long priorMillis;
  private final int resumedStates;

  CrawlLoop(
      CrawlContext ctx,
      BrowserPool pool,
      ArtifactStore artifacts,
      TargetPolicy policy,
      CrawlCheckpoint resume) {
    this.ctx = ctx;
    this.pool = pool;
    this.policy = policy;
    this.replayer = new Replayer(ctx);
    StateRecorder recorder = new StateRecorder(ctx, artifacts);
    this.login = new LoginSession(ctx, recorder);
    this.visitor =
        new TaskVisitor(
            ctx,
            replayer,
            recorder,
            login,
            new ActionExplorer(ctx, recorder, replayer),
            new FormExplorer(ctx, recorder, replayer, login));
    if (resume != null) {
      ctx.model().restore(resume);
      priorMillis = resume.elapsedMillis();
      resumedStates = resume.states().size();
    } else {
      priorMillis = 0;
      resumedStates = 0;
      ctx.model().offerUrl(UrlScope.normalise(ctx.request().url()), 0, null, null, 0);
    }
  }

  ObservationResult execute(CrawlObserver observer) {
    int threads = Math.max(1, Math.min(ctx.settings().parallelism(), pool.parallelism()));
    ExecutorService executor =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "crawl-" + ctx.workflowId());
              t.setDaemon(true);
              return t;
            });
    List<Future<?>> workers = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      workers.add(
          executor.submit(new CrawlThread(ctx, pool, policy, login, replayer, visitor, i == 0)));
    }
    executor.shutdown();
    try {
      while (!executor.awaitTermination(
          ctx.settings().tickInterval().toMillis(), TimeUnit.MILLISECONDS)) {
        if (elapsedMillis() > ctx.settings().runBudget().toMillis()) {
          ctx.model()
              .addFinding(
                  new Finding(
                      "timeout",
                      ctx.request().url(),
                      null,
                      "run budget spent; returning what was found"));
          ctx.model().stop();
        }
        if (elapsedMillis() > hardStopMillis()) {
          // a thread stuck in the browser (a driver that stopped answering) must not hold the
          // run: give up on it, close what can be closed, and return what was found
          log.warn("event=crawl_threads_abandoned workflow_id={}", ctx.workflowId());
          ctx.finding(
              "page_failed", ctx.model().currentUrl(), null, "a browser call never returned");
          cancel(executor);
          break;
        }
        observer.onTick(fraction(), progressData(), this::checkpoint);
      }
      if (!ctx.stopping()) for (Future<?> w : workers) w.get();
    } catch (InterruptedException e) {
      cancel(executor);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("crawl interrupted", e);
    } catch (RuntimeException | Error e) {
      cancel(executor);
      throw e;
    } catch (ExecutionException e) {
      throw new IllegalStateException("crawl thread failed: " + e.getCause(), e.getCause());
    }
    observer.onTick(fraction(), progressData(), this::checkpoint);
    ObservationResult result =
        CrawlResults.of(ctx, login.loggedIn(), elapsedMillis(), resumedStates);
    if (result.states().isEmpty()) throw new TargetUnusableException(unusable(result.stats()));
    return result;
  }

  private String unusable(CrawlStats stats) {
    String first =
        ctx.model().findings().stream()
            .findFirst()
            .map(f -> f.kind() + (f.httpStatus() == null ? "" : " " + f.httpStatus()))
            .orElse("no page could be read");
    return "no page of "
        + ctx.request().url()
        + " showed a state ("
        + stats.pagesVisited()
        + " pages tried; first finding: "
        + first
        + ")";
  }

  /** Stops the crawl threads and waits (bounded) until their contexts are closed. */
  private void cancel(ExecutorService executor) {
    ctx.stop().set(true);
    ctx.model().stop();
    executor.shutdownNow();
    try {
      if (!executor.awaitTermination(4, TimeUnit.SECONDS))
        log.warn("event=crawl_cancel_slow workflow_id={}", ctx.workflowId());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    log.info("event=crawl_cancelled workflow_id={}", ctx.workflowId());
  }

  /** Run budget, then time for the threads to finish their current page. */
  private long hardStopMillis() {
    return ctx.settings().runBudget().toMillis()
        + 3 * ctx.settings().pageTimeout().toMillis()
        + ctx.settings().stateBudget().toMillis();
  }

  private long elapsedMillis() {
    return priorMillis + (System.nanoTime() - startNanos) / 1_000_000;
  }

  private double fraction() {
    return Math.min(
        1.0, ctx.model().pagesVisited() / (double) Math.max(1, ctx.request().maxPages()));
  }

  private Map<String, Object> progressData() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("pages", ctx.model().pagesVisited());
    data.put("states", ctx.model().stateCount());
    data.put("forms", ctx.model().formCount());
    String current = ctx.model().currentUrl();
    data.put("current_url", current == null ? ctx.request().url() : current);
    return ctx.redactor().redactData(data);
  }

  private CrawlCheckpoint checkpoint() {
    return ctx.redactor().redact(ctx.model().checkpoint(elapsedMillis()), CrawlCheckpoint.class);
  }
}
