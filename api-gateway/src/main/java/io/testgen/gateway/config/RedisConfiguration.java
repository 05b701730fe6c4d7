package io.testgen.gateway.config;

import java.net.URI;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.Connection;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisClient;

/**
 * The gateway's Redis: one bounded pool for commands, and a factory of single connections for the
 * stream reader. Nothing connects at start-up, so the gateway starts while Redis is down.
 */
@Configuration(proxyBeanMethods = false)
class RedisConfiguration {

  @Bean(destroyMethod = "close")
  RedisClient redisClient(RedisProperties properties) {
    ConnectionPoolConfig pool = new ConnectionPoolConfig();
    pool.setMaxTotal(properties.poolMaxTotal());
    pool.setMaxIdle(properties.poolMaxTotal());
    pool.setMinIdle(0);
    pool.setMaxWait(properties.timeout());
    // A PING before each use: after a Redis restart every idle connection is dead, and without
    // the check the first requests failed on them (a stream then replayed a rebuilt history
    // instead of the stored one).
    pool.setTestOnBorrow(true);
    return RedisClient.builder().fromURI(properties.url()).poolConfig(poolConfigOf(pool)).build();
  }

  @SuppressWarnings("unchecked")
  private static org.apache.commons.pool2.impl.GenericObjectPoolConfig<Connection> poolConfigOf(
      ConnectionPoolConfig pool) {
    return pool;
  }

  @Bean
  RedisConnectionFactory redisConnectionFactory(RedisProperties properties) {
    return readTimeout ->
        new Jedis(
            URI.create(properties.url()),
            (int) properties.timeout().toMillis(),
            (int) readTimeout.toMillis());
  }
}
