package io.testgen.testkit.sites.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import io.testgen.testkit.sites.FixtureServer;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The corpus as a whole: every app's ground truth is well formed and its start page answers. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CorpusAppsTest {
  private static final Set<String> KINDS = Set.of("server-rendered", "spa", "admin");
  private static final Set<String> RISKS = Set.of("critical", "high", "medium", "low");
  private static final Set<String> FORM_KINDS =
      Set.of("create", "edit", "search", "delete", "login", "logout", "account", "filter");

  @Test
  void theCorpusHoldsTheFiveAppsEachWithAWellFormedGroundTruth() throws Exception {
    Map<String, Supplier<CorpusApp>> all = CorpusApps.all();
    assertThat(all.keySet())
        .containsExactly("crud-shop", "todo-spa", "todo-wc", "admin", "hostile");
    for (var entry : all.entrySet()) {
      CorpusApp app = entry.getValue().get();
      assertThat(app.name()).isEqualTo(entry.getKey());
      GroundTruth truth = app.groundTruth();
      assertThat(truth.app()).isEqualTo(app.name());
      assertThat(truth.kind()).isIn(KINDS);
      assertThat(truth.templates()).isNotEmpty();
      assertThat(truth.features()).isNotEmpty();
      Set<String> templateIds =
          truth.templates().stream()
              .map(GroundTruth.Template::id)
              .collect(java.util.stream.Collectors.toSet());
      assertThat(templateIds).hasSameSizeAs(truth.templates());
      for (GroundTruth.Template t : truth.templates()) {
        Pattern.compile(t.path());
        if (t.heading() != null) Pattern.compile(t.heading());
      }
      for (GroundTruth.Form f : truth.forms()) {
        assertThat(templateIds).as(app.name() + " " + f.id()).contains(f.template());
        assertThat(f.kind()).isIn(FORM_KINDS);
        assertThat(f.method()).isIn("GET", "POST");
        Pattern.compile(f.action());
      }
      for (GroundTruth.Feature f : truth.features()) {
        assertThat(f.risk()).as(f.id()).isIn(RISKS);
        assertThat(f.riskReason()).as(f.id()).isNotBlank();
        assertThat(f.proof())
            .as(f.id())
            .isNotEmpty()
            .allSatisfy(
                p -> {
                  assertThat(p.method()).isNotNull();
                  Pattern.compile(p.path());
                });
      }
      for (GroundTruth.Forbidden f : truth.forbidden()) assertThat(f.why()).isNotBlank();
      // each app runs standalone too
      Method main = app.getClass().getMethod("main", String[].class);
      assertThat(Modifier.isStatic(main.getModifiers())).isTrue();

      try (FixtureServer server = app.install(FixtureServer.start())) {
        HttpResponse<String> start = new HttpSession(server.baseUrl()).get(truth.startPath());
        assertThat(start.statusCode()).as(app.name()).isIn(200, 302);
        assertThat(server.requests())
            .singleElement()
            .satisfies(
                r -> {
                  assertThat(r.method()).isEqualTo("GET");
                  assertThat(r.path()).isEqualTo(truth.startPath());
                  assertThat(r.form()).isEmpty();
                  assertThat(r.query()).isEmpty();
                });
      }
    }
  }

  @Test
  void hashRoutedTemplatesAreToldApartByTheirFragment() {
    GroundTruth truth = GroundTruth.load("todo-wc");
    assertThat(truth.templateOf("/", null, "todos").id()).isEqualTo("todos-all");
    assertThat(truth.templateOf("/", "/", "todos").id()).isEqualTo("todos-all");
    assertThat(truth.templateOf("/", "/active", "todos").id()).isEqualTo("todos-active");
    assertThat(truth.templateOf("/", "/completed", null).id()).isEqualTo("todos-completed");
    assertThat(truth.templateOf("/", "/nope", "todos")).isNull();
  }

  @Test
  void theRequestLogKeepsMethodPathQueryFormAndStatus() {
    try (FixtureServer server = FixtureServer.start()) {
      server.post("/things", r -> io.testgen.testkit.sites.FixtureResponse.redirect("/things/1"));
      HttpSession http = new HttpSession(server.baseUrl());
      http.get("/nothing?x=1&y=a%20b");
      http.post("/things?via=form", "name", "Ada Lovelace", "tags", "a&b");
      assertThat(server.requests())
          .containsExactly(
              new io.testgen.testkit.sites.RecordedRequest(
                  "GET", "/nothing", "x=1&y=a%20b", Map.of(), 404),
              new io.testgen.testkit.sites.RecordedRequest(
                  "POST",
                  "/things",
                  "via=form",
                  Map.of("name", "Ada Lovelace", "tags", "a&b"),
                  303));
      server.clearRequests();
      assertThat(server.requests()).isEmpty();
    }
  }

  @Test
  void theHostileStartPageLinksPagesAnswering404And500InsideTheSitesFrame() {
    HostileApp app = new HostileApp();
    GroundTruth truth = app.groundTruth();
    try (FixtureServer server = app.install(FixtureServer.start())) {
      HttpSession http = new HttpSession(server.baseUrl());
      List<String> links = Pages.links(http.get("/").body());
      assertThat(links).contains("/missing", "/broken", "/members/profile", "/old-news");
      Map<String, Integer> expected =
          Map.of(
              "/missing",
              404,
              "/broken",
              500,
              "/members/profile",
              500,
              "/old-news",
              404,
              "/help",
              200,
              "/calendar?month=2",
              200,
              "/grow?x=1",
              200,
              "/huge",
              200);
      for (var page : expected.entrySet()) {
        HttpResponse<String> answer = http.get(page.getKey());
        assertThat(answer.statusCode()).as(page.getKey()).isEqualTo(page.getValue());
        String path = page.getKey().replaceAll("\\?.*", "");
        assertThat(truth.templateOf(path, Pages.heading(answer.body())))
            .as(page.getKey())
            .isNotNull();
      }
      assertThat(Pages.links(http.get("/members/profile").body())).contains("/help");
      // every feature but the two behind forbidden requests (logging out, deleting the account)
      assertThat(truth.exercised(server.requests()).stream().map(GroundTruth.Feature::id))
          .containsExactly("browse-calendar", "read-help", "see-profile-error", "see-missing-page");
      assertThat(truth.forbiddenSent(server.requests())).isEmpty();
      http.get("/logout");
      assertThat(app.site().logouts()).isEqualTo(1);
      assertThat(truth.forbiddenSent(server.requests())).hasSize(1);
      assertThat(truth.feature("log-out").exercisedBy(server.requests())).isTrue();
      app.reset();
      assertThat(app.site().logouts()).isZero();
    }
  }
}
