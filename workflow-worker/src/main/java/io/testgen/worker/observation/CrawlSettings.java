package io.testgen.worker.observation;

import io.testgen.worker.config.EnvironmentVariables;
import java.time.Duration;
import java.util.function.Consumer;

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
    return d.with(
        s -> {
          s.parallelism = env.integer("TESTGEN_CRAWL_PARALLELISM", d.parallelism(), 1, 32);
          s.pageTimeout =
              env.seconds("TESTGEN_CRAWL_PAGE_TIMEOUT_SECONDS", d.pageTimeout(), 1, 600);
          s.runBudget = env.seconds("TESTGEN_CRAWL_RUN_BUDGET_SECONDS", d.runBudget(), 1, 86_400);
        });
  }

  /**
   * These settings with some changed, e.g. {@code defaults().with(s -> s.screenshots = false)}.
   * Parallelism stays at least 1.
   */
  public CrawlSettings with(Consumer<Changes> change) {
    Changes c = new Changes(this);
    change.accept(c);
    return new CrawlSettings(
        Math.max(1, c.parallelism),
        c.pageTimeout,
        stateBudget,
        c.runBudget,
        maxInstancesPerTemplate,
        maxElementsPerState,
        maxActionsPerState,
        maxFormsPerState,
        c.maxUrlsPerPattern,
        maxDocumentBytes,
        maxNodes,
        quietMillis,
        c.screenshots,
        c.tickInterval);
  }

  /** The settings {@link #with} may change (what configuration and tests vary). */
  public static final class Changes {
    public int parallelism;
    public Duration pageTimeout;
    public Duration runBudget;
    public int maxUrlsPerPattern;
    public boolean screenshots;
    public Duration tickInterval;

    private Changes(CrawlSettings from) {
      parallelism = from.parallelism;
      pageTimeout = from.pageTimeout;
      runBudget = from.runBudget;
      maxUrlsPerPattern = from.maxUrlsPerPattern;
      screenshots = from.screenshots;
      tickInterval = from.tickInterval;
    }
  }
}
