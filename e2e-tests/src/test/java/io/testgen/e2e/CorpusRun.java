package io.testgen.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.testgen.testkit.sites.FixtureServer;
import io.testgen.testkit.sites.corpus.CorpusApp;
import io.testgen.testkit.sites.corpus.GroundTruth;
import java.util.List;

/**
 * One whole-pipeline run of a corpus app, as the benchmarks drive it through the gateway: the
 * request (the app's start page, its login if it has one), started (retried while a loaded Temporal
 * answers 503), followed on its stream to the end, and its status and results read.
 */
final class CorpusRun {
  /** The agents in pipeline order, as the run's status names their progress. */
  static final List<String> AGENTS =
      List.of("observation", "requirements", "analysis", "evolution");

  /** A finished run: its status, results and wall time from the start request to its results. */
  record Finished(String workflowId, JsonNode status, JsonNode results, double seconds) {
    double agentSeconds(String agent) {
      return agentSeconds(status, agent);
    }

    static double agentSeconds(JsonNode status, String agent) {
      return status.path("progress").path(agent).path("duration_seconds").asDouble();
    }
  }

  private CorpusRun() {}

  /** The request for {@code app} served by {@code server}; callers add what their run needs. */
  static ObjectNode request(CorpusApp app, FixtureServer server, int maxDepth, int maxPages) {
    GroundTruth truth = app.groundTruth();
    ObjectNode body = GatewayHttp.MAPPER.createObjectNode();
    body.put("url", server.url(truth.startPath()));
    body.put("max_depth", maxDepth);
    body.put("max_pages", maxPages);
    // an app whose features include account, role or delete forms is measured as its users would
    // run it to test them
    if (truth.allowDestructive()) body.put("allow_destructive", true);
    if (truth.login() != null) {
      ObjectNode login = body.putObject("login_credentials");
      login.put("username", truth.login().username());
      login.put("password", truth.login().password());
    }
    return body;
  }

  /** Starts a run of {@code body} and waits for it to end. */
  static Finished run(GatewayHttp http, String app, ObjectNode body) throws InterruptedException {
    long started = System.nanoTime();
    GatewayHttp.Response accepted = http.post("/api/v2/generate-tests", body.toString());
    for (int retry = 0; accepted.status() == 503 && retry < 5; retry++) {
      Thread.sleep(3000); // a loaded machine: Temporal answered DEADLINE_EXCEEDED
      accepted = http.post("/api/v2/generate-tests", body.toString());
    }
    if (accepted.status() != 202)
      throw new IllegalStateException(app + ": start answered " + accepted.body());
    String id = accepted.json().path("workflow_id").asText();
    http.stream(id, null);
    JsonNode results = http.getOnceClosed("/api/v2/workflows/" + id + "/results").json();
    double seconds = (System.nanoTime() - started) / 1e9;
    JsonNode status = http.get("/api/v2/workflows/" + id).json();
    return new Finished(id, status, results, seconds);
  }
}
