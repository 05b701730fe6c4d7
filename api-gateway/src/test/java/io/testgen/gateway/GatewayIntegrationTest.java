package io.testgen.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the gateway's integration tests: the real gateway on a random port against the real
 * Temporal dev server (with a worker running the fake workflow) and a real Redis. All subclasses
 * share one application context.
 */
// Spring Boot tests replace metric exporters with a simple in-memory registry unless asked;
// /actuator/prometheus must be the real one (tracing stays off).
@AutoConfigureObservability(tracing = false)
@GatewayOnRandomPort
abstract class GatewayIntegrationTest {
  static final List<String> USERS =
      List.of(
          "alice",
          "bob",
          "quota",
          "racer",
          "redis-racer",
          "lister",
          "indexed",
          "outsider",
          "reviewer",
          "streamer",
          "idem",
          "reuser",
          "carol",
          "secret",
          "fuzzer",
          "viewer",
          "pager",
          "watcher");
  static final int MAX_CONCURRENT_RUNS = 3;
  static final Path ARTIFACTS = tempDir();
  static final String TARGET = "http://127.0.0.1:9/app";

  @LocalServerPort int port;

  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry registry) {
    registry.add("testgen.temporal.address", () -> TestServers.temporal().address());
    registry.add("testgen.temporal.task-queue", () -> TestServers.TASK_QUEUE);
    registry.add("testgen.temporal.payload-keys", () -> TestServers.PAYLOAD_KEYS);
    registry.add("testgen.redis.url", () -> TestServers.redis().url());
    registry.add(
        "testgen.security.api-keys",
        () ->
            USERS.stream()
                .map(u -> TestServers.user(u) + "=" + TestServers.key(u))
                .collect(Collectors.joining(",")));
    registry.add("testgen.security.allowed-targets", () -> "loopback");
    registry.add("testgen.security.stream-token-secret", () -> "test-secret-0123456789");
    registry.add("testgen.limits.max-concurrent-runs", () -> MAX_CONCURRENT_RUNS);
    registry.add("testgen.limits.max-body-bytes", () -> 65536);
    registry.add("testgen.stream.keepalive", () -> "1s");
    registry.add("testgen.stream.closed-check-after", () -> "2s");
    registry.add("testgen.stream.client-stall", () -> "2s");
    registry.add("testgen.runs.artifacts-dir", () -> ARTIFACTS.toString());
    registry.add("testgen.temporal.metrics-report-interval", () -> "1s");
  }

  Http as(String user) {
    return new Http(port, TestServers.key(user));
  }

  Http anonymous() {
    return new Http(port, null);
  }

  static String user(String name) {
    return TestServers.user(name);
  }

  /** Starts a run and returns its workflow id. */
  String start(String user, String extraJson) {
    Http.Response response =
        as(user)
            .post(
                "/api/v2/generate-tests",
                "{\"url\":\"" + TARGET + "\"" + (extraJson.isEmpty() ? "" : "," + extraJson) + "}");
    assertThat(response.status()).as(response.body()).isEqualTo(202);
    return response.json().get("workflow_id").asText();
  }

  /**
   * Starts {@code count} runs of {@code user} one after another, each awaited until completed;
   * their ids, newest first.
   */
  List<String> completedRuns(String user, int count) {
    List<String> newestFirst = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String id = start(user, "");
      awaitStatus(user, id, "completed");
      newestFirst.add(0, id);
    }
    return newestFirst;
  }

  /** Starts a run of {@code user} that the fake workflow fails; its id once it failed. */
  String failedRun(String user) {
    String id = start(user, "\"user_instruction\":\"fail\"");
    awaitStatus(user, id, "failed");
    return id;
  }

  JsonNode statusOf(String user, String workflowId) {
    Http.Response response = as(user).get("/api/v2/workflows/" + workflowId);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  /** Polls until the run's status is {@code expected}; returns the last status JSON. */
  JsonNode awaitStatus(String user, String workflowId, String expected) {
    JsonNode[] last = new JsonNode[1];
    await(
        Duration.ofSeconds(30),
        () -> {
          last[0] = statusOf(user, workflowId);
          return expected.equals(last[0].path("status").asText());
        },
        () -> "status of " + workflowId + " never became " + expected + ": " + last[0]);
    return last[0];
  }

  static void await(Duration timeout, Supplier<Boolean> condition, Supplier<String> failure) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (condition.get()) return;
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError(failure.get());
  }

  static void assertProblem(Http.Response response, int status, String code) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.code()).as(response.body()).isEqualTo(code);
    assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("testgen-gw-artifacts");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Fires the quota's number of starts plus four at once for {@code user} (who must have no active
   * runs), from threads released together: exactly the quota's number are accepted, the rest
   * refused with 429 and Retry-After. Cancels them, then checks the freed slots can be taken again
   * while the reservations of the cancelled runs have not expired yet.
   */
  void assertParallelStartsTakeExactlyTheFreeSlots(String user) throws Exception {
    int refusedExpected = 4;
    int total = MAX_CONCURRENT_RUNS + refusedExpected;
    CountDownLatch ready = new CountDownLatch(total);
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(total);
    List<Http.Response> responses = new ArrayList<>();
    List<String> accepted = new ArrayList<>();
    try {
      List<Future<Http.Response>> pending = new ArrayList<>();
      for (int i = 0; i < total; i++) {
        String body = "{\"url\":\"" + TARGET + "/" + i + "\",\"user_instruction\":\"hold\"}";
        pending.add(
            threads.submit(
                () -> {
                  ready.countDown();
                  go.await();
                  return as(user).post("/api/v2/generate-tests", body);
                }));
      }
      assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
      go.countDown();
      for (Future<Http.Response> response : pending) {
        responses.add(response.get(60, TimeUnit.SECONDS));
      }
      responses.stream()
          .filter(r -> r.status() == 202)
          .forEach(r -> accepted.add(r.json().get("workflow_id").asText()));

      assertThat(accepted).hasSize(MAX_CONCURRENT_RUNS).doesNotHaveDuplicates();
      List<Http.Response> refused = responses.stream().filter(r -> r.status() != 202).toList();
      assertThat(refused).hasSize(refusedExpected);
      for (Http.Response response : refused) {
        assertProblem(response, 429, "QUOTA_EXCEEDED");
        assertThat(response.headers().firstValue("Retry-After")).contains("30");
      }
      await(
          Duration.ofSeconds(20),
          () -> runIds(user, "running").equals(Set.copyOf(accepted)),
          () -> "the index never showed exactly " + accepted + " running");
    } finally {
      go.countDown();
      threads.shutdownNow();
      accepted.forEach(id -> as(user).delete("/api/v2/workflows/" + id));
    }
    // Runs the index shows closed free their slots at once, although their reservations have not
    // expired yet.
    accepted.forEach(id -> awaitStatus(user, id, "cancelled"));
    await(
        Duration.ofSeconds(20),
        () -> runIds(user, "running").isEmpty(),
        () -> "the index still shows running runs of " + user);
    List<String> again = new ArrayList<>();
    try {
      for (int i = 0; i < MAX_CONCURRENT_RUNS; i++) {
        again.add(start(user, "\"user_instruction\":\"hold\""));
      }
    } finally {
      again.forEach(id -> as(user).delete("/api/v2/workflows/" + id));
    }
  }

  Set<String> runIds(String user, String status) {
    Set<String> ids = new HashSet<>();
    as(user)
        .get("/api/v2/workflows?page_size=100&status=" + status)
        .json()
        .get("runs")
        .forEach(run -> ids.add(run.get("workflow_id").asText()));
    return ids;
  }
}
