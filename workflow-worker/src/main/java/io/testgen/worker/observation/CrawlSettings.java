package io.testgen.worker.observation;

import io.testgen.worker.config.EnvironmentVariables;
import java.time.Duration;

/**
 * Bounds and knobs of a crawl.
 *
 * @param parallelism crawl threads, each with its own browser context (capped by the pool)
 * @param pageTimeout per navigation or document fetch
 * @param stateBudget time spent probing the actions and forms of one state
 * @param runBudget time for the whole crawl; what was found by then is returned
 * @param maxInstancesPerTemplate instance URLs kept per state
 * @param maxElementsPerState elements kept per state in the result
 * @param maxActionsPerState clickables and Enter-inputs tried per state
 * @param maxFormsPerState forms analysed and submitted per state
 * @param maxUrlsPerPattern URLs visited per URL pattern before it counts as a trap
 * @param maxDocumentBytes larger documents are refused as too_large
 * @param maxNodes DOM elements a snapshot looks at (huge pages)
 * @param quietMillis DOM quiet time that counts as settled
 * @param screenshots whether to store a screenshot per state
 * @param tickInterval how often progress and heartbeats are sent
 */
public record CrawlSettings(
    int parallelism,
    Duration pageTimeout,
    Duration stateBudget,
    Duration runBudget,
    int maxInstancesPerTemplate,
    int maxElementsPerState,
    int maxActionsPerState,
    int maxFormsPerState,
    int maxUrlsPerPattern,
    long maxDocumentBytes,
    int maxNodes,
    int quietMillis,
    boolean screenshots,
    Duration tickInterval) {

  public static CrawlSettings defaults() {
    return new CrawlSettings(
        2,
        Duration.ofSeconds(10),
        Duration.ofSeconds(30),
        Duration.ofMinutes(10),
        3,
        60,
        12,
        5,
        5,
        5_000_000,
        6000,
        60,
        true,
        Duration.ofSeconds(1));
  }

  /**
   * Defaults overridden by {@code TESTGEN_CRAWL_PARALLELISM}, {@code
   * TESTGEN_CRAWL_PAGE_TIMEOUT_SECONDS}, {@code TESTGEN_CRAWL_RUN_BUDGET_SECONDS}.
   */
  public static CrawlSettings fromEnvironment(EnvironmentVariables env) {
    CrawlSettings d = defaults();
    return d.withParallelism(env.integer("TESTGEN_CRAWL_PARALLELISM", d.parallelism(), 1, 32))
        .withPageTimeout(env.seconds("TESTGEN_CRAWL_PAGE_TIMEOUT_SECONDS", d.pageTimeout(), 1, 600))
        .withRunBudget(env.seconds("TESTGEN_CRAWL_RUN_BUDGET_SECONDS", d.runBudget(), 1, 86_400));
  }

  public CrawlSettings withParallelism(int n) {
    return new CrawlSettings(
        Math.max(1, n),
        pageTimeout,
        stateBudget,
        runBudget,
        maxInstancesPerTemplate,
        maxElementsPerState,
        maxActionsPerState,
        maxFormsPerState,
        maxUrlsPerPattern,
        maxDocumentBytes,
        maxNodes,
        quietMillis,
        screenshots,
        tickInterval);
  }

  public CrawlSettings withPageTimeout(Duration d) {
    return new CrawlSettings(
        parallelism,
        d,
        stateBudget,
        runBudget,
        maxInstancesPerTemplate,
        maxElementsPerState,
        maxActionsPerState,
        maxFormsPerState,
        maxUrlsPerPattern,
        maxDocumentBytes,
        maxNodes,
        quietMillis,
        screenshots,
        tickInterval);
  }

  public CrawlSettings withRunBudget(Duration d) {
    return new CrawlSettings(
        parallelism,
        pageTimeout,
        stateBudget,
        d,
        maxInstancesPerTemplate,
        maxElementsPerState,
        maxActionsPerState,
        maxFormsPerState,
        maxUrlsPerPattern,
        maxDocumentBytes,
        maxNodes,
        quietMillis,
        screenshots,
        tickInterval);
  }

  public CrawlSettings withMaxDocumentBytes(long bytes) {
    return new CrawlSettings(
        parallelism,
        pageTimeout,
        stateBudget,
        runBudget,
        maxInstancesPerTemplate,
        maxElementsPerState,
        maxActionsPerState,
        maxFormsPerState,
        maxUrlsPerPattern,
        bytes,
        maxNodes,
        quietMillis,
        screenshots,
        tickInterval);
  }

  public CrawlSettings withScreenshots(boolean on) {
    return new CrawlSettings(
        parallelism,
        pageTimeout,
        stateBudget,
        runBudget,
        maxInstancesPerTemplate,
        maxElementsPerState,
        maxActionsPerState,
        maxFormsPerState,
        maxUrlsPerPattern,
        maxDocumentBytes,
        maxNodes,
        quietMillis,
        on,
        tickInterval);
  }

  public CrawlSettings withMaxUrlsPerPattern(int n) {
    return new CrawlSettings(
        parallelism,
        pageTimeout,
        stateBudget,
        runBudget,
        maxInstancesPerTemplate,
        maxElementsPerState,
        maxActionsPerState,
        maxFormsPerState,
        n,
        maxDocumentBytes,
        maxNodes,
        quietMillis,
        screenshots,
        tickInterval);
  }
}
