package io.testgen.worker.evolution;

import static org.assertj.core.api.Assertions.assertThat;

import io.testgen.common.agents.evolution.EvolutionResult;
import io.testgen.common.agents.evolution.GeneratedTest;
import io.testgen.common.agents.evolution.TestStep;
import io.testgen.common.agents.observation.ObservationResult;
import io.testgen.common.agents.requirements.RequirementsResult;
import io.testgen.testkit.sites.FixtureServer;
import io.testgen.testkit.sites.corpus.CorpusApp;
import io.testgen.testkit.sites.corpus.shop.ShopFaults;
import io.testgen.worker.mutation.TestRun;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A form's happy path proves what the app did, not only what it said: on the corpus' CRUD shop the
 * customer form's test asserts the values it typed on the record page it lands on, so a save
 * handler that drops the telephone (the shop's own hand-written fault, switched on in the app)
 * fails it while the healed app passes.
 */
@Timeout(value = 12, unit = TimeUnit.MINUTES)
class SubmittedValuesTest {
  @TempDir Path dir;

  @Test
  void customerFormsAssertTheirValuesOnTheRecordAndFailWhenTheAppDropsThem() {
    try (CorpusRun corpus = CorpusRun.open("crud-shop", dir, "wf-echo")) {
      CorpusApp app = corpus.app;
      FixtureServer site = corpus.site;
      InProcessPipeline pipeline = corpus.pipeline;
      ObservationResult observation = pipeline.crawl(site.url("/"), 4, 40, null);
      RequirementsResult requirements =
          pipeline.scenarios(
              observation,
              false,
              s -> s.scenarioId().startsWith("REQ-FORM-") && s.scenarioId().endsWith("-HAPPY"));
      EvolutionSettings settings = EvolutionSettings.defaults();
      EvolutionResult result =
          pipeline.evolve(site.url("/"), observation, requirements, null, settings);
      List<GeneratedTest> customerForms =
          result.tests().stream()
              .filter(t -> SuiteModel.inSuite(t.status()))
              .filter(t -> t.scenarioId().endsWith("-HAPPY") && typedPhone(t) != null)
              .toList();
      assertThat(customerForms).isNotEmpty();
      for (GeneratedTest t : customerForms)
        assertThat(t.steps())
            .as(t.title())
            .anySatisfy(
                s -> {
                  assertThat(s.action()).isEqualTo("expect_visible");
                  assertThat(s.locators().get(0).value()).isEqualTo(typedPhone(t));
                });

      TestRun run = MutationRuns.testRun(corpus.pool, site.url("/"), settings);
      for (GeneratedTest t : customerForms) assertThat(run.passes(t, page -> {})).isTrue();
      app.faults().inject(ShopFaults.SAVE_DROPS_PHONE);
      for (GeneratedTest t : customerForms)
        assertThat(run.passes(t, page -> {})).as(t.title()).isFalse();
      app.faults().heal();
      for (GeneratedTest t : customerForms) assertThat(run.passes(t, page -> {})).isTrue();

      // A form that makes a record names it uniquely and expects only what belongs to it: a text
      // carrying this run's name, or a value it typed (never another record's data, which other
      // tests change); the order form's test so fails when the shop drops the order it made.
      List<GeneratedTest> creating =
          result.tests().stream()
              .filter(t -> SuiteModel.inSuite(t.status()) && t.scenarioId().endsWith("-HAPPY"))
              .filter(t -> t.steps().stream().anyMatch(SubmittedValuesTest::typesUnique))
              .toList();
      assertThat(creating).extracting(GeneratedTest::title).hasSizeGreaterThanOrEqualTo(2);
      for (GeneratedTest t : creating) {
        List<String> typed =
            t.steps().stream().filter(s -> "fill".equals(s.action())).map(TestStep::value).toList();
        assertThat(t.steps())
            .as(t.title())
            .filteredOn(s -> "expect_visible".equals(s.action()))
            .isNotEmpty()
            .allSatisfy(
                s ->
                    assertThat(
                            s.locators().get(0).value().contains(TestData.UNIQUE)
                                || typed.contains(s.locators().get(0).value()))
                        .as(s.description())
                        .isTrue());
      }
      List<GeneratedTest> orders =
          creating.stream()
              .filter(
                  t ->
                      t.steps().stream()
                          .anyMatch(
                              s ->
                                  "goto".equals(s.action())
                                      && String.valueOf(s.value()).endsWith("/orders/new")))
              .toList();
      assertThat(orders).hasSize(1);
      assertThat(run.passes(orders.get(0), page -> {})).isTrue();
      app.faults().inject(ShopFaults.NEW_ORDER_LOST);
      assertThat(run.passes(orders.get(0), page -> {})).isFalse();
      app.faults().heal();
    }
  }

  private static boolean typesUnique(TestStep s) {
    return "fill".equals(s.action()) && s.value() != null && s.value().contains(TestData.UNIQUE);
  }

  /** The value a test types into the telephone field, or null. */
  private static String typedPhone(GeneratedTest t) {
    return t.steps().stream()
        .filter(s -> "fill".equals(s.action()))
        .filter(s -> s.description().toLowerCase().contains("telephone"))
        .map(TestStep::value)
        .findFirst()
        .orElse(null);
  }
}
