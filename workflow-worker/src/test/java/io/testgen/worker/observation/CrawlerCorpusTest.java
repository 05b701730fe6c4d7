package io.testgen.worker.observation;

import static io.testgen.worker.observation.SharedBrowser.pathOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.testgen.common.agents.observation.FormInfo;
import io.testgen.common.agents.observation.ObservationRequest;
import io.testgen.common.agents.observation.ObservationResult;
import io.testgen.common.agents.observation.StateInfo;
import io.testgen.common.security.LoginCredentials;
import io.testgen.testkit.sites.FixtureServer;
import io.testgen.testkit.sites.RecordedRequest;
import io.testgen.testkit.sites.corpus.CorpusApp;
import io.testgen.testkit.sites.corpus.CorpusApps;
import io.testgen.testkit.sites.corpus.GroundTruth;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The crawler on the realistic corpus apps, judged by their ground truth. */
@Timeout(value = 900, unit = TimeUnit.SECONDS)
class CrawlerCorpusTest {

  private record Crawl(
      ObservationResult result, List<RecordedRequest> requests, GroundTruth truth) {}

  private static Crawl crawl(String app, int depth, int pages, boolean login) {
    return crawl(app, depth, pages, login, false);
  }

  private static Crawl crawl(
      String app, int depth, int pages, boolean login, boolean allowDestructive) {
    CorpusApp corpus = CorpusApps.create(app);
    GroundTruth truth = corpus.groundTruth();
    try (FixtureServer server = corpus.install(FixtureServer.start())) {
      LoginCredentials credentials =
          login
              ? new LoginCredentials(
                  truth.login().username(), truth.login().password(), "/admin/login/")
              : null;
      ObservationResult result =
          SharedBrowser.crawl(
              new ObservationRequest(
                  "wf-corpus-" + app,
                  server.url(truth.startPath()),
                  depth,
                  pages,
                  null,
                  credentials,
                  null,
                  allowDestructive));
      System.out.printf(
          "corpus app=%s pages=%d states=%d forms=%d writes=%d findings=%d coverage=%.2f ms=%d%n",
          app,
          result.stats().pagesVisited(),
          result.states().size(),
          result.forms().size(),
          result.writes().size(),
          result.findings().size(),
          truth.coverage(server.requests()),
          result.stats().durationMillis());
      return new Crawl(result, server.requests(), truth);
    }
  }

  /** Templates the crawl reached: as states (by path and main heading), or as error findings. */
  private static Set<String> templatesReached(Crawl c) {
    Set<String> reached = new TreeSet<>();
    for (StateInfo s : c.result().states()) {
      String heading = s.headings().isEmpty() ? null : s.headings().get(0).text();
      for (String url : s.instanceUrls()) {
        GroundTruth.Template t = c.truth().templateOf(URI.create(url).getPath(), heading);
        if (t != null) reached.add(t.id());
      }
    }
    c.result().findings().stream()
        .filter(f -> f.kind().equals("http_error") && f.url() != null)
        .forEach(
            f -> {
              GroundTruth.Template t = c.truth().templateOf(URI.create(f.url()).getPath());
              if (t != null) reached.add(t.id());
            });
    return reached;
  }

  /** Ground-truth forms found in the result (method and action path). */
  private static Set<String> formsReached(Crawl c, List<GroundTruth.Form> wanted) {
    Set<String> reached = new TreeSet<>();
    for (GroundTruth.Form want : wanted)
      for (FormInfo f : c.result().forms())
        if (f.method() != null
            && f.method().equalsIgnoreCase(want.method())
            && f.action() != null
            && URI.create(f.action()).getPath().matches(want.action())) reached.add(want.id());
    return reached;
  }

  @Test
  void crudShopEveryTemplateAndEveryFormIsReached() {
    Crawl c = crawl("crud-shop", 4, 80, false);
    Set<String> templates = templatesReached(c);
    Set<String> forms = formsReached(c, c.truth().forms());
    System.out.println("crud-shop templates=" + templates + " forms=" + forms);
    assertThat(templates)
        .containsAll(c.truth().templates().stream().map(GroundTruth.Template::id).toList());
    assertThat(forms).containsAll(c.truth().forms().stream().map(GroundTruth.Form::id).toList());
    // the state partition: no state mixes instances of two templates
    for (StateInfo s : c.result().states()) {
      String heading = s.headings().isEmpty() ? null : s.headings().get(0).text();
      Set<String> ids = new TreeSet<>();
      for (String url : s.instanceUrls()) {
        GroundTruth.Template t = c.truth().templateOf(URI.create(url).getPath(), heading);
        if (t != null) ids.add(t.id());
      }
      assertThat(ids).as("templates of state %s", s.instanceUrls()).hasSizeLessThanOrEqualTo(1);
    }
    // what forms lead to was explored: an empty search lists everyone, creations redirect
    assertThat(c.requests()).anyMatch(r -> "search-all".equals(r.outcome()));
    assertThat(c.result().writes()).isNotEmpty();
    assertThat(c.result().findings())
        .anyMatch(
            f -> f.kind().equals("http_error") && Integer.valueOf(500).equals(f.httpStatus()));
  }

  @Test
  void adminSignedInAsAdminReachesEveryChangelistAndFormAndSendsNothingForbidden() {
    Crawl c = crawl("admin", 3, 80, true);
    assertThat(c.result().loggedIn()).isTrue();
    Set<String> templates = templatesReached(c);
    List<GroundTruth.Form> addAndChange =
        c.truth().forms().stream()
            .filter(f -> f.template() != null && f.template().matches(".*-(add|change)"))
            .toList();
    Set<String> forms = formsReached(c, addAndChange);
    System.out.println("admin templates=" + templates + " forms=" + forms);
    assertThat(templates)
        .containsAll(
            c.truth().templates().stream()
                .map(GroundTruth.Template::id)
                .filter(id -> id.endsWith("-changelist"))
                .toList());
    assertThat(forms).containsAll(addAndChange.stream().map(GroundTruth.Form::id).toList());
    assertThat(c.truth().forbiddenSent(c.requests())).isEmpty();
    // every write the app received besides the login is listed
    List<String> posted =
        c.requests().stream()
            .filter(r -> !r.method().equals("GET") && !r.path().equals("/admin/login/"))
            .map(r -> r.method() + " " + r.path())
            .toList();
    assertThat(posted).isNotEmpty();
    assertThat(c.result().writes())
        .extracting(w -> w.method() + " " + pathOf(w.url()).replaceFirst("\\?.*", ""))
        .containsExactlyInAnyOrderElementsOf(posted);
    assertThat(c.result().forms()).filteredOn(f -> "logout".equals(f.purpose())).hasSize(1);
    String json = c.result().toString();
    assertThat(json).doesNotContain(c.truth().login().password()).contains("/admin/library/");
  }

  @Test
  void adminWithDestructiveAllowedSubmitsUserAndGroupFormsButNeverItsOwnAccountNorARecordsDelete() {
    Crawl c = crawl("admin", 3, 80, true, true);
    assertThat(c.result().loggedIn()).isTrue();
    List<String> posted =
        c.requests().stream()
            .filter(r -> !r.method().equals("GET"))
            .map(r -> r.method() + " " + r.path())
            .distinct()
            .toList();
    System.out.println("admin allow_destructive posted=" + posted);
    assertThat(c.truth().neverSent(c.requests())).isEmpty();
    assertThat(posted)
        .contains(
            "POST /admin/auth/user/add/",
            "POST /admin/auth/group/add/",
            "POST /admin/auth/user/2/change/",
            "POST /admin/auth/user/2/password/");
    // the crawl opened admin's own pages (user 1 is admin) and submitted none of their forms; the
    // password change is kept as the run's own form and refused
    assertThat(c.requests())
        .filteredOn(r -> r.method().equals("GET"))
        .extracting(RecordedRequest::path)
        .contains(
            "/admin/password_change/",
            "/admin/auth/user/1/change/",
            "/admin/auth/user/1/password/");
    assertThat(c.result().forms())
        .filteredOn(f -> FormInfo.OWN_ACCOUNT.equals(f.purpose()))
        .extracting(f -> pathOf(stateUrl(c, f.stateId())))
        .contains("/admin/password_change/");
    assertThat(c.result().findings())
        .filteredOn(f -> f.kind().equals("skipped_own_account"))
        .extracting(f -> pathOf(f.url()))
        .contains("/admin/password_change/");
    assertThat(c.result().findings())
        .filteredOn(f -> f.kind().equals("skipped_own_account"))
        .allSatisfy(
            f ->
                assertThat(f.detail())
                    .endsWith("(it would change the account this run signs in with)"));
    assertThat(c.result().forms())
        .filteredOn(f -> FormInfo.OWN_ACCOUNT.equals(f.purpose()))
        .allSatisfy(f -> assertThat(f.submissions()).isEmpty());
  }

  private static String stateUrl(Crawl c, String stateId) {
    return c.result().states().stream()
        .filter(s -> s.stateId().equals(stateId))
        .findFirst()
        .orElseThrow()
        .url();
  }

  @Test
  void todoSpaExploresItemsCompletionEditingAndFilters() {
    Crawl c = crawl("todo-spa", 3, 40, false);
    ObservationResult r = c.result();
    r.states()
        .forEach(
            s ->
                System.out.println(
                    "todo-spa state " + s.stateId() + " " + s.url() + " " + s.path()));
    assertThat(r.states()).anyMatch(s -> pathOf(s.url()).equals("/") && s.path().isEmpty());
    assertThat(r.states())
        .anyMatch(s -> s.path().size() == 1 && s.path().get(0).startsWith("press Enter"));
    assertThat(r.states())
        .anyMatch(s -> s.path().stream().anyMatch(p -> p.contains("double-click")));
    assertThat(r.states())
        .anyMatch(s -> s.path().stream().anyMatch(p -> p.equals("click the checkbox")));
    // the toggle-all checkbox is a 1 px transparent input drawn by its label: the label is clicked
    assertThat(r.states()).anyMatch(s -> s.path().contains("click 'Mark all as complete'"));
    assertThat(r.states())
        .anyMatch(s -> s.url().endsWith("#/active") || s.path().contains("click 'Active'"));
    assertThat(r.states())
        .anyMatch(s -> s.url().endsWith("#/completed") || s.path().contains("click 'Completed'"));
    assertThat(c.requests())
        .extracting(q -> q.method() + " " + q.path())
        .contains(
            "POST /__events/add",
            "POST /__events/toggle",
            "POST /__events/toggle-all",
            "POST /__events/edit-start",
            "POST /__events/filter-active",
            "POST /__events/filter-completed");
  }

  @Test
  void todoWebComponentsPierceOpenShadowRoots() {
    Crawl c = crawl("todo-wc", 3, 30, false);
    c.result()
        .states()
        .forEach(
            s ->
                System.out.println(
                    "todo-wc state " + s.stateId() + " " + s.url() + " " + s.path()));
    assertThat(c.result().states()).hasSizeGreaterThan(1);
    assertThat(c.requests())
        .extracting(q -> q.method() + " " + q.path())
        .contains("POST /__events/add", "POST /__events/toggle-all");
  }
}
