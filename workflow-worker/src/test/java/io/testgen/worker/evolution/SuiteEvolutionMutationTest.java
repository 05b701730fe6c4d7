package io.testgen.worker.evolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.testgen.common.agents.evolution.EvolutionRequest;
import io.testgen.common.agents.evolution.EvolutionResult;
import io.testgen.common.agents.evolution.GeneratedTest;
import io.testgen.common.agents.evolution.MutationReport;
import io.testgen.common.agents.requirements.RequirementsResult;
import io.testgen.common.workflow.Agent;
import io.testgen.testkit.sites.FixtureServer;
import io.testgen.testkit.sites.evolution.NotesSite;
import io.testgen.worker.artifacts.ArtifactStore;
import io.testgen.worker.browser.BrowserPool;
import io.testgen.worker.browser.TestBrowsers;
import io.testgen.worker.progress.AgentProgressReporter;
import io.testgen.worker.requirements.RecordingProgressPublisher;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Evolution measures its verified suite's oracle strength after verification, within a budget. */
@Timeout(value = 420, unit = TimeUnit.SECONDS)
class SuiteEvolutionMutationTest {
  static final BrowserPool pool = TestBrowsers.shared();
  static FixtureServer site;
  @TempDir static Path artifactsDir;
  static ArtifactStore artifacts;
  static SuiteEvolution evolution;

  @BeforeAll
  static void start() {
    site = NotesSite.install(FixtureServer.start());
    artifacts = new ArtifactStore(artifactsDir);
    evolution =
        new SuiteEvolution(pool, artifacts, EvolutionSettings.defaults().withParallelContexts(2));
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  static EvolutionRequest request(String wf, Integer budgetSeconds) {
    String b = site.baseUrl();
    return EvolutionInputs.inline(
        wf,
        b + "/",
        EvolutionInputs.notesObservation(b),
        new RequirementsResult(EvolutionInputs.notesScenarios(), null, null),
        null,
        null,
        null,
        1,
        1,
        budgetSeconds);
  }

  @Test
  void suiteIsMeasuredAfterVerificationAndReported() {
    RecordingProgressPublisher events = new RecordingProgressPublisher();
    EvolutionResult result =
        evolution.evolve(
            request("wf-mutation-on", 60),
            new AgentProgressReporter(events, "wf-mutation-on", Agent.EVOLUTION),
            SuiteEvolution.Heartbeat.NONE);

    MutationReport m = result.mutation();
    assertThat(m).isNotNull();
    // how many faults fit into the budget depends on the machine's load; none is counted twice
    assertThat(m.injected()).isEqualTo(m.faults().size()).isPositive();
    assertThat(m.killed() + m.survived() + m.discarded()).isEqualTo(m.injected());
    assertThat(m.killed()).isPositive();
    assertThat(m.score())
        .isCloseTo((double) m.killed() / (m.injected() - m.discarded()), within(1e-9));
    Set<String> suite =
        result.tests().stream()
            .filter(t -> SuiteModel.inSuite(t.status()))
            .map(GeneratedTest::testId)
            .collect(Collectors.toSet());
    assertThat(suite).containsAll(m.killMatrix().keySet());
    assertThat(artifacts.exists(MutationRuns.reportRef("wf-mutation-on"))).isTrue();
    assertThat(events.events())
        .anySatisfy(e -> assertThat(e.data()).containsEntry("mutation_killed", m.killed()));
    // what strengthening added (how much fits the budget depends on the machine's load) is in the
    // report, the progress and both rendered suites
    assertThat(m.strengthened())
        .allSatisfy(s -> assertThat(m.killMatrix().get(s.testId())).contains(s.faultId()));
    if (m.scoreBefore() != null) assertThat(m.score()).isGreaterThanOrEqualTo(m.scoreBefore());
    assertThat(events.events())
        .anySatisfy(
            e ->
                assertThat(e.data())
                    .containsEntry("mutation_strengthened", m.strengthened().size()));
    String ts = unzipped(result.suites().get("playwright-ts"));
    String java = unzipped(result.suites().get("playwright-java"));
    for (MutationReport.Strengthened s : m.strengthened()) {
      assertThat(ts).contains(s.assertion());
      GeneratedTest test =
          result.tests().stream().filter(t -> t.testId().equals(s.testId())).findFirst().get();
      assertThat(java).contains(JavaStepStatements.statement(test.steps().get(s.stepIndex())));
    }
  }

  /** Every text file of a rendered suite's zip, one after another. */
  static String unzipped(String ref) {
    StringBuilder out = new StringBuilder();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(artifacts.read(ref)))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry())
        out.append(new String(zip.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  @Test
  void budgetZeroTurnsItOff() {
    EvolutionResult result =
        evolution.evolve(
            request("wf-mutation-off", 0),
            new AgentProgressReporter(
                new RecordingProgressPublisher(), "wf-mutation-off", Agent.EVOLUTION),
            SuiteEvolution.Heartbeat.NONE);
    assertThat(result.testCount()).isPositive();
    assertThat(result.mutation()).isNull();
    assertThat(artifacts.exists(MutationRuns.reportRef("wf-mutation-off"))).isFalse();
  }
}
