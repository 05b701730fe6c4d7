package io.testgen.gateway.security;

import io.testgen.gateway.config.LimitsProperties;
import io.testgen.gateway.errors.QuotaExceededException;
import io.testgen.gateway.errors.UnavailableException;
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
 * the quota fails closed: no start is admitted (503 QUOTA_UNAVAILABLE with Retry-After), since the
 * index alone would let parallel starts past the cap. Runs already started are not affected.
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
      throw unavailable(owner, e);
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
      throw unavailable(owner, e);
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

  private static UnavailableException unavailable(String owner, JedisException cause) {
    log.warn(
        "event=quota_unavailable owner={} reason=redis_unavailable error={}",
        owner,
        cause.getClass().getSimpleName());
    return new UnavailableException(
        "QUOTA_UNAVAILABLE",
        "runs cannot be started while the quota store is unavailable; try again shortly");
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
