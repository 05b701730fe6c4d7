package io.testgen.worker.evolution;

import static org.assertj.core.api.Assertions.assertThat;

import io.testgen.common.agents.evolution.EvolutionResult;
import io.testgen.common.agents.evolution.GeneratedTest;
import io.testgen.common.agents.observation.FormInfo;
import io.testgen.common.agents.observation.ObservationResult;
import io.testgen.common.agents.requirements.RequirementsResult;
import io.testgen.common.security.LoginCredentials;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The login form's own scenarios run signed out: on the corpus' admin app (signed in, an app sends
 * its login page to the dashboard), the login page's render test and the login form's
 * required-field checks were skipped because every test signed in first; they are verified tests
 * now, and none of them signs in before its own steps.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class LoginPageScenariosTest {
  @TempDir Path dir;

  @Test
  void theLoginPageAndItsFormAreTestedSignedOut() {
    try (CorpusRun corpus = CorpusRun.open("admin", dir, "wf-login")) {
      InProcessPipeline pipeline = corpus.pipeline;
      String start = corpus.start();
      LoginCredentials login = corpus.login("/admin/login/");
      ObservationResult observation = pipeline.crawl(start, 1, 12, login);
      FormInfo loginForm =
          observation.forms().stream()
              .filter(f -> "login".equals(f.purpose()))
              .findFirst()
              .orElseThrow();
      RequirementsResult requirements =
          pipeline.scenarios(
              observation,
              true,
              s ->
                  s.scenarioId().equals("REQ-RENDER-" + loginForm.stateId())
                      || s.scenarioId().equals("REQ-LOGIN-" + loginForm.formId() + "-FAILURE")
                      || (s.scenarioId().startsWith("REQ-FORM-" + loginForm.formId())
                          && s.scenarioId().contains("-REQUIRED-")));
      assertThat(requirements.scenarios()).hasSizeGreaterThanOrEqualTo(4);
      EvolutionResult result =
          pipeline.evolve(start, observation, requirements, login, EvolutionSettings.defaults());
      InProcessPipeline.print(result);
      List<GeneratedTest> tests = result.tests();
      assertThat(tests)
          .as("every login page scenario is a verified test")
          .allSatisfy(t -> assertThat(SuiteModel.inSuite(t.status())).as(t.title()).isTrue());
      GeneratedTest render =
          tests.stream()
              .filter(t -> t.scenarioId().startsWith("REQ-RENDER-"))
              .findFirst()
              .orElseThrow();
      assertThat(render.steps()).extracting(s -> s.action()).doesNotContain("fill", "click");
      // a wrong password, never tried by the crawl, is tried live: the app stays and says so
      GeneratedTest wrongPassword =
          tests.stream().filter(t -> t.scenarioId().endsWith("-FAILURE")).findFirst().orElseThrow();
      assertThat(wrongPassword.steps())
          .extracting(s -> s.action())
          .containsSubsequence("fill", "fill", "click", "expect_visible", "expect_url");
      for (GeneratedTest t : tests)
        assertThat(t.steps().stream().filter(s -> "click".equals(s.action())).count())
            .as("%s submits once, its own attempt", t.title())
            .isLessThanOrEqualTo(1);
    }
  }
}
