package io.testgen.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.testgen.testkit.sites.DemoSite;
import io.testgen.testkit.sites.FixtureServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * One run as a user makes it: {@code POST /generate-tests} against the demo app, the SSE stream to
 * the end, {@code /results}, both {@code /suite} zips, and a stream resumed by Last-Event-ID.
 */
@Timeout(value = 20, unit = TimeUnit.MINUTES) // evolution learns live and runs fault injection
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PipelineEndToEndTest {
  TestGenStack stack;
  FixtureServer site;
  GatewayHttp alice;

  @BeforeAll
  void start() {
    site = DemoSite.install(FixtureServer.start());
    stack = TestGenStack.start();
    alice = new GatewayHttp(stack.gatewayUrl(), TestGenStack.API_KEY);
  }

  @AfterAll
  void stop() {
    if (stack != null) stack.close();
    if (site != null) site.close();
  }

  @Test
  void generatesAVerifiedSuiteFromPostThroughTheStreamToResultsAndSuites() throws Exception {
    GatewayHttp.Response started =
        alice.post(
            "/api/v2/generate-tests",
            "{\"url\":\"" + site.url("/") + "\",\"max_depth\":2,\"max_pages\":15}");
    assertThat(started.status()).isEqualTo(202);
    String workflowId = started.json().path("workflow_id").asText();
    assertThat(workflowId).startsWith("testgen-127.0.0.1-");
    assertThat(started.json().path("status").asText()).isEqualTo("pending");

    List<GatewayHttp.Event> events = alice.stream(workflowId, null);

    assertThat(events.get(0).type()).isEqualTo("workflow_started");
    assertThat(events.get(events.size() - 1).type()).isEqualTo("workflow_completed");
    List<String> lifecycle = new ArrayList<>();
    for (GatewayHttp.Event e : events) {
      if (e.type().equals("agent_started") || e.type().equals("agent_completed")) {
        lifecycle.add(e.data().path("agent").asText() + ":" + e.type());
      }
    }
    assertThat(lifecycle)
        .containsExactly(
            "observation:agent_started", "observation:agent_completed",
            "requirements:agent_started", "requirements:agent_completed",
            "analysis:agent_started", "analysis:agent_completed",
            "evolution:agent_started", "evolution:agent_completed");
    assertThat(events).filteredOn(e -> e.type().equals("agent_progress")).isNotEmpty();
    assertThat(events)
        .extracting(GatewayHttp.Event::id)
        .doesNotHaveDuplicates()
        .doesNotContainNull();
    for (GatewayHttp.Event e : events) {
      assertThat(e.data().path("workflow_id").asText()).isEqualTo(workflowId);
    }

    GatewayHttp.Response status = alice.get("/api/v2/workflows/" + workflowId);
    assertThat(status.status()).isEqualTo(200);
    assertThat(status.json().path("status").asText()).isEqualTo("completed");
    assertThat(status.json().path("total_progress").asDouble()).isEqualTo(1.0);

    GatewayHttp.Response results =
        alice.getOnceClosed("/api/v2/workflows/" + workflowId + "/results");
    assertThat(results.status()).isEqualTo(200);
    JsonNode body = results.json();
    assertThat(body.path("workflow_id").asText()).isEqualTo(workflowId);
    assertThat(body.path("status").asText()).isEqualTo("completed");
    List<String> titles =
        StreamSupport.stream(body.path("observation_result").path("states").spliterator(), false)
            .map(s -> s.path("title").asText())
            .toList();
    assertThat(titles)
        .contains(
            "Home · Acme Tasks",
            "Tasks · Acme Tasks",
            "Contact · Acme Tasks",
            "About · Acme Tasks");
    assertThat(body.path("requirements_result").path("scenarios").size()).isGreaterThan(5);
    assertThat(body.path("analysis_result").path("ranking").size())
        .isEqualTo(body.path("requirements_result").path("scenarios").size());
    int testCount = body.path("test_count").asInt();
    assertThat(testCount)
        .isEqualTo(body.path("evolution_result").path("test_count").asInt())
        .isGreaterThan(3);
    assertThat(body.path("total_duration_seconds").asDouble()).isPositive();
    // Our own demo app has no bugs: every generated test that was kept passes against it.
    // On failure the message carries each failing test whole (steps, runs, failure), so a CI log
    // says why without the worker's log.
    List<JsonNode> failingTests = new ArrayList<>();
    body.path("evolution_result")
        .path("tests")
        .forEach(
            t -> {
              for (JsonNode id : body.path("evolution_result").path("failing"))
                if (id.asText().equals(t.path("test_id").asText())) failingTests.add(t);
            });
    assertThat(body.path("evolution_result").path("failing"))
        .as("failing tests: %s", failingTests)
        .isEmpty();

    GatewayHttp.Response ts =
        alice.get("/api/v2/workflows/" + workflowId + "/suite?format=playwright-ts");
    assertThat(ts.status()).isEqualTo(200);
    assertThat(ts.contentType()).isEqualTo("application/zip");
    assertThat(entries(ts.bytes()))
        .contains("package.json", "playwright.config.ts")
        .anySatisfy(name -> assertThat(name).startsWith("tests/").endsWith(".spec.ts"));
    GatewayHttp.Response java =
        alice.get("/api/v2/workflows/" + workflowId + "/suite?format=playwright-java");
    assertThat(java.status()).isEqualTo(200);
    assertThat(entries(java.bytes()))
        .contains("pom.xml")
        .anySatisfy(name -> assertThat(name).startsWith("src/test/java/").endsWith(".java"));

    // Resume: a reconnect with Last-Event-ID gets exactly the events after it, no gap, no
    // duplicate.
    int cut = events.size() / 2;
    List<GatewayHttp.Event> resumed = alice.stream(workflowId, events.get(cut).id());
    assertThat(resumed)
        .extracting(GatewayHttp.Event::id)
        .containsExactlyElementsOf(
            events.subList(cut + 1, events.size()).stream().map(GatewayHttp.Event::id).toList());

    // Another user does not see the run at all.
    GatewayHttp bob = new GatewayHttp(stack.gatewayUrl(), TestGenStack.OTHER_KEY);
    assertThat(bob.get("/api/v2/workflows/" + workflowId).status()).isEqualTo(404);
    assertThat(bob.getOnceClosed("/api/v2/workflows/" + workflowId + "/results").status())
        .isEqualTo(404);
  }

  private static List<String> entries(byte[] zip) throws IOException {
    List<String> names = new ArrayList<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      ZipEntry entry;
      // Suites unpack into one top-level folder; compare paths inside it.
      while ((entry = in.getNextEntry()) != null)
        names.add(entry.getName().substring(entry.getName().indexOf('/') + 1));
    }
    return names;
  }
}
