package io.testgen.worker.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.testgen.common.agents.analysis.RiskAssessment;
import io.testgen.common.agents.requirements.Scenario;
import io.testgen.common.agents.requirements.ScenarioVocabulary;
import io.testgen.testkit.sites.DemoSite;
import io.testgen.testkit.sites.FixtureServer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The demo app's risk register from a real crawl, Requirements and Analysis, printed as the
 * Markdown table the README shows (rank, scenario, S/O/D/RPN, reasons): the forms that write data
 * lead it (their happy paths first), cosmetic checks close it.
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class DemoSiteRiskRegisterTest {

  @Test
  void theFormsThatWriteLeadTheRegisterAndCosmeticChecksCloseIt() {
    CorpusPipeline.Run run;
    try (CorpusPipeline pipeline = new CorpusPipeline();
        FixtureServer site = DemoSite.install(FixtureServer.start())) {
      run = pipeline.site("demo", site.url("/"), 3, 30);
    }
    Map<String, Scenario> byId =
        run.requirements().scenarios().stream()
            .collect(Collectors.toMap(Scenario::scenarioId, Function.identity()));
    List<RiskAssessment> register = run.analysis().assessments();
    StringBuilder table =
        new StringBuilder(
            "| # | Scenario | S | O | D | RPN | Why |\n|---:|---|---:|---:|---:|---:|---|\n");
    for (RiskAssessment a : register) {
      table.append(
          String.format(
              "| %d | %s | %d | %d | %d | %d | %s |%n",
              a.rank(),
              byId.get(a.scenarioId()).title().replace("|", "\\|"),
              a.severity(),
              a.occurrence(),
              a.detection(),
              a.rpn(),
              String.join("; ", a.reasons()).replace("|", "\\|")));
    }
    System.out.println("demo risk register\n" + table);

    assertThat(register).isNotEmpty().allMatch(a -> !a.reasons().isEmpty());
    // the top five: scenarios of the forms that write data, their happy paths first
    assertThat(register.subList(0, 5))
        .allMatch(a -> a.reasons().stream().anyMatch(r -> r.contains("writes data")));
    assertThat(register.subList(0, 2))
        .allMatch(a -> a.severity() == 4 && a.scenarioId().endsWith("-HAPPY"));
    // every accessibility check ranks below every scenario of a form that writes
    int lastWrite =
        register.stream()
            .filter(a -> a.reasons().stream().anyMatch(r -> r.contains("writes data")))
            .mapToInt(RiskAssessment::rank)
            .max()
            .orElseThrow();
    int firstAccessibility =
        register.stream()
            .filter(
                a ->
                    ScenarioVocabulary.ACCESSIBILITY.equals(
                        byId.get(a.scenarioId()).scenarioType()))
            .mapToInt(RiskAssessment::rank)
            .min()
            .orElseThrow();
    assertThat(lastWrite).isLessThan(firstAccessibility);
  }
}
