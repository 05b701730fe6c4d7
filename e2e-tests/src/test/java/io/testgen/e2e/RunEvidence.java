package io.testgen.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.testgen.common.progress.ProgressEventType;
import io.testgen.common.progress.ProgressStreams;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;

/**
 * What the fault suite compares and waits for: a run's results reduced to what must not change
 * under faults ({@link Outcome}), the progress a run has written to Redis, and the exactly-once
 * check of what an SSE client received against the stream as stored.
 */
final class RunEvidence {
  /** What an undisturbed run and a disturbed run of the same app must share. */
  record Outcome(
      String status,
      List<String> stateIds,
      List<String> scenarioIds,
      List<String> testIds,
      List<String> failing) {
    static Outcome of(JsonNode results) {
      return new Outcome(
          results.path("status").asText(),
          sorted(results.path("observation_result").path("states"), "state_id"),
          sorted(results.path("requirements_result").path("scenarios"), "scenario_id"),
          sorted(results.path("evolution_result").path("tests"), "test_id"),
          sorted(results.path("evolution_result").path("failing"), null));
    }

    private static List<String> sorted(JsonNode array, String field) {
      List<String> values = new ArrayList<>();
      array.forEach(n -> values.add(field == null ? n.asText() : n.path(field).asText()));
      return values.stream().sorted().toList();
    }
  }

  private final RedisClient redis;

  RunEvidence(RedisClient redis) {
    this.redis = redis;
  }

  /** The run's progress events as stored in Redis, oldest first. */
  List<JsonNode> stored(String workflowId) {
    List<JsonNode> events = new ArrayList<>();
    for (StreamEntry entry :
        redis.xrange(ProgressStreams.key(workflowId), (StreamEntryID) null, null)) {
      try {
        events.add(
            GatewayHttp.MAPPER
                .readTree(entry.getFields().get(ProgressStreams.FIELD))
                .<com.fasterxml.jackson.databind.node.ObjectNode>deepCopy()
                .put("entry_id", entry.getID().toString()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return events;
  }

  /** Waits until the run has stored an event {@code matching}; polls Redis every 100 ms. */
  void await(String workflowId, String what, Predicate<JsonNode> matching, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (stored(workflowId).stream().anyMatch(matching)) return;
      TestGenStack.sleep(100);
    }
    throw new AssertionError("no " + what + " for " + workflowId + " within " + timeout);
  }

  static Predicate<JsonNode> progressOf(String agent, Predicate<JsonNode> also) {
    return e ->
        e.path("type").asText().equals("agent_progress")
            && e.path("agent").asText().equals(agent)
            && also.test(e);
  }

  static Predicate<JsonNode> startOf(String agent) {
    return e ->
        e.path("type").asText().equals("agent_started") && e.path("agent").asText().equals(agent);
  }

  /**
   * A client saw every stored event exactly once, in order: its ids are the stream's entry ids, one
   * for one (so none missing, none repeated, none without an id), and the terminal event comes
   * once, last.
   */
  void assertExactlyOnce(String workflowId, List<String> ids, List<String> types) {
    List<JsonNode> stored = stored(workflowId);
    assertThat(ids)
        .as("event ids the client received")
        .containsExactlyElementsOf(stored.stream().map(e -> e.path("entry_id").asText()).toList());
    assertThat(types)
        .as("event types the client received")
        .containsExactlyElementsOf(stored.stream().map(e -> e.path("type").asText()).toList());
    assertThat(types.stream().filter(t -> ProgressEventType.fromWire(t).terminal()))
        .as("terminal events")
        .containsExactly("workflow_completed");
    assertThat(types.get(types.size() - 1)).isEqualTo("workflow_completed");
  }
}
