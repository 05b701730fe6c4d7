package io.testgen.worker.evolution;

import static org.assertj.core.api.Assertions.assertThat;

import io.testgen.common.agents.analysis.AnalysisResult;
import io.testgen.common.agents.analysis.ExecutionStrategy;
import io.testgen.common.agents.evolution.GeneratedTest;
import io.testgen.common.agents.evolution.TestStep;
import io.testgen.common.agents.requirements.RequirementsResult;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 2, unit = TimeUnit.MINUTES)
class TestModelBuilderTest {
  static final String B = "http://127.0.0.1:5000";

  private static TestPlan plan() {
    return new TestModelBuilder(EvolutionInputs.notesObservation(B))
        .build(new RequirementsResult(EvolutionInputs.notesScenarios(), null, null), null);
  }

  private static List<String> steps(GeneratedTest test) {
    return test.steps().stream().map(Steps::describe).toList();
  }

  private static Map<String, GeneratedTest> byId(List<GeneratedTest> tests) {
    return tests.stream().collect(Collectors.toMap(GeneratedTest::testId, Function.identity()));
  }

  @Test
  void happyFormTestFillsScenarioDataAndAssertsWhatTheSubmissionShowed() {
    GeneratedTest test = byId(plan().candidates()).get("REQ-FORM-note-HAPPY");
    assertThat(steps(test))
        .containsExactly(
            "goto \"/notes\"",
            "fill label=\"Title\" \"Note {{unique}}\"",
            "fill label=\"Body\" \"Remember the milk\"",
            "click role=button[name=\"Add note\"]",
            "expect_url \"/notes\"",
            "expect_visible text=\"Note added\"",
            // the observed echo of the typed title, with this run's value
            "expect_visible text=\"Note {{unique}}\"");
    assertThat(test.priority()).isEqualTo("critical");
    assertThat(test.status()).isEqualTo("candidate");
  }

  @Test
  void theSmokeSetIsTaggedCriticalInBothSuites() {
    GeneratedTest before = byId(plan().candidates()).get("REQ-FORM-note-REQUIRED-title");
    assertThat(before.priority()).isNotEqualTo("critical");
    AnalysisResult analysis =
        new AnalysisResult(
            List.of(),
            List.of(),
            Map.of(),
            new ExecutionStrategy(
                List.of(), List.of("REQ-FORM-note-REQUIRED-title"), List.of(), 0, 0),
            null);
    GeneratedTest smoke =
        byId(new TestModelBuilder(EvolutionInputs.notesObservation(B))
                .build(
                    new RequirementsResult(EvolutionInputs.notesScenarios(), null, null), analysis)
                .candidates())
            .get("REQ-FORM-note-REQUIRED-title");
    assertThat(smoke.priority()).isEqualTo("critical");
    assertThat(TypeScriptSuiteRenderer.spec(smoke)).contains("tag: '@critical'");
    assertThat(JavaSuiteRenderer.render(B, List.of(smoke)).values())
        .anySatisfy(source -> assertThat(source).contains("@Tag(\"critical\")"));
  }

  @Test
  void aHappyPathTheAppRejectedDuringTheCrawlIsLearnedLiveNotAsserted() throws Exception {
    // the crawl's valid values were refused ("Title is too short"): that is no success to assert
    com.fasterxml.jackson.databind.ObjectMapper json =
        io.testgen.common.json.JsonMapperFactory.shared();
    com.fasterxml.jackson.databind.node.ObjectNode tree =
        json.valueToTree(EvolutionInputs.notesObservation(B));
    for (com.fasterxml.jackson.databind.JsonNode form : tree.get("forms"))
      for (com.fasterxml.jackson.databind.JsonNode sub : form.get("submissions"))
        if (sub.get("kind").asText().equals("valid") && form.get("form_id").asText().equals("note"))
          ((com.fasterxml.jackson.databind.node.ArrayNode) sub.get("validation_messages"))
              .addObject()
              .put("field", "title")
              .put("text", "Title is too short")
              .put("source", "page");
    TestPlan plan =
        new TestModelBuilder(
                json.treeToValue(
                    tree, io.testgen.common.agents.observation.ObservationResult.class))
            .build(new RequirementsResult(EvolutionInputs.notesScenarios(), null, null), null);
    assertThat(byId(plan.candidates())).doesNotContainKey("REQ-FORM-note-HAPPY");
    assertThat(plan.pending())
        .extracting(p -> p.scenario().scenarioId())
        .contains("REQ-FORM-note-HAPPY");
  }

  @Test
  void requiredFieldTestLeavesTheFieldEmptyAndExpectsTheObservedMessage() {
    GeneratedTest test = byId(plan().candidates()).get("REQ-FORM-note-REQUIRED-title");
    assertThat(steps(test))
        .containsExactly(
            "goto \"/notes\"",
            "fill label=\"Body\" \"No title\"",
            "click role=button[name=\"Add note\"]",
            "expect_visible text=\"Title is required\"",
            "expect_url \"/notes\"");
  }

  @Test
  void navigationSearchRenderAndAccessibilityTests() {
    Map<String, GeneratedTest> tests = byId(plan().candidates());
    assertThat(steps(tests.get("REQ-NAV-home-notes")))
        .containsExactly(
            "goto \"/\"",
            "click role=link[name=\"All notes\"]",
            "expect_url \"/notes\"",
            "expect_title \"Notes · Notes\"",
            "expect_visible role=heading[name=\"Notes\"]");
    assertThat(steps(tests.get("REQ-SEARCH-search-MISS")))
        .containsExactly(
            "goto \"/\"",
            "fill label=\"Search notes\" \"zzzz\"",
            "click role=button[name=\"Search\"]",
            "expect_url \"/search\"",
            "expect_visible text=\"No notes match\"");
    assertThat(steps(tests.get("REQ-RENDER-home")))
        .containsExactly(
            "goto \"/\"",
            "expect_title \"Home · Notes\"",
            "expect_visible role=heading[name=\"Notes app\"]");
    assertThat(steps(tests.get("REQ-A11Y-home")))
        .containsExactly(
            "goto \"/\"", "expect_count css=html[lang] \"1\"", "expect_count css=h1 \"1\"");
  }

  @Test
  void securityProbesWaitForTheirLiveRunAndNothingIsSkipped() {
    TestPlan plan = plan();
    assertThat(plan.skipped()).isEmpty();
    assertThat(plan.pending())
        .extracting(p -> p.scenario().scenarioId())
        .containsExactly("REQ-SEC-note-XSS");
    assertThat(plan.pending().get(0).run().expect()).isEqualTo(LiveRun.Expect.SCRIPT_NOT_RUN);
    assertThat(plan.pending().get(0).run().field().name()).isEqualTo("title");
    assertThat(plan.candidates()).hasSize(8);
  }

  @Test
  void credentialsBecomeEnvironmentReadsNeverValues() {
    TestStep step =
        Steps.fill(
            List.of(EvolutionInputs.label("Password")), null, "TESTGEN_PASSWORD", "'Password'");
    assertThat(TestData.environmentVariable("${TESTGEN_PASSWORD}")).isEqualTo("TESTGEN_PASSWORD");
    assertThat(TestData.environmentVariable("plain")).isNull();
    assertThat(Steps.describe(step)).isEqualTo("fill label=\"Password\" ${TESTGEN_PASSWORD}");
    assertThat(UrlPattern.forPath("/a.b/c"))
        .isEqualTo("^[a-z]+:\\/\\/[^\\/]+\\/a\\.b\\/c(?:[?#].*)?$");
  }

  @Test
  void gotoKeepsQueryAndHashRouteButNotAnchors() {
    assertThat(TestModelBuilder.pathWithQuery("http://h:1/app/list?page=2#/active"))
        .isEqualTo("/app/list?page=2#/active");
    assertThat(TestModelBuilder.pathWithQuery("http://h:1/docs#section-2")).isEqualTo("/docs");
    assertThat(TestModelBuilder.pathWithQuery("http://h:1")).isEqualTo("/");
    assertThat(TestModelBuilder.pathOnly("http://h:1/search?q=x")).isEqualTo("/search");
  }
}
