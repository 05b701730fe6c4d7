package io.testgen.gateway.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import redis.clients.jedis.RedisClient;

/**
 * Per-owner reservations of run slots in Redis ({@code testgen:owner:{owner}:reservations}, a
 * sorted set: member = workflow id, score = expiry in ms of Redis' clock). A start reserves before
 * it calls Temporal; the check and the add are one Lua script, so two starts at the same instant
 * cannot both take the last slot. A reservation stops counting as soon as the run index shows its
 * run, and expires after {@link #TTL} in any case (a gateway that died mid-start frees it).
 */
@Component
class RunReservations {
  /** Far longer than visibility's lag (sub-second), short enough to free a crashed start. */
  static final Duration TTL = Duration.ofSeconds(30);

  // KEYS[1] reservations; ARGV: limit, active runs, ttl ms, workflow id, seen ids...
  // Redis' own clock, so gateways with skewed clocks agree on expiry.
  private static final String RESERVE =
      """
      local t = redis.call('TIME')
      local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
      redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
      local limit = tonumber(ARGV[1])
      local active = tonumber(ARGV[2])
      local ttl = tonumber(ARGV[3])
      local id = ARGV[4]
      if redis.call('ZSCORE', KEYS[1], id) then
        return {1, active}
      end
      local seen = {}
      for i = 5, #ARGV do seen[ARGV[i]] = true end
      local pending = 0
      for _, member in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
        if not seen[member] then pending = pending + 1 end
      end
      if active + pending >= limit then
        return {0, active + pending}
      end
      redis.call('ZADD', KEYS[1], now + ttl, id)
      redis.call('PEXPIRE', KEYS[1], ttl)
      return {1, active + pending + 1}
      """;

  private final RedisClient redis;

  RunReservations(RedisClient redis) {
    this.redis = redis;
  }

  static String key(String owner) {
    return "testgen:owner:" + owner + ":reservations";
  }

  /** Workflow ids reserved by {@code owner} (expired ones may be among them; harmless). */
  List<String> reserved(String owner) {
    return redis.zrange(key(owner), 0, -1);
  }

  /**
   * Reserves a slot for {@code workflowId} if {@code active} plus the reservations not in {@code
   * seen} stay below {@code limit}. Reserving an id that is already reserved succeeds (a concurrent
   * start with the same Idempotency-Key becomes the same run).
   *
   * @return whether the slot was reserved, and the count it was decided on
   */
  Decision reserve(String owner, String workflowId, int limit, long active, Set<String> seen) {
    List<String> args = new ArrayList<>();
    args.add(String.valueOf(limit));
    args.add(String.valueOf(active));
    args.add(String.valueOf(TTL.toMillis()));
    args.add(workflowId);
    args.addAll(seen);
    List<?> reply = (List<?>) redis.eval(RESERVE, List.of(key(owner)), args);
    return new Decision(((Long) reply.get(0)) == 1L, (Long) reply.get(1));
  }

  /** Frees the slot of a start that did not happen. */
  void release(String owner, String workflowId) {
    redis.zrem(key(owner), workflowId);
  }

  /**
   * @param reserved whether the start may go ahead
   * @param count active runs plus pending reservations the decision saw
   */
  record Decision(boolean reserved, long count) {}
}
