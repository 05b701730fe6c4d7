package io.testgen.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.testgen.gateway.security.StreamTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;

/** API keys, ownership and stream tokens. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AccessControlTest extends GatewayIntegrationTest {
  @Autowired StreamTokens streamTokens;

  @Test
  void everyEndpointButHealthNeedsAKey() {
    assertProblem(
        anonymous().post("/api/v2/generate-tests", "{\"url\":\"" + TARGET + "\"}"),
        401,
        "UNAUTHORIZED");
    assertProblem(anonymous().get("/api/v2/workflows"), 401, "UNAUTHORIZED");
    assertProblem(anonymous().get("/api/v2/workflows/x/stream"), 401, "UNAUTHORIZED");
    assertProblem(anonymous().get("/v3/api-docs"), 401, "UNAUTHORIZED");
    assertProblem(anonymous().get("/actuator/prometheus"), 401, "UNAUTHORIZED");
    Http.Response wrongKey = new Http(port, "not-a-key-0123456789").get("/api/v2/workflows");
    assertProblem(wrongKey, 401, "UNAUTHORIZED");
    assertThat(wrongKey.headers().firstValue("WWW-Authenticate")).contains("Bearer");
    assertProblem(
        anonymous().get("/api/v2/workflows", "Authorization", "Basic YTpi"), 401, "UNAUTHORIZED");
    // The API key is never accepted in a URL.
    assertProblem(
        anonymous().get("/api/v2/workflows?token=" + TestServers.key("alice")),
        401,
        "UNAUTHORIZED");

    Http.Response health = anonymous().get("/actuator/health/liveness");
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\":\"UP\"");
  }

  @Test
  void anotherUsersRunIsNotFoundOnEveryEndpoint() {
    String id = start("alice", "\"user_instruction\":\"hold\"");
    try {
      String base = "/api/v2/workflows/" + id;
      assertThat(as("alice").get(base).status()).isEqualTo(200);
      assertProblem(as("bob").get(base), 404, "NOT_FOUND");
      assertProblem(as("bob").get(base + "/results"), 404, "NOT_FOUND");
      assertProblem(as("bob").get(base + "/suite"), 404, "NOT_FOUND");
      assertProblem(as("bob").get(base + "/stream"), 404, "NOT_FOUND");
      assertProblem(as("bob").post(base + "/approve", "{}"), 404, "NOT_FOUND");
      assertProblem(as("bob").post(base + "/reject", "{}"), 404, "NOT_FOUND");
      assertProblem(as("bob").post(base + "/stream-token", null), 404, "NOT_FOUND");
      assertProblem(as("bob").delete(base), 404, "NOT_FOUND");
      // Bob's attempt did not cancel it.
      assertThat(statusOf("alice", id).get("status").asText()).isEqualTo("running");
    } finally {
      as("alice").delete("/api/v2/workflows/" + id);
    }
  }

  @Test
  void everyReferenceToAnotherRunIsCheckedForOwnershipAndExistence() {
    String alices = start("alice", "");
    awaitStatus("alice", alices, "completed");
    String baseline = "\"baseline_workflow_id\":\"%s\"";
    for (String endpoint : new String[] {"/api/v2/generate-tests", "/api/v2/observation"}) {
      String body = "{\"url\":\"" + TARGET + "\"," + baseline + "}";
      // Another user's run: as unknown to carol as any other of alice's runs.
      assertProblem(as("carol").post(endpoint, body.formatted(alices)), 404, "NOT_FOUND");
      Http.Response none = as("carol").post(endpoint, body.formatted("testgen-nope-404"));
      assertProblem(none, 400, "BASELINE_NOT_FOUND");
      assertThat(none.json().get("field").asText()).isEqualTo("baseline_workflow_id");
    }
    assertProblem(
        as("carol")
            .post("/api/v2/improve-tests", "{" + baseline.formatted("testgen-nope-404") + "}"),
        400,
        "BASELINE_NOT_FOUND");
    // The owner may name her own run.
    Http.Response own =
        as("alice")
            .post(
                "/api/v2/generate-tests",
                "{\"url\":\"" + TARGET + "\"," + baseline.formatted(alices) + "}");
    assertThat(own.status()).as(own.body()).isEqualTo(202);

    // Inline stage inputs name runs through their artifacts (screenshots).
    String inline =
        "{\"observation_result\":{\"target_url\":\""
            + TARGET
            + "\",\"start_state_id\":\"s0\",\"states\":[{\"state_id\":\"s0\",\"url\":\""
            + TARGET
            + "\",\"depth\":0,\"screenshot_ref\":\"runs/%s/screenshots/s0.png\"}]}}";
    assertProblem(
        as("carol").post("/api/v2/requirements", inline.formatted(alices)), 404, "NOT_FOUND");
    assertProblem(
        as("carol").post("/api/v2/requirements", inline.formatted("testgen-nope-404")),
        400,
        "BASELINE_NOT_FOUND");
    Http.Response ownInline = as("alice").post("/api/v2/requirements", inline.formatted(alices));
    assertThat(ownInline.status()).as(ownInline.body()).isEqualTo(202);
  }

  @Test
  void streamTokenOpensOnlyItsRunUntilItExpires() {
    String id = start("alice", "");
    awaitStatus("alice", id, "completed");
    String other = start("alice", "");

    Http.Response issued = as("alice").post("/api/v2/workflows/" + id + "/stream-token", null);
    assertThat(issued.status()).isEqualTo(200);
    String token = issued.json().get("token").asText();
    Instant expires = Instant.parse(issued.json().get("expires_at").asText());
    assertThat(expires).isBetween(Instant.now().plusSeconds(240), Instant.now().plusSeconds(301));
    assertThat(issued.json().get("stream_url").asText())
        .isEqualTo("/api/v2/workflows/" + id + "/stream?token=" + token);

    try (SseClient sse =
        new SseClient(anonymous().base() + issued.json().get("stream_url").asText())) {
      assertThat(sse.status).isEqualTo(200);
      assertThat(sse.eventsUntilEnd(Duration.ofSeconds(10)))
          .extracting(SseClient.Message::event)
          // no stream was written: the run's start rebuilt from Temporal, then its end
          .containsExactly("workflow_started", "workflow_completed");
    }
    // Only for that run's stream, and only for streams.
    assertProblem(
        anonymous().get("/api/v2/workflows/" + other + "/stream?token=" + token),
        401,
        "UNAUTHORIZED");
    assertProblem(
        anonymous().get("/api/v2/workflows/" + id + "?token=" + token), 401, "UNAUTHORIZED");
    // Tampered.
    assertProblem(
        anonymous()
            .get(
                "/api/v2/workflows/"
                    + id
                    + "/stream?token="
                    + token.substring(0, token.length() - 2)
                    + "xx"),
        401,
        "UNAUTHORIZED");
    // Expired.
    String expired = streamTokens.issue(user("alice"), id, Instant.now().minusSeconds(1)).token();
    assertProblem(
        anonymous().get("/api/v2/workflows/" + id + "/stream?token=" + expired),
        401,
        "TOKEN_EXPIRED");
    // A validly signed token for a user who does not own the run is still a 404.
    String bobs = streamTokens.issue(user("bob"), id).token();
    assertProblem(
        anonymous().get("/api/v2/workflows/" + id + "/stream?token=" + bobs), 404, "NOT_FOUND");
  }
}
