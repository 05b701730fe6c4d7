package io.testgen.gateway.security;

import io.testgen.gateway.config.LimitsProperties;
import io.testgen.gateway.errors.QuotaExceededException;
import org.springframework.stereotype.Component;

/**
 * Per-user cap on concurrent runs ({@code TESTGEN_MAX_CONCURRENT_RUNS}). Counted from the run index
 * (Temporal visibility by default), so every gateway instance sees the same count; visibility is
 * eventually consistent, so two starts within the same instant may both pass.
 */
@Component
public class RunQuota {
  private final ActiveRunCounter counter;
  private final LimitsProperties limits;

  public RunQuota(ActiveRunCounter counter, LimitsProperties limits) {
    this.counter = counter;
    this.limits = limits;
  }

  /** Throws 429 when {@code owner} already has the maximum number of active runs. */
  public void checkCanStart(String owner) {
    long active = counter.countActive(owner);
    if (active >= limits.maxConcurrentRuns()) {
      throw new QuotaExceededException(
          "you have "
              + active
              + " active runs; the limit is "
              + limits.maxConcurrentRuns()
              + ": wait for one to finish or cancel one",
          limits.retryAfter());
    }
  }
}
