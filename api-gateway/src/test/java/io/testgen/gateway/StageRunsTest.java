package io.testgen.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.testgen.common.artifacts.ArtifactPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The per-stage endpoints start a run of that one stage, with the earlier results copied from the
 * caller's completed run or taken inline; the fake workflow applies the real workflow's stage rule
 * and marks each produced result with the run that produced it.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class StageRunsTest extends GatewayIntegrationTest {
  private static final String OBSERVATION =
      "{\"target_url\":\"" + TARGET + "\",\"start_state_id\":\"inline-obs\",\"states\":[]}";
  private static final String REQUIREMENTS =
      "{\"scenarios\":[],\"llm\":{\"used\":false,\"provider\":\"inline-req\"}}";
  private static final String ANALYSIS = "{\"assessments\":[],\"ranking\":[\"inline-ana\"]}";

  /** The members of a body giving the observation and requirements results inline. */
  private static final String INLINE_TWO =
      "\"observation_result\":" + OBSERVATION + ",\"requirements_result\":" + REQUIREMENTS;

  private String completed(Http.Response started) {
    assertThat(started.status()).as(started.body()).isEqualTo(202);
    String id = started.json().get("workflow_id").asText();
    awaitStatus("alice", id, "completed");
    return id;
  }

  private JsonNode results(String id) {
    Http.Response response = as("alice").get("/api/v2/workflows/" + id + "/results");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  private static String producer(JsonNode results, String stage) {
    return switch (stage) {
      case "observation" -> results.path("observation_result").path("start_state_id").asText(null);
      case "requirements" ->
          results.path("requirements_result").path("llm").path("provider").asText(null);
      case "analysis" -> results.path("analysis_result").path("ranking").path(0).asText(null);
      default -> throw new IllegalArgumentException(stage);
    };
  }

  private void assertOnlyStageRan(String id, String stage) {
    JsonNode progress = statusOf("alice", id).get("progress");
    for (String agent : new String[] {"observation", "requirements", "analysis", "evolution"}) {
      assertThat(progress.get(agent).get("status").asText())
          .as(id + " " + agent)
          .isEqualTo(agent.equals(stage) ? "completed" : "skipped");
    }
  }

  /** Runs {@code stage} alone on the results of run {@code earlier}; its id once it completed. */
  private String stageOn(String stage, String earlier) {
    String id =
        completed(as("alice").post("/api/v2/" + stage, "{\"workflow_id\":\"" + earlier + "\"}"));
    assertOnlyStageRan(id, stage);
    return id;
  }

  /** The runs that produced the observation, requirements and analysis in {@code results}. */
  private static void assertProducers(JsonNode results, String... producers) {
    String[] stages = {"observation", "requirements", "analysis"};
    for (int i = 0; i < producers.length; i++) {
      assertThat(producer(results, stages[i])).as(stages[i]).isEqualTo(producers[i]);
    }
  }

  @Test
  void eachStageRunsAloneOnTheResultsOfTheRunBefore() {
    String observed =
        completed(as("alice").post("/api/v2/observation", "{\"url\":\"" + TARGET + "\"}"));
    assertOnlyStageRan(observed, "observation");
    JsonNode observedResults = results(observed);
    assertThat(producer(observedResults, "observation")).isEqualTo(observed);
    assertThat(observedResults.get("requirements_result").isNull()).isTrue();
    assertThat(observedResults.get("evolution_result").isNull()).isTrue();
    assertThat(observedResults.get("test_count").asInt()).isZero();

    String derived = stageOn("requirements", observed);
    JsonNode derivedResults = results(derived);
    assertProducers(derivedResults, observed, derived);
    assertThat(derivedResults.get("analysis_result").isNull()).isTrue();
    // the earlier run's stored observation went by reference, not copied through Temporal
    assertThat(derivedResults.at("/result_refs/observation/sha256").asText())
        .hasSize(64)
        .isEqualTo(observedResults.at("/result_refs/observation/sha256").asText());

    String analysed = stageOn("analysis", derived);
    assertProducers(results(analysed), observed, derived, analysed);

    String evolved = stageOn("evolution", analysed);
    JsonNode evolvedResults = results(evolved);
    assertProducers(evolvedResults, observed, derived, analysed);
    assertThat(evolvedResults.get("test_count").asInt())
        .isEqualTo(FakeTestGenerationWorkflow.DERIVED_SCENARIOS);
    assertThat(statusOf("alice", evolved).get("target_url").asText()).isEqualTo(TARGET);
  }

  @Test
  void inlineResultsAreForwardedAsGiven() {
    String analysed = completed(as("alice").post("/api/v2/analysis", "{" + INLINE_TWO + "}"));
    assertOnlyStageRan(analysed, "analysis");
    JsonNode results = results(analysed);
    assertProducers(results, "inline-obs", "inline-req", analysed);
    // The URL defaults to the inline observation's.
    assertThat(statusOf("alice", analysed).get("target_url").asText()).isEqualTo(TARGET);

    String evolved =
        completed(
            as("alice")
                .post(
                    "/api/v2/evolution",
                    "{" + INLINE_TWO + ",\"analysis_result\":" + ANALYSIS + "}"));
    JsonNode evolvedResults = results(evolved);
    assertThat(producer(evolvedResults, "analysis")).isEqualTo("inline-ana");
    assertThat(evolvedResults.get("test_count").asInt())
        .isEqualTo(FakeTestGenerationWorkflow.DERIVED_SCENARIOS);
  }

  @Test
  void missingEarlierResultsAreRefusedByTheGatewayNamingTheResult() {
    assertMissing(
        as("alice").post("/api/v2/analysis", "{\"observation_result\":" + OBSERVATION + "}"),
        "requirements_result",
        "the analysis stage needs the requirements result (requirements_result);"
            + " give it inline or name an earlier run with workflow_id");
    assertMissing(
        as("alice").post("/api/v2/analysis", "{\"requirements_result\":" + REQUIREMENTS + "}"),
        "observation_result",
        "the analysis stage needs the observation result (observation_result);"
            + " give it inline or name an earlier run with workflow_id");
    assertMissing(
        as("alice").post("/api/v2/evolution", "{" + INLINE_TWO + "}"),
        "analysis_result",
        "the evolution stage needs the analysis result (analysis_result);"
            + " give it inline or name an earlier run with workflow_id");
    assertMissing(
        as("alice").post("/api/v2/requirements", "{\"analysis_result\":" + ANALYSIS + "}"),
        "analysis_result",
        "the requirements stage does not use analysis_result");
    assertMissing(
        as("alice").post("/api/v2/requirements", "{}"),
        "workflow_id",
        "give the previous stage's workflow_id or its result inline");
    assertMissing(
        as("alice")
            .post(
                "/api/v2/requirements",
                "{\"workflow_id\":\"x\",\"observation_result\":" + OBSERVATION + "}"),
        "workflow_id",
        "give either workflow_id or an inline result, not both");

    // An observation-only run has no requirements to analyse.
    String observed =
        completed(as("alice").post("/api/v2/observation", "{\"url\":\"" + TARGET + "\"}"));
    assertMissing(
        as("alice").post("/api/v2/analysis", "{\"workflow_id\":\"" + observed + "\"}"),
        "requirements_result",
        "the analysis stage needs the requirements result (requirements_result); run "
            + observed
            + " has none");
  }

  @Test
  void theEarlierRunMustBeTheCallersCompletedRun() {
    String done =
        completed(as("alice").post("/api/v2/generate-tests", "{\"url\":\"" + TARGET + "\"}"));
    assertProblem(
        as("bob").post("/api/v2/requirements", "{\"workflow_id\":\"" + done + "\"}"),
        404,
        "NOT_FOUND");
    assertProblem(
        as("alice").post("/api/v2/requirements", "{\"workflow_id\":\"testgen-nope-1\"}"),
        404,
        "NOT_FOUND");
    String held = start("alice", "\"user_instruction\":\"hold\"");
    try {
      awaitStatus("alice", held, "running");
      assertProblem(
          as("alice").post("/api/v2/requirements", "{\"workflow_id\":\"" + held + "\"}"),
          404,
          "NOT_READY");
    } finally {
      as("alice").delete("/api/v2/workflows/" + held);
    }
    String failed = start("alice", "\"user_instruction\":\"fail\"");
    awaitStatus("alice", failed, "failed");
    assertProblem(
        as("alice").post("/api/v2/requirements", "{\"workflow_id\":\"" + failed + "\"}"),
        409,
        "RUN_FAILED");
  }

  private static void assertMissing(Http.Response response, String field, String detail) {
    assertProblem(response, 400, "INVALID_FIELD");
    assertThat(response.json().get("field").asText()).isEqualTo(field);
    assertThat(response.json().get("detail").asText()).isEqualTo(detail);
  }

  @Test
  void storedResultsAreReadBackVerifiedAgainstTheirReferences() throws Exception {
    String id =
        completed(as("alice").post("/api/v2/generate-tests", "{\"url\":\"" + TARGET + "\"}"));
    JsonNode results = results(id);
    // the workflow returned references; the gateway answers the whole results
    assertThat(producer(results, "observation")).isEqualTo(id);
    assertThat(producer(results, "analysis")).isEqualTo(id);
    assertThat(results.path("evolution_result").path("test_count").asInt())
        .isEqualTo(FakeTestGenerationWorkflow.DERIVED_SCENARIOS);
    String sha256 = results.path("result_refs").path("observation").path("sha256").asText();
    assertThat(sha256).hasSize(64);

    Path stored = ARTIFACTS.resolve(ArtifactPaths.object(sha256));
    Files.writeString(stored, Files.readString(stored).replace(id, "someone-else"));

    Http.Response altered = as("alice").get("/api/v2/workflows/" + id + "/results");
    assertProblem(altered, 500, "ARTIFACT_CORRUPT");
    assertThat(altered.body()).doesNotContain(ARTIFACTS.toString());
  }
}
