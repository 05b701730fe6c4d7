package io.testgen.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.testgen.common.progress.ProgressStreams;
import io.testgen.testkit.servers.ManagedProcess;
import io.testgen.testkit.sites.DemoSite;
import io.testgen.testkit.sites.FixtureServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;

/** Faults: a worker killed with SIGKILL mid-crawl, and a run cancelled mid-crawl. */
@Timeout(value = 20, unit = TimeUnit.MINUTES) // evolution learns live and runs fault injection
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DurabilityAndCancelEndToEndTest {
  TestGenStack stack;
  FixtureServer slowSite;
  GatewayHttp alice;
  RedisClient redis;

  @BeforeAll
  void start() {
    // Every page takes 700 ms, so the crawl is surely under way when the fault strikes.
    slowSite = DemoSite.install(FixtureServer.start()).withLatency(700);
    stack = TestGenStack.start();
    alice = new GatewayHttp(stack.gatewayUrl(), TestGenStack.API_KEY);
    redis = RedisClient.create(stack.redis.url());
  }

  @AfterAll
  void stop() {
    if (redis != null) redis.close();
    if (stack != null) stack.close();
    if (slowSite != null) slowSite.close();
  }

  @Test
  void aRunSurvivesKill9OfItsWorkerMidActivity() throws Exception {
    String workflowId = start(12);
    awaitObservedStates(workflowId, 3);

    // Kill every worker that could hold the activity, then bring up a fresh one.
    List<JarProcesses.Child> started = stack.killAllWorkers();
    // Chromium and its helpers die with their worker: nothing it started is left (issue 12, 9).
    assertThat(started).anyMatch(c -> c.command().contains("chromium"));
    try {
      assertThat(JarProcesses.survivors(started, Duration.ofSeconds(15)))
          .as("processes the killed worker left behind")
          .isEmpty();
    } finally {
      started.forEach(c -> c.process().destroyForcibly());
    }
    ManagedProcess replacement = stack.startWorker();

    List<GatewayHttp.Event> events = alice.stream(workflowId, null);
    assertThat(events.get(events.size() - 1).type()).isEqualTo("workflow_completed");
    JsonNode results = alice.getOnceClosed("/api/v2/workflows/" + workflowId + "/results").json();
    assertThat(results.path("status").asText()).isEqualTo("completed");
    for (String part :
        List.of(
            "observation_result", "requirements_result", "analysis_result", "evolution_result")) {
      assertThat(results.path(part).isObject()).as(part).isTrue();
    }
    assertThat(results.path("observation_result").path("states").size()).isGreaterThanOrEqualTo(4);
    // The second attempt resumed from the first one's heartbeated checkpoint, not from zero.
    assertThat(
            results
                .path("observation_result")
                .path("stats")
                .path("resumed_from_checkpoint")
                .asInt())
        .isPositive();
    assertThat(replacement.isAlive()).isTrue();
  }

  @Test
  void aCancelledRunStopsItsAgentAndEndsCancelled() {
    String workflowId = start(12);
    awaitObservationProgress(workflowId, 1);

    long asked = System.nanoTime();
    GatewayHttp.Response cancel = alice.delete("/api/v2/workflows/" + workflowId);
    assertThat(cancel.status()).isEqualTo(202);

    List<GatewayHttp.Event> events = alice.stream(workflowId, null);
    Duration took = Duration.ofNanos(System.nanoTime() - asked);
    System.out.println("cancel: workflow_cancelled " + took.toMillis() + " ms after DELETE");
    assertThat(events.get(events.size() - 1).type()).isEqualTo("workflow_cancelled");
    assertThat(events).noneMatch(e -> e.type().equals("workflow_completed"));
    JsonNode status = alice.get("/api/v2/workflows/" + workflowId).json();
    assertThat(status.path("status").asText()).isEqualTo("cancelled");
    assertThat(status.path("progress").path("observation").path("status").asText())
        .isEqualTo("cancelled");
    assertThat(status.path("progress").path("evolution").path("status").asText())
        .isEqualTo("pending");
  }

  private String start(int maxPages) {
    GatewayHttp.Response started =
        alice.post(
            "/api/v2/generate-tests",
            "{\"url\":\""
                + slowSite.url("/")
                + "\",\"max_depth\":2,\"max_pages\":"
                + maxPages
                + "}");
    assertThat(started.status()).isEqualTo(202);
    return started.json().path("workflow_id").asText();
  }

  /** Waits until Observation reports at least {@code states} states found (read from Redis). */
  private void awaitObservedStates(String workflowId, int states) throws Exception {
    long deadline = System.currentTimeMillis() + 120_000;
    while (System.currentTimeMillis() < deadline) {
      for (StreamEntry entry :
          redis.xrange(ProgressStreams.key(workflowId), (StreamEntryID) null, null)) {
        var event = GatewayHttp.MAPPER.readTree(entry.getFields().get(ProgressStreams.FIELD));
        if (event.path("type").asText().equals("agent_progress")
            && event.path("agent").asText().equals("observation")
            && event.path("data").path("states").asInt() >= states) {
          return;
        }
      }
      TestGenStack.sleep(200);
    }
    throw new AssertionError("observation never reported " + states + " states for " + workflowId);
  }

  /**
   * Waits until Observation has reported progress {@code times} times (read straight from Redis).
   */
  private void awaitObservationProgress(String workflowId, int times) {
    long deadline = System.currentTimeMillis() + 120_000;
    while (System.currentTimeMillis() < deadline) {
      List<StreamEntry> entries =
          redis.xrange(ProgressStreams.key(workflowId), (StreamEntryID) null, null);
      long seen =
          entries.stream()
              .map(e -> e.getFields().get(ProgressStreams.FIELD))
              .filter(
                  json ->
                      json.contains("\"type\":\"agent_progress\"")
                          && json.contains("\"agent\":\"observation\""))
              .count();
      if (seen >= times) return;
      TestGenStack.sleep(200);
    }
    throw new AssertionError(
        "observation never reported progress " + times + " times for " + workflowId);
  }
}
