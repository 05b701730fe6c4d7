package io.testgen.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Idempotent starts, listing through Temporal visibility, and the per-user quota (sequential and
 * parallel starts).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RunIndexAndLimitsTest extends GatewayIntegrationTest {

  @Test
  void repeatedPostWithTheSameIdempotencyKeyReturnsTheSameRun() {
    String body = "{\"url\":\"" + TARGET + "\"}";
    Http.Response first =
        as("idem").post("/api/v2/generate-tests", body, "Idempotency-Key", "order-42");
    Http.Response second =
        as("idem").post("/api/v2/generate-tests", body, "Idempotency-Key", "order-42");
    assertThat(first.status()).isEqualTo(202);
    assertThat(second.status()).isEqualTo(202);
    String id = first.json().get("workflow_id").asText();
    assertThat(second.json().get("workflow_id").asText()).isEqualTo(id);

    awaitStatus("idem", id, "completed");
    Http.Response afterClose =
        as("idem").post("/api/v2/generate-tests", body, "Idempotency-Key", "order-42");
    assertThat(afterClose.status()).isEqualTo(202);
    assertThat(afterClose.json().get("workflow_id").asText()).isEqualTo(id);
    assertThat(afterClose.json().get("status").asText()).isEqualTo("completed");

    // Another key, or the same key from another user, is another run.
    assertThat(startKeyed("idem", body, "order-43")).isNotEqualTo(id);
    assertThat(startKeyed("bob", body, "order-42")).isNotEqualTo(id);
    // One run per key: visibility shows exactly two runs for this user.
    await(
        Duration.ofSeconds(20),
        () -> as("idem").get("/api/v2/workflows").json().get("runs").size() == 2,
        () -> "runs of idem: " + as("idem").get("/api/v2/workflows").body());
  }

  @Test
  void theSameIdempotencyKeyWithADifferentBodyIs422() {
    String body = "{\"url\":\"" + TARGET + "\",\"max_pages\":3}";
    Http.Response first =
        as("reuser").post("/api/v2/generate-tests", body, "Idempotency-Key", "reuse-1");
    assertThat(first.status()).as(first.body()).isEqualTo(202);
    String id = first.json().get("workflow_id").asText();
    // Same body (keys in another order, same meaning): the same run.
    Http.Response again =
        as("reuser")
            .post(
                "/api/v2/generate-tests",
                "{\"max_pages\":3,\"url\":\"" + TARGET + "\"}",
                "Idempotency-Key",
                "reuse-1");
    assertThat(again.status()).as(again.body()).isEqualTo(202);
    assertThat(again.json().get("workflow_id").asText()).isEqualTo(id);
    // Another body, or the same body on another endpoint: refused, the first run untouched.
    Http.Response changed =
        as("reuser")
            .post(
                "/api/v2/generate-tests",
                "{\"url\":\"" + TARGET + "\",\"max_pages\":4}",
                "Idempotency-Key",
                "reuse-1");
    assertProblem(changed, 422, "IDEMPOTENCY_KEY_REUSED");
    assertThat(changed.json().get("field").asText()).isEqualTo("Idempotency-Key");
    assertProblem(
        as("reuser").post("/api/v2/observation", body, "Idempotency-Key", "reuse-1"),
        422,
        "IDEMPOTENCY_KEY_REUSED");
    awaitStatus("reuser", id, "completed");
    // Still refused once the run is closed.
    assertProblem(
        as("reuser")
            .post(
                "/api/v2/generate-tests",
                "{\"url\":\"" + TARGET + "\",\"max_pages\":4}",
                "Idempotency-Key",
                "reuse-1"),
        422,
        "IDEMPOTENCY_KEY_REUSED");
  }

  @Test
  void listIsPagedNewestFirstAndFiltered() {
    List<String> started = completedRuns("lister", 5);
    String failed = failedRun("lister");
    await(
        Duration.ofSeconds(20),
        () -> as("lister").get("/api/v2/workflows?page_size=100").json().get("runs").size() == 6,
        () -> "never listed six runs");

    List<String> paged = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      JsonNode page =
          as("lister")
              .get(
                  "/api/v2/workflows?status=completed&page_size=2"
                      + (token == null ? "" : "&next_page_token=" + token))
              .json();
      page.get("runs")
          .forEach(
              run -> {
                assertThat(run.get("status").asText()).isEqualTo("completed");
                assertThat(run.get("target_url").asText()).isEqualTo(TARGET);
                paged.add(run.get("workflow_id").asText());
              });
      token = page.get("next_page_token").isNull() ? null : page.get("next_page_token").asText();
      pages++;
    } while (token != null && pages < 10);
    assertThat(paged).containsExactlyElementsOf(started);
    assertThat(pages).isBetween(3, 4);

    JsonNode onlyFailed = as("lister").get("/api/v2/workflows?status=failed").json().get("runs");
    assertThat(onlyFailed).hasSize(1);
    assertThat(onlyFailed.get(0).get("workflow_id").asText()).isEqualTo(failed);
    // Nobody else's runs.
    Set<String> alices = new HashSet<>();
    as("alice")
        .get("/api/v2/workflows?page_size=100")
        .json()
        .get("runs")
        .forEach(r -> alices.add(r.get("workflow_id").asText()));
    assertThat(alices).doesNotContainAnyElementsOf(started);
  }

  @Test
  void quotaOfConcurrentRunsAnswers429WithRetryAfter() {
    List<String> held = new ArrayList<>();
    try {
      for (int i = 0; i < MAX_CONCURRENT_RUNS; i++) {
        held.add(start("quota", "\"user_instruction\":\"hold\""));
        int expected = held.size();
        await(
            Duration.ofSeconds(20),
            () ->
                as("quota").get("/api/v2/workflows?status=running").json().get("runs").size()
                    == expected,
            () -> "visibility never showed " + expected + " running runs");
      }
      Http.Response refused =
          as("quota").post("/api/v2/generate-tests", "{\"url\":\"" + TARGET + "\"}");
      assertProblem(refused, 429, "QUOTA_EXCEEDED");
      assertThat(refused.headers().firstValue("Retry-After")).contains("30");
      // Another user is not affected.
      assertThat(as("bob").post("/api/v2/generate-tests", "{\"url\":\"" + TARGET + "\"}").status())
          .isEqualTo(202);
    } finally {
      held.forEach(id -> as("quota").delete("/api/v2/workflows/" + id));
    }
  }

  @Test
  void parallelStartsTakeExactlyTheFreeSlots() throws Exception {
    assertParallelStartsTakeExactlyTheFreeSlots("racer");
  }

  /** Starts a run with an Idempotency-Key; the id of the run it names. */
  private String startKeyed(String user, String body, String key) {
    return as(user)
        .post("/api/v2/generate-tests", body, "Idempotency-Key", key)
        .json()
        .get("workflow_id")
        .asText();
  }
}
