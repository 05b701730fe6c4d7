package io.testgen.worker.evolution;

import static org.assertj.core.api.Assertions.assertThat;

import io.testgen.common.agents.evolution.EvolutionResult;
import io.testgen.common.agents.evolution.GeneratedTest;
import io.testgen.common.agents.observation.ObservationResult;
import io.testgen.common.agents.requirements.RequirementsResult;
import io.testgen.common.security.LoginCredentials;
import io.testgen.testkit.sites.FixtureServer;
import io.testgen.testkit.sites.RecordedRequest;
import io.testgen.testkit.sites.corpus.GroundTruth;
import io.testgen.testkit.sites.corpus.admin.AdminApp;
import io.testgen.worker.mutation.TestRun;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A delete becomes a proven test without deleting anything the app had: on the corpus' admin app,
 * signed in as {@code admin}, the whole pipeline in-process. The crawl never follows a "Delete"
 * link; each collection with one becomes a round trip (create a book or author with a unique name,
 * open it by that name, follow its "Delete" link, confirm on the page that asks) that is verified,
 * then run once more against a clean request log, where the ground truth's requests prove the
 * delete features. Every delete hits a record made during the run; a proven round trip leaves the
 * app with as many books and authors as before it.
 */
@Timeout(value = 12, unit = TimeUnit.MINUTES)
class DeleteRoundTripTest {
  @TempDir Path dir;

  @Test
  void eachDeleteBecomesAVerifiedRoundTripOnARecordTheTestCreated() {
    try (CorpusRun corpus = CorpusRun.open("admin", dir, "wf-del")) {
      AdminApp app = (AdminApp) corpus.app;
      GroundTruth truth = corpus.truth;
      FixtureServer site = corpus.site;
      InProcessPipeline pipeline = corpus.pipeline;
      LoginCredentials login = corpus.login("/admin/login/");
      String start = corpus.start();
      // ids count up from 1: a record with a higher id than the app held at the start is one a
      // crawl or a test made
      Map<String, Integer> held =
          Map.of("book", app.count("library.book"), "author", app.count("library.author"));
      ObservationResult observation = pipeline.crawl(start, 4, 60, login);
      assertThat(site.requests())
          .noneMatch(r -> r.method().equals("POST") && r.path().endsWith("/delete/"));
      RequirementsResult requirements =
          pipeline.scenarios(observation, true, s -> s.scenarioId().startsWith("REQ-DELETE-"));
      assertThat(requirements.scenarios())
          .extracting(s -> s.title())
          .containsExactlyInAnyOrder(
              "Deleting a record made on 'Add book | Library site admin' removes it",
              "Deleting a record made on 'Add author | Library site admin' removes it");
      EvolutionSettings settings = EvolutionSettings.defaults();
      EvolutionResult result = pipeline.evolve(start, observation, requirements, login, settings);
      InProcessPipeline.print(result);
      List<GeneratedTest> proven =
          result.tests().stream().filter(t -> SuiteModel.inSuite(t.status())).toList();
      assertThat(proven).hasSize(2);
      // create, open the record by its own name, follow its delete link, confirm; then the checks
      assertThat(proven)
          .allSatisfy(
              t ->
                  assertThat(t.steps())
                      .extracting(s -> s.action())
                      .endsWith(
                          "click",
                          "click",
                          "click",
                          "click",
                          "expect_url",
                          "expect_visible",
                          "expect_count"));
      // no record the app held was deleted: every delete (learning and verification included)
      // hit a record made during this run
      Pattern delete = Pattern.compile("^/admin/library/(book|author)/([0-9]+)/delete/$");
      List<RecordedRequest> deletes =
          site.requests().stream()
              .filter(r -> r.method().equals("POST") && delete.matcher(r.path()).matches())
              .toList();
      assertThat(deletes).isNotEmpty();
      for (RecordedRequest r : deletes) {
        Matcher m = delete.matcher(r.path());
        assertThat(m.matches()).isTrue();
        assertThat(Integer.parseInt(m.group(2))).as(r.path()).isGreaterThan(held.get(m.group(1)));
      }
      int books = app.count("library.book");
      int authors = app.count("library.author");
      site.clearRequests();
      TestRun run = pipeline.signedInRun(site.url("/"), login, settings);
      for (GeneratedTest t : proven) assertThat(run.passes(t, page -> {})).as(t.title()).isTrue();
      assertThat(truth.exercised(site.requests()))
          .extracting(GroundTruth.Feature::id)
          .contains("add-book", "delete-book", "add-author", "delete-author");
      assertThat(app.count("library.book")).isEqualTo(books);
      assertThat(app.count("library.author")).isEqualTo(authors);
    }
  }
}
