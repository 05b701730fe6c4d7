package io.testgen.gateway;

import io.testgen.testkit.servers.RedisServer;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A gateway of one user with a Redis of its own, which its test may stop. Registered as a static
 * extension ({@code @RegisterExtension}); the test's {@code @DynamicPropertySource} hands the
 * settings on with {@link #register}, and the Redis is closed after the class.
 */
final class SingleUserGateway implements AfterAllCallback {
  final RedisServer redis = RedisServer.start();
  final String user;
  final String key;

  SingleUserGateway(String name) {
    this.user = TestServers.user(name);
    this.key = TestServers.key(name);
  }

  /** This gateway's settings, with Temporal at {@code temporalAddress}. */
  void register(DynamicPropertyRegistry registry, Supplier<Object> temporalAddress) {
    registry.add("testgen.temporal.address", temporalAddress);
    registry.add("testgen.temporal.task-queue", () -> TestServers.TASK_QUEUE);
    registry.add("testgen.redis.url", redis::url);
    registry.add("testgen.security.api-keys", () -> user + "=" + key);
    registry.add("testgen.security.allowed-targets", () -> "loopback");
  }

  @Override
  public void afterAll(ExtensionContext context) {
    redis.close();
  }
}
