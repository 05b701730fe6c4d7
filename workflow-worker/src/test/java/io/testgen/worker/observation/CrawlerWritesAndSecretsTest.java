package io.testgen.worker.observation;

import static io.testgen.worker.observation.SharedBrowser.pathOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.testgen.common.agents.observation.FormInfo;
import io.testgen.common.agents.observation.ObservationRequest;
import io.testgen.common.agents.observation.ObservationResult;
import io.testgen.common.agents.observation.StateInfo;
import io.testgen.common.agents.observation.WriteInfo;
import io.testgen.common.json.JsonMapperFactory;
import io.testgen.common.security.LoginCredentials;
import io.testgen.testkit.sites.FixtureServer;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Signed in as a user named {@code admin} on an admin app: URLs and headings keep the word, the
 * password appears nowhere; ordinary forms are submitted and listed as writes, account, password,
 * delete and logout forms never; a form in every page's header is one form; read-only stays GET.
 */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class CrawlerWritesAndSecretsTest {

  private static ObservationRequest request(String url, boolean allowWrites) {
    return new ObservationRequest(
        "wf-admin",
        url,
        3,
        30,
        null,
        new LoginCredentials(MiniAdminSite.USER, MiniAdminSite.PASSWORD, "/admin/login/"),
        null,
        false,
        allowWrites);
  }

  @Test
  void signedInAsAdminKeepsAdminUrlsAndHeadingsAndMasksOnlyThePasswordAndTypedUserName()
      throws Exception {
    ObservationResult result;
    MiniAdminSite site;
    try (FixtureServer server = FixtureServer.start()) {
      site = MiniAdminSite.install(server);
      result = SharedBrowser.crawl(request(server.url("/admin/"), true));
    }
    assertThat(result.loggedIn()).isTrue();
    String json = JsonMapperFactory.shared().writeValueAsString(result);
    assertThat(json).doesNotContain(MiniAdminSite.PASSWORD).doesNotContain("/***/");
    assertThat(result.states())
        .extracting(s -> pathOf(s.url()))
        .contains(
            "/admin/", "/admin/library/book/", "/admin/library/book/add/", "/admin/auth/user/add/");
    StateInfo home =
        result.states().stream()
            .filter(s -> pathOf(s.url()).equals("/admin/"))
            .findFirst()
            .orElseThrow();
    assertThat(home.headings()).extracting(h -> h.text()).contains("Site administration");
    assertThat(home.title()).isEqualTo("Site administration | Site administration");
    // the login form's typed values are masked, user name included
    FormInfo login =
        result.forms().stream().filter(f -> f.purpose().equals("login")).findFirst().orElseThrow();
    assertThat(login.submissions().get(0).values())
        .containsValues("***")
        .doesNotContainValue(MiniAdminSite.USER);

    // writes: the book form was submitted and led to the created book; nothing else was written
    assertThat(site.writes())
        .contains("POST /admin/library/book/add/", "POST /admin/login/")
        .doesNotContain(
            "POST /admin/logout/", "POST /admin/auth/user/add/", "POST /admin/password_change/");
    assertThat(site.writes()).noneMatch(w -> w.endsWith("/delete/"));
    assertThat(result.writes())
        .anySatisfy(
            w -> {
              assertThat(w.method()).isEqualTo("POST");
              assertThat(pathOf(w.url())).isEqualTo("/admin/library/book/add/");
              assertThat(pathOf(w.resultUrl())).matches("/admin/library/book/\\d+/change/");
            });
    assertThat(result.writes()).extracting(WriteInfo::method).containsOnly("POST");
    // every write the app received (the login aside) is listed
    assertThat(result.writes())
        .extracting(w -> w.method() + " " + pathOf(w.url()))
        .containsExactlyInAnyOrderElementsOf(
            site.writes().stream().filter(w -> !w.equals("POST /admin/login/")).toList());
    assertThat(site.books).hasSizeGreaterThan(2);

    // the header's logout and search forms are one form each; account forms are recorded, refused:
    // adding a user, and changing the password of the signed-in user (it asks for the old one)
    assertThat(result.forms()).filteredOn(f -> f.purpose().equals("logout")).hasSize(1);
    assertThat(result.forms()).filteredOn(f -> f.action().endsWith("/admin/search/")).hasSize(1);
    assertThat(result.forms())
        .filteredOn(f -> f.purpose().equals("account"))
        .extracting(f -> pathOf(f.action()))
        .containsExactly("/admin/auth/user/add/");
    assertThat(result.forms())
        .filteredOn(f -> f.purpose().equals(FormInfo.OWN_ACCOUNT))
        .extracting(f -> pathOf(f.action()))
        .containsExactly("/admin/password_change/");
    assertThat(result.forms())
        .filteredOn(f -> f.purpose().endsWith("account"))
        .allMatch(f -> f.submissions().isEmpty());
    assertThat(result.findings())
        .anyMatch(
            f ->
                f.kind().equals("skipped_own_account")
                    && f.detail()
                        .equals(
                            "submit 'Change my password' (it would change the account this run"
                                + " signs in with)"));
    assertThat(result.findings())
        .anyMatch(
            f -> f.kind().equals("skipped_destructive") && f.detail().equals("submit 'Log out'"));
  }

  @Test
  void readOnlyExplorationSubmitsOnlyGetForms() {
    ObservationResult result;
    MiniAdminSite site;
    try (FixtureServer server = FixtureServer.start()) {
      site = MiniAdminSite.install(server);
      result = SharedBrowser.crawl(request(server.url("/admin/"), false));
    }
    assertThat(result.loggedIn()).isTrue();
    assertThat(site.writes()).containsOnly("POST /admin/login/");
    assertThat(result.writes()).isEmpty();
    assertThat(site.requests).anyMatch(r -> r.startsWith("GET /admin/search/"));
    assertThat(result.findings())
        .anyMatch(f -> f.kind().equals("skipped_write") && f.detail().startsWith("submit 'Save'"));
  }
}
