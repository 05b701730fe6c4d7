package io.testgen.gateway.runs;

import io.testgen.common.workflow.RunState;
import io.testgen.gateway.security.ActiveRunCounter;
import java.time.Instant;

/**
 * Lists a user's runs and counts the active ones. {@code visibility} (default) asks Temporal's
 * visibility store; {@code redis} keeps a sorted set per owner, for servers without visibility
 * (Temporal's Java test server). Chosen by {@code TESTGEN_RUN_INDEX}.
 */
public interface RunIndex extends ActiveRunCounter {
  /** Called after a run started (the redis index records it; visibility needs nothing). */
  void recordStart(String owner, String workflowId, Instant startedAt);

  /**
   * A page of {@code owner}'s runs, newest first.
   *
   * @param status only runs in this state, or null for all
   * @param pageToken from the previous page, or null for the first
   */
  RunPage list(String owner, RunState status, int pageSize, String pageToken);
}
