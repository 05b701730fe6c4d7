package io.testgen.worker.evolution;

import static org.assertj.core.api.Assertions.assertThat;

import io.testgen.common.agents.evolution.EvolutionResult;
import io.testgen.common.agents.evolution.GeneratedTest;
import io.testgen.common.agents.observation.ObservationResult;
import io.testgen.common.agents.requirements.RequirementsResult;
import io.testgen.common.security.LoginCredentials;
import io.testgen.testkit.sites.FixtureServer;
import io.testgen.testkit.sites.corpus.CorpusApp;
import io.testgen.testkit.sites.corpus.GroundTruth;
import io.testgen.testkit.sites.corpus.admin.AdminApp;
import io.testgen.worker.mutation.TestRun;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A list's filters and a session's end become proven tests: on the corpus' admin app, signed in as
 * {@code admin}, the whole pipeline in-process; the query-link tests (filter, next page) and the
 * sign-out test are verified, then run once more against a clean request log, where the ground
 * truth's requests prove the features they claim. Signing out happens only in the tests' own
 * sessions: the crawl never sends it. A filter's test, learnt live, expects a record the filter
 * leaves out to be gone, so a filter that lists every row (the admin's hand-written fault) fails
 * it; the books' next page expects another first row than page one showed when the test ran, so it
 * passes after others add books and fails on a list that ignores its page number; the sign-out test
 * opens the signed-in page again and expects the login page, so a logout that keeps the session
 * fails it.
 */
@Timeout(value = 12, unit = TimeUnit.MINUTES)
class ListAndSessionScenariosTest {
  @TempDir Path dir;

  @Test
  void theAdminsFiltersAndSignOutBecomeVerifiedTestsThatProveTheFeatures() {
    try (CorpusRun corpus = CorpusRun.open("admin", dir, "wf-list")) {
      CorpusApp app = corpus.app;
      GroundTruth truth = corpus.truth;
      FixtureServer site = corpus.site;
      InProcessPipeline pipeline = corpus.pipeline;
      LoginCredentials login = corpus.login("/admin/login/");
      String start = corpus.start();
      ObservationResult observation = pipeline.crawl(start, 3, 60, login);
      assertThat(site.requests())
          .noneMatch(r -> r.method().equals("POST") && r.path().equals("/admin/logout/"));
      // only these scenarios go on to Evolution: the other generators have tests of their own
      RequirementsResult requirements =
          pipeline.scenarios(
              observation,
              true,
              s ->
                  s.scenarioId().startsWith("REQ-QUERY-")
                      || s.scenarioId().startsWith("REQ-LOGOUT-"));
      assertThat(requirements.scenarios())
          .extracting(s -> s.testData().getOrDefault("parameters", "logout"))
          .contains("genre", "country", "logout");
      EvolutionSettings settings = EvolutionSettings.defaults();
      EvolutionResult result = pipeline.evolve(start, observation, requirements, login, settings);
      InProcessPipeline.print(result);
      List<GeneratedTest> proven =
          result.tests().stream().filter(t -> SuiteModel.inSuite(t.status())).toList();
      // the sign-out test asserts where the app went and what it said, learned live, and that the
      // session is over: the page it signed in to see sends it to the login page
      assertThat(proven).filteredOn(t -> t.scenarioId().startsWith("REQ-LOGOUT-")).hasSize(1);
      GeneratedTest signOut =
          proven.stream()
              .filter(t -> t.scenarioId().startsWith("REQ-LOGOUT-"))
              .findFirst()
              .orElseThrow();
      assertThat(signOut.steps())
          .extracting(s -> s.action())
          .containsSubsequence("click", "expect_url", "expect_visible");
      assertThat(signOut.steps().subList(signOut.steps().size() - 2, signOut.steps().size()))
          .extracting(Steps::describe)
          .containsExactly("goto \"/admin/\"", "expect_url \"/admin/login/\"");
      List<GeneratedTest> filters =
          proven.stream()
              .filter(t -> t.scenarioId().startsWith("REQ-QUERY-"))
              .filter(t -> t.title().contains("genre=") || t.title().contains("country="))
              .toList();
      assertThat(filters)
          .allSatisfy(
              t ->
                  assertThat(t.steps())
                      .extracting(s -> s.action())
                      .containsSubsequence("click", "expect_url", "expect_hidden"));
      assertThat(filters).isNotEmpty();
      // the books' next page: the list's first row remembered when the test runs, another expected
      GeneratedTest nextPage =
          proven.stream()
              .filter(t -> t.scenarioId().startsWith("REQ-QUERY-"))
              .filter(t -> t.title().contains("p=2"))
              .findFirst()
              .orElseThrow();
      assertThat(nextPage.steps())
          .extracting(s -> s.action())
          .containsSubsequence(
              "remember_text", "click", "expect_url", "expect_visible", "expect_changed_text")
          .doesNotContain("expect_hidden");
      site.clearRequests();
      TestRun run = pipeline.signedInRun(site.url("/"), login, settings);
      for (GeneratedTest t : proven) assertThat(run.passes(t, page -> {})).as(t.title()).isTrue();
      // every filter test starts on the list's first page, even one the crawl found on page two:
      // there the record it expects gone is one the filter leaves out (from page two it may be
      // one the filter's first page never shows: that test could not tell)
      assertThat(filters)
          .allSatisfy(
              t ->
                  assertThat(t.steps())
                      .filteredOn(s -> s.action().equals("goto"))
                      .extracting(s -> s.value())
                      .noneMatch(v -> v.contains("p=")));
      app.faults().inject("filter-shows-all-rows");
      assertThat(filters)
          .allSatisfy(t -> assertThat(run.passes(t, page -> {})).as(t.title()).isFalse());
      app.faults().heal();
      app.faults().inject("page-two-shows-page-one");
      assertThat(run.passes(nextPage, page -> {})).isFalse();
      app.faults().heal();
      app.faults().inject("logout-keeps-session");
      assertThat(run.passes(signOut, page -> {})).isFalse();
      app.faults().heal();
      // other tests add records while a suite runs (a page of them, each in every genre and
      // country): a filter's test asserts a row it leaves out, never rows a list may push away
      AdminApp admin = (AdminApp) app;
      for (int i = 0; i < 11; i++) {
        admin.insert(
            "library.book",
            java.util.Map.of(
                "title",
                "Other book " + i,
                "genre",
                i % 2 == 0 ? "fantasy" : "history",
                "published",
                "2001-01-01"));
        admin.insert(
            "library.author",
            java.util.Map.of(
                "name", "Other author " + i, "country", "France", "born", "1950-01-01"));
      }
      for (GeneratedTest t : filters) assertThat(run.passes(t, page -> {})).as(t.title()).isTrue();
      assertThat(run.passes(nextPage, page -> {})).isTrue();
      assertThat(truth.exercised(site.requests()))
          .extracting(GroundTruth.Feature::id)
          .contains("filter-books", "filter-authors", "paginate-books", "logout");
    }
  }
}
