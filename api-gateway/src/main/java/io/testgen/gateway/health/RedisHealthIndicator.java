package io.testgen.gateway.health;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;
import redis.clients.jedis.RedisClient;

/** Readiness: Redis (progress streams) answers PING. Runs start and report without it. */
@Component("redis")
class RedisHealthIndicator extends AbstractHealthIndicator {
  private final RedisClient redis;

  RedisHealthIndicator(RedisClient redis) {
    super("Redis is not reachable");
    this.redis = redis;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    redis.ping();
    builder.up();
  }
}
