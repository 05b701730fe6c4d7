package io.testgen.gateway.security;

import io.testgen.gateway.config.LimitsProperties;
import io.testgen.gateway.errors.QuotaExceededException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Per-user cap on concurrent runs ({@code TESTGEN_MAX_CONCURRENT_RUNS}), shared by every gateway
 * instance. The count is the run index's active runs (Temporal visibility by default, eventually
 * consistent) plus the owner's {@link RunReservations reservations} of starts the index does not
 * show yet; reserving is atomic in Redis, so parallel starts cannot exceed the cap. With Redis down
 * the index's count alone decides, and two starts at the same instant may both pass.
 */
@Component
public class RunQuota {
  private static final Logger log = LoggerFactory.getLogger(RunQuota.class);

  private final ActiveRunCounter counter;
  private final RunReservations reservations;
  private final LimitsProperties limits;

  RunQuota(ActiveRunCounter counter, RunReservations reservations, LimitsProperties limits) {
    this.counter = counter;
    this.reservations = reservations;
    this.limits = limits;
  }

  /**
   * Reserves a run slot for {@code workflowId} before it is started; throws 429 when {@code owner}
   * already has the maximum number of active runs. Call {@link #release} if the start then does not
   * happen.
   */
  public void reserve(String owner, String workflowId) {
    List<String> reserved;
    try {
      reserved = reservations.reserved(owner);
    } catch (JedisException e) {
      unreservedCheck(owner, e);
      return;
    }
    // Reservations are read before the index: a run started in between is counted twice
    // (briefly over-strict), never missed.
    ActiveRuns runs = counter.activeRuns(owner, reserved);
    RunReservations.Decision decision;
    try {
      decision =
          reservations.reserve(
              owner, workflowId, limits.maxConcurrentRuns(), runs.active(), runs.seen());
    } catch (JedisException e) {
      if (runs.active() >= limits.maxConcurrentRuns()) throw exceeded(runs.active());
      logUnreserved(owner, e);
      return;
    }
    if (!decision.reserved()) throw exceeded(decision.count());
  }

  /** Frees the slot {@link #reserve} took for a start that failed or was not needed. */
  public void release(String owner, String workflowId) {
    try {
      reservations.release(owner, workflowId);
    } catch (JedisException e) {
      // It expires on its own.
      log.warn(
          "event=quota_release_failed owner={} workflow_id={} error={}",
          owner,
          workflowId,
          e.getClass().getSimpleName());
    }
  }

  private void unreservedCheck(String owner, JedisException cause) {
    long active = counter.activeRuns(owner, List.of()).active();
    if (active >= limits.maxConcurrentRuns()) throw exceeded(active);
    logUnreserved(owner, cause);
  }

  private static void logUnreserved(String owner, JedisException cause) {
    log.warn(
        "event=quota_unreserved owner={} reason=redis_unavailable error={}",
        owner,
        cause.getClass().getSimpleName());
  }

  private QuotaExceededException exceeded(long active) {
    return new QuotaExceededException(
        "you have "
            + active
            + " active or starting runs; the limit is "
            + limits.maxConcurrentRuns()
            + ": wait for one to finish or cancel one",
        limits.retryAfter());
  }
}
