package io.testgen.worker.observation;

import static io.testgen.worker.observation.SharedBrowser.crawl;
import static io.testgen.worker.observation.SharedBrowser.stateAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.testgen.common.agents.observation.FieldInfo;
import io.testgen.common.agents.observation.Finding;
import io.testgen.common.agents.observation.FormInfo;
import io.testgen.common.agents.observation.FormSubmission;
import io.testgen.common.agents.observation.Locator;
import io.testgen.common.agents.observation.ObservationRequest;
import io.testgen.common.agents.observation.ObservationResult;
import io.testgen.common.agents.observation.StateInfo;
import io.testgen.common.agents.observation.Transition;
import io.testgen.common.json.JsonMapperFactory;
import io.testgen.common.security.HttpCredentials;
import io.testgen.common.security.LoginCredentials;
import io.testgen.testkit.sites.FixtureServer;
import io.testgen.testkit.sites.observation.LoginSite;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Logging in, staying logged in, logging in again, and never leaking the credentials. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class CrawlerLoginTest {

  @Test
  void logsInCrawlsTheProtectedAppAndLogsInAgainWhenLoggedOut() throws Exception {
    try (FixtureServer server = FixtureServer.start()) {
      LoginSite site = LoginSite.install(server);
      ObservationRequest request =
          new ObservationRequest(
              "wf-login",
              server.url("/"),
              2,
              20,
              null,
              new LoginCredentials(LoginSite.USER, LoginSite.PASSWORD, "/login"),
              null,
              false);
      ObservationResult result = crawl(request);

      assertThat(result.loggedIn()).isTrue();
      StateInfo dashboard = stateAt(result, "/");
      assertThat(dashboard.title()).isEqualTo("Dashboard · Notes");
      assertThat(stateAt(result, "/notes").title()).isEqualTo("Notes · Notes");
      assertThat(stateAt(result, "/account").title()).isEqualTo("Account · Notes");
      assertThat(stateAt(result, "/notes/1").instanceUrls().stream().map(SharedBrowser::pathOf))
          .contains("/notes/1", "/notes/2");
      // the login form, recorded before anything was typed; what was typed is masked
      StateInfo login = stateAt(result, "/login");
      FormInfo loginForm = CrawlerDemoSiteTest.form(result, login);
      assertThat(loginForm.purpose()).isEqualTo("login");
      assertThat(loginForm.fields())
          .extracting(FieldInfo::name, FieldInfo::type, FieldInfo::label)
          .containsExactly(
              tuple("email", "email", "Email"), tuple("password", "password", "Password"));
      assertThat(loginForm.fields().get(1).locators().get(0))
          .isEqualTo(new Locator("label", "Password", null, true));
      FormSubmission signIn = CrawlerDemoSiteTest.submission(loginForm, "valid");
      assertThat(signIn.values())
          .containsExactly(Map.entry("email", "***"), Map.entry("password", "***"));
      assertThat(signIn.resultStateId()).isEqualTo(dashboard.stateId());
      assertThat(result.transitions())
          .contains(
              new Transition(
                  login.stateId(),
                  dashboard.stateId(),
                  "submit",
                  loginForm.submit().elementId(),
                  "submit 'Sign in' with the login credentials"));
      // /session-status ended the session: noticed, logged in again, crawl went on
      assertThat(result.findings())
          .as(result.findings().toString())
          .extracting(Finding::kind)
          .contains("logged_out");
      assertThat(site.logins()).isGreaterThanOrEqualTo(2);
      assertThat(site.failedLogins()).isZero();
      // the "Log out" link was never followed
      assertThat(site.logouts()).isZero();
      assertThat(result.findings())
          .contains(
              new Finding(
                  "skipped_destructive", server.url("/logout"), null, "click link 'Log out'"));

      // the page echoed the user name; the result does not
      String json = JsonMapperFactory.shared().writeValueAsString(result);
      assertThat(json)
          .doesNotContain(LoginSite.USER)
          .doesNotContain(LoginSite.PASSWORD)
          .doesNotContain("alice");
      assertThat(dashboard.headings().get(0).text()).isEqualTo("Welcome back, ***");
      try (Stream<java.nio.file.Path> files =
          Files.walk(SharedBrowser.artifacts().resolve("runs/wf-login"))) {
        assertThat(files.map(java.nio.file.Path::toString))
            .isNotEmpty()
            .noneMatch(p -> p.contains("alice"));
      }
    }
  }

  @Test
  void crawlsBehindHttpBasicAuthentication() {
    try (FixtureServer server = FixtureServer.start()) {
      LoginSite.install(server);
      ObservationResult withCredentials =
          crawl(
              new ObservationRequest(
                  "wf-basic",
                  server.url("/basic/"),
                  2,
                  10,
                  null,
                  null,
                  new HttpCredentials("bob", LoginSite.PASSWORD),
                  false));
      assertThat(withCredentials.states()).hasSize(1); // one template, three instances
      assertThat(withCredentials.states().get(0).instanceUrls().stream().map(SharedBrowser::pathOf))
          .containsExactlyInAnyOrder("/basic/", "/basic/reports", "/basic/settings");
      assertThat(withCredentials.findings()).isEmpty();

      ObservationResult without =
          crawl(SharedBrowser.request("wf-nobasic", server.url("/basic/"), 2, 10));
      assertThat(without.states()).isEmpty();
      assertThat(without.findings())
          .containsExactly(new Finding("http_error", server.url("/basic/"), 401, "HTTP 401"));
    }
  }
}
