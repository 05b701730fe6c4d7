package io.testgen.worker.evolution;

import static org.assertj.core.api.Assertions.assertThat;

import io.testgen.common.agents.evolution.EvolutionResult;
import io.testgen.common.agents.evolution.GeneratedTest;
import io.testgen.common.agents.observation.FormInfo;
import io.testgen.common.agents.observation.ObservationResult;
import io.testgen.common.agents.observation.StateInfo;
import io.testgen.common.agents.requirements.RequirementsResult;
import io.testgen.common.agents.requirements.Scenario;
import io.testgen.common.security.LoginCredentials;
import io.testgen.testkit.sites.FixtureServer;
import io.testgen.testkit.sites.RecordedRequest;
import io.testgen.testkit.sites.corpus.GroundTruth;
import io.testgen.testkit.sites.corpus.admin.AdminApp;
import io.testgen.worker.mutation.TestRun;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that allows destructive actions tests the accounts and roles of the app, never the account
 * it signs in with: on the corpus' admin app, signed in as {@code admin} (user 1), the whole
 * pipeline in-process. The crawl submits the user and group forms but never admin's own password,
 * record or deletion, nor a delete of a record the app had; the user and group create forms become
 * verified tests (the username learnt from Django's "may contain only letters, numbers,
 * and @/./+/-/_" rule), deletes become round trips on users and groups the tests made, and the
 * forms of the signed-in account are skipped with a reason naming what the user can do. On the
 * hostile app (no login), its "Delete account" button is tested and the message it flashes
 * asserted.
 */
@Timeout(value = 14, unit = TimeUnit.MINUTES)
class AccountScenariosTest {
  private static final Pattern ACCOUNT_PAGE =
      Pattern.compile("^/admin/(auth/(user|group)/|password_change/).*");
  private static final Pattern OWN = Pattern.compile("^/admin/(password_change/|auth/user/1/).*");

  @TempDir Path dir;

  @Test
  void accountAndRoleFormsBecomeVerifiedTestsAndTheSignedInAccountIsLeftAlone() {
    try (CorpusRun corpus = CorpusRun.open("admin", dir, "wf-account")) {
      AdminApp app = (AdminApp) corpus.app;
      GroundTruth truth = corpus.truth;
      FixtureServer site = corpus.site;
      InProcessPipeline pipeline = corpus.pipeline.allowingDestructive();
      LoginCredentials login = corpus.login("/admin/login/");
      String start = corpus.start();
      int users = app.count("auth.user");
      int groups = app.count("auth.group");
      ObservationResult observation = pipeline.crawl(start, 3, 80, login);
      assertThat(truth.neverSent(site.requests())).isEmpty();
      Set<String> accountStates =
          observation.states().stream()
              .filter(s -> ACCOUNT_PAGE.matcher(path(s.url())).matches())
              .map(StateInfo::stateId)
              .collect(Collectors.toSet());
      // the functional scenarios the rules derive (fewer than the cap of 100, so the low ones
      // stay), then only the account pages' happy paths and deletes
      RequirementsResult all = pipeline.requirements(observation, 100, true, List.of("functional"));
      assertThat(all.scenarios()).hasSizeLessThan(100);
      RequirementsResult requirements =
          new RequirementsResult(
              all.scenarios().stream()
                  .filter(
                      s ->
                          (s.scenarioId().endsWith("-HAPPY")
                                  || s.scenarioId().startsWith("REQ-DELETE-"))
                              && s.evidence().stateIds().stream().anyMatch(accountStates::contains))
                  .toList(),
              all.coverage(),
              all.llm());
      requirements
          .scenarios()
          .forEach(
              s ->
                  System.out.println(
                      "SCENARIO " + s.scenarioId() + " " + s.title() + " " + s.priority()));
      Set<String> ownForms =
          observation.forms().stream()
              .filter(f -> FormInfo.OWN_ACCOUNT.equals(f.purpose()))
              .map(FormInfo::formId)
              .collect(Collectors.toSet());
      assertThat(ownForms).isNotEmpty();
      List<Scenario> ownScenarios =
          requirements.scenarios().stream()
              .filter(s -> s.evidence().formIds().stream().anyMatch(ownForms::contains))
              .toList();
      assertThat(ownScenarios).isNotEmpty().allMatch(s -> s.priority().equals("low"));
      site.clearRequests();
      EvolutionResult result =
          pipeline.evolve(start, observation, requirements, login, EvolutionSettings.defaults());
      InProcessPipeline.print(result);
      // the signed-in account's forms are neither run nor tested, and the reason says what to do
      assertThat(result.tests())
          .filteredOn(
              t -> ownScenarios.stream().anyMatch(s -> s.scenarioId().equals(t.scenarioId())))
          .isNotEmpty()
          .allSatisfy(
              t -> {
                assertThat(t.status()).isEqualTo("skipped");
                assertThat(t.failure().error()).contains("signs in with", "throwaway account");
              });
      assertThat(site.requests())
          .noneMatch(r -> r.method().equals("POST") && OWN.matcher(r.path()).matches());
      // every delete hit a user or group made during this run
      Pattern delete = Pattern.compile("^/admin/auth/(user|group)/([0-9]+)/delete/$");
      List<RecordedRequest> deletes =
          site.requests().stream()
              .filter(r -> r.method().equals("POST") && delete.matcher(r.path()).matches())
              .toList();
      assertThat(deletes).isNotEmpty();
      for (RecordedRequest r : deletes) {
        Matcher m = delete.matcher(r.path());
        assertThat(m.matches()).isTrue();
        int held = m.group(1).equals("user") ? users : groups;
        assertThat(Integer.parseInt(m.group(2))).as(r.path()).isGreaterThan(held);
      }
      List<GeneratedTest> proven =
          result.tests().stream().filter(t -> SuiteModel.inSuite(t.status())).toList();
      site.clearRequests();
      TestRun run = pipeline.signedInRun(site.url("/"), login, EvolutionSettings.defaults());
      for (GeneratedTest t : proven) assertThat(run.passes(t, page -> {})).as(t.title()).isTrue();
      assertThat(truth.exercised(site.requests()))
          .extracting(GroundTruth.Feature::id)
          .contains("add-user", "delete-user", "add-group", "delete-group");
    }
  }

  @Test
  void aDeleteAccountButtonIsTestedWhenTheRunAllowsItAndAssertsWhatTheAppSays() {
    try (CorpusRun corpus = CorpusRun.open("hostile", dir, "wf-delete-account")) {
      InProcessPipeline pipeline = corpus.pipeline.allowingDestructive();
      String start = corpus.start();
      ObservationResult observation = pipeline.crawl(start, 2, 20, null);
      RequirementsResult requirements =
          pipeline.scenarios(
              observation,
              false,
              s -> s.scenarioId().endsWith("-HAPPY") && s.tags().contains("delete"));
      assertThat(requirements.scenarios())
          .extracting(Scenario::title)
          .containsExactly("Delete form on 'Hostile' accepts valid input");
      EvolutionResult result =
          pipeline.evolve(start, observation, requirements, null, EvolutionSettings.defaults());
      InProcessPipeline.print(result);
      GeneratedTest test = result.tests().get(0);
      assertThat(test.status()).isEqualTo("passed");
      assertThat(test.steps())
          .extracting(Steps::describe)
          .containsExactly(
              "goto \"/\"",
              "click role=button[name=\"Delete account\"]",
              "expect_visible text=\"Your account has been deleted.\"");
      corpus.site.clearRequests();
      TestRun run = pipeline.signedInRun(corpus.site.url("/"), null, EvolutionSettings.defaults());
      assertThat(run.passes(test, page -> {})).isTrue();
      assertThat(corpus.truth.exercised(corpus.site.requests()))
          .extracting(GroundTruth.Feature::id)
          .contains("delete-account");
    }
  }

  private static String path(String url) {
    return URI.create(url).getPath();
  }
}
