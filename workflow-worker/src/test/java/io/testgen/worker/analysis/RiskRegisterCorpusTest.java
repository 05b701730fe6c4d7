package io.testgen.worker.analysis;

import static io.testgen.common.agents.observation.ObservationIndex.orEmpty;
import static org.assertj.core.api.Assertions.assertThat;

import io.testgen.common.agents.observation.FieldInfo;
import io.testgen.common.agents.observation.FormInfo;
import io.testgen.common.agents.observation.ObservationIndex;
import io.testgen.common.agents.requirements.Scenario;
import io.testgen.common.agents.requirements.ScenarioVocabulary;
import io.testgen.testkit.sites.corpus.CorpusApps;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The risk register agrees with what a product owner wrote down: each corpus app is crawled once in
 * real Chromium, its scenarios derived and ranked, and each scenario tied to the ground-truth
 * features it tests ({@link ScenarioFeatures}). On every app, every critical feature's scenarios
 * rank above every low one, and the top five are scenarios of critical or high features (all of
 * them, where the crawl found fewer than five). No app gets a scenario twice.
 */
@Timeout(value = 1500, unit = TimeUnit.SECONDS)
class RiskRegisterCorpusTest {
  private static final int TOP = 5;

  /** Depth and page budget per app: small, enough to reach forms that write. */
  private static final Map<String, int[]> BUDGETS =
      Map.of(
          "crud-shop", new int[] {4, 40},
          "todo-spa", new int[] {3, 12},
          "todo-wc", new int[] {3, 12},
          "admin", new int[] {3, 40},
          "hostile", new int[] {2, 15});

  private static CorpusPipeline pipeline;
  private static final Map<String, List<ScenarioFeatures.Mapped>> REGISTERS = new LinkedHashMap<>();
  private static final Map<String, CorpusPipeline.Run> RUNS = new LinkedHashMap<>();

  @BeforeAll
  static void crawlEveryCorpusAppOnce() {
    pipeline = new CorpusPipeline();
    for (String app : CorpusApps.all().keySet()) {
      int[] budget = BUDGETS.get(app);
      CorpusPipeline.Run run = pipeline.corpus(app, budget[0], budget[1]);
      RUNS.put(app, run);
      REGISTERS.put(app, register(run));
      print(app, REGISTERS.get(app));
    }
  }

  @AfterAll
  static void closeBrowser() {
    if (pipeline != null) pipeline.close();
  }

  private static List<ScenarioFeatures.Mapped> register(CorpusPipeline.Run run) {
    ScenarioFeatures features =
        new ScenarioFeatures(run.truth(), new ObservationIndex(run.observation()));
    Map<String, Scenario> byId =
        run.requirements().scenarios().stream()
            .collect(Collectors.toMap(Scenario::scenarioId, Function.identity()));
    List<ScenarioFeatures.Mapped> register = new ArrayList<>();
    List<String> ranking = run.analysis().ranking();
    for (int i = 0; i < ranking.size(); i++) {
      register.add(features.map(byId.get(ranking.get(i)), i + 1));
    }
    return register;
  }

  private static void print(String app, List<ScenarioFeatures.Mapped> register) {
    System.out.printf(
        "risk register %s: %d scenarios; critical at %s; high at %s; low at %s; top %d %s%n",
        app,
        register.size(),
        ranks(register, ScenarioVocabulary.CRITICAL),
        ranks(register, ScenarioVocabulary.HIGH),
        ranks(register, ScenarioVocabulary.LOW),
        TOP,
        register.stream().limit(TOP).map(m -> m.risk() + ":" + m.featureIds()).toList());
    register.forEach(
        m ->
            System.out.printf(
                "  %3d %-8s %-30s %s%n",
                m.rank(), m.risk(), m.featureIds(), m.scenario().scenarioId()));
  }

  private static List<Integer> ranks(List<ScenarioFeatures.Mapped> register, String risk) {
    return register.stream()
        .filter(m -> risk.equals(m.risk()))
        .map(ScenarioFeatures.Mapped::rank)
        .toList();
  }

  @Test
  void everyCriticalFeatureRanksAboveEveryLowOne() {
    Map<String, String> disagreements = new LinkedHashMap<>();
    REGISTERS.forEach(
        (app, register) -> {
          List<Integer> critical = ranks(register, ScenarioVocabulary.CRITICAL);
          List<Integer> low = ranks(register, ScenarioVocabulary.LOW);
          if (!critical.isEmpty()
              && !low.isEmpty()
              && critical.stream().mapToInt(i -> i).max().getAsInt()
                  > low.stream().mapToInt(i -> i).min().getAsInt()) {
            disagreements.put(app, "critical at " + critical + ", low at " + low);
          }
        });
    assertThat(disagreements).isEmpty();
    // not vacuous: the crawls found critical features beside low ones
    assertThat(REGISTERS.get("admin")).anyMatch(m -> ScenarioVocabulary.CRITICAL.equals(m.risk()));
    assertThat(REGISTERS.get("hostile"))
        .anyMatch(m -> ScenarioVocabulary.CRITICAL.equals(m.risk()));
  }

  @Test
  void theTopFiveAreScenariosOfCriticalOrHighFeatures() {
    Map<String, List<String>> disagreements = new LinkedHashMap<>();
    REGISTERS.forEach(
        (app, register) -> {
          long available =
              register.stream().filter(ScenarioFeatures.Mapped::criticalOrHigh).count();
          assertThat(available).as("%s: scenarios of critical or high features", app).isPositive();
          List<String> wrong =
              register.stream()
                  .limit(Math.min(TOP, available))
                  .filter(m -> !m.criticalOrHigh())
                  .map(m -> m.rank() + " " + m.scenario().scenarioId() + " " + m.risk())
                  .toList();
          if (!wrong.isEmpty()) disagreements.put(app, wrong);
        });
    assertThat(disagreements).isEmpty();
  }

  @Test
  void aFormOnSeveralPagesGetsOneScenarioSet() {
    int shared = 0;
    for (CorpusPipeline.Run run : RUNS.values()) {
      Map<String, List<String>> copies = new LinkedHashMap<>();
      for (FormInfo form : run.observation().forms()) {
        copies.computeIfAbsent(signature(form), k -> new ArrayList<>()).add(form.formId());
      }
      for (List<String> formIds : copies.values()) {
        if (formIds.size() < 2) continue;
        shared++;
        List<Scenario> about =
            run.requirements().scenarios().stream()
                .filter(s -> orEmpty(s.evidence().formIds()).stream().anyMatch(formIds::contains))
                .toList();
        assertThat(about).as("%s scenarios of %s", run.app(), formIds).isNotEmpty();
        for (Scenario s : about) {
          assertThat(s.evidence().formIds()).as(s.scenarioId()).containsAll(formIds);
        }
        Set<String> kinds = new HashSet<>();
        for (Scenario s : about) {
          String kind = s.scenarioId().replaceFirst("F-[0-9a-f]+-[0-9-]+", "F");
          assertThat(kinds.add(kind)).as("%s: %s twice", run.app(), kind).isTrue();
        }
      }
    }
    assertThat(shared).as("forms seen on two pages or more").isPositive();
  }

  @Test
  void noAppGetsAScenarioTwice() {
    for (CorpusPipeline.Run run : RUNS.values()) {
      List<Scenario> scenarios = run.requirements().scenarios();
      assertThat(scenarios).extracting(Scenario::scenarioId).doesNotHaveDuplicates();
      ObservationIndex index = new ObservationIndex(run.observation());
      assertThat(scenarios)
          .as("%s: the same steps and data on the same target", run.app())
          .extracting(
              s ->
                  List.of(
                      s.scenarioType(), s.when(), s.then(), s.testData(), target(run, index, s)))
          .doesNotHaveDuplicates();
      assertThat(
              scenarios.stream()
                  .filter(s -> ScenarioVocabulary.ACCESSIBILITY.equals(s.scenarioType()))
                  .map(s -> template(run, index, s)))
          .as("%s: accessibility checks per page template", run.app())
          .doesNotHaveDuplicates();
    }
  }

  /** What a scenario acts on: its form (records of one kind alike), else its page template. */
  private static String target(CorpusPipeline.Run run, ObservationIndex index, Scenario s) {
    return orEmpty(s.evidence().formIds()).stream()
        .map(index::form)
        .flatMap(java.util.Optional::stream)
        .findFirst()
        .map(f -> signature(f).replaceAll("[0-9]+", "#"))
        .orElseGet(() -> template(run, index, s) + " " + orEmpty(s.given()));
  }

  /** The ground-truth template of a scenario's first state, or its URL when none matches. */
  private static String template(CorpusPipeline.Run run, ObservationIndex index, Scenario s) {
    return index
        .state(s.evidence().stateIds().get(0))
        .map(
            state -> {
              URI url = URI.create(state.url());
              String heading = state.headings().isEmpty() ? null : state.headings().get(0).text();
              var t = run.truth().templateOf(url.getPath(), url.getFragment(), heading);
              return t == null ? state.url() : t.id();
            })
        .orElse(s.scenarioId());
  }

  private static String signature(FormInfo form) {
    String action = form.action() == null ? "" : URI.create(form.action()).getPath();
    return form.method()
        + " "
        + action
        + " "
        + orEmpty(form.fields()).stream().map(FieldInfo::name).sorted().toList();
  }
}
