package io.testgen.gateway.runs;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.testgen.common.workflow.RunState;
import io.testgen.common.workflow.TestGenerationWorkflow;
import io.testgen.gateway.errors.InvalidRequestException;
import io.testgen.gateway.security.ActiveRuns;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import redis.clients.jedis.RedisClient;

/**
 * Runs listed from a Redis sorted set per owner ({@code testgen:owner:{owner}:runs}, score = start
 * time), for Temporal servers without visibility. State comes from describing each listed run, so a
 * page costs one describe per row, and filtered pages may hold fewer rows than asked. Active runs
 * are counted over the owner's newest {@value #ACTIVE_SCAN} runs.
 */
@Component
@ConditionalOnProperty(name = "testgen.runs.index", havingValue = "redis")
class RedisRunIndex implements RunIndex {
  static final int ACTIVE_SCAN = 200;

  private final RedisClient redis;
  private final WorkflowClient client;

  RedisRunIndex(RedisClient redis, WorkflowClient client) {
    this.redis = redis;
    this.client = client;
  }

  static String key(String owner) {
    return "testgen:owner:" + owner + ":runs";
  }

  @Override
  public void recordStart(String owner, String workflowId, Instant startedAt) {
    redis.zadd(key(owner), startedAt.toEpochMilli(), workflowId);
  }

  @Override
  public ActiveRuns activeRuns(String owner, Collection<String> reserved) {
    // One read of the set: a reserved run listed here is counted by its described state.
    List<String> recent = redis.zrevrange(key(owner), 0, ACTIVE_SCAN - 1);
    long active =
        recent.stream().map(this::describe).flatMap(Optional::stream).filter(RunView::open).count();
    Set<String> seen = new HashSet<>(reserved);
    seen.retainAll(recent);
    return new ActiveRuns(active, seen);
  }

  @Override
  public RunPage list(String owner, RunState status, int pageSize, String pageToken) {
    long offset;
    try {
      offset = pageToken == null || pageToken.isBlank() ? 0 : Long.parseLong(pageToken);
      if (offset < 0) throw new NumberFormatException("negative offset");
    } catch (NumberFormatException e) {
      throw InvalidRequestException.field("next_page_token", "invalid page token");
    }
    // One row more than the page tells whether another page exists.
    List<String> ids = redis.zrevrange(key(owner), offset, offset + pageSize);
    List<RunSummary> runs = new ArrayList<>();
    for (String id : ids.subList(0, Math.min(ids.size(), pageSize))) {
      describe(id)
          .map(RunView::summary)
          .filter(run -> status == null || run.status() == status)
          .ifPresent(runs::add);
    }
    String next = ids.size() > pageSize ? String.valueOf(offset + pageSize) : null;
    return new RunPage(runs, next);
  }

  private Optional<RunView> describe(String workflowId) {
    try {
      return Optional.of(
          RunView.of(
              client
                  .newUntypedWorkflowStub(
                      workflowId, Optional.empty(), Optional.of(TestGenerationWorkflow.TYPE))
                  .describe()));
    } catch (WorkflowNotFoundException gone) {
      return Optional.empty();
    }
  }
}
