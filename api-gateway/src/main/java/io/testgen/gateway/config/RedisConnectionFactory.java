package io.testgen.gateway.config;

import java.time.Duration;
import redis.clients.jedis.Jedis;

/** Opens one dedicated Redis connection (for a blocking reader) with the given read timeout. */
@FunctionalInterface
public interface RedisConnectionFactory {
  Jedis open(Duration readTimeout);
}
