package io.testgen.testkit.sites.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import io.testgen.testkit.sites.corpus.admin.AdminApp;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The admin's hand-written faults over real HTTP, signed in as {@code admin}: each changes what a
 * view does; healing (with a reset) gives back exactly what it did before.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AdminFaultsTest extends AdminSessionTest {

  /** Signs in as admin (a reset forgets sessions); returns the CSRF token for posts. */
  private String signIn() {
    return signIn("admin", AdminApp.PASSWORD);
  }

  /**
   * {@link #healedFaultyHealed} signed in afresh for each look (given the CSRF token); the token,
   * new at each sign-in, is blanked out.
   */
  private List<String> signedIn(String fault, Function<String, String> given) {
    return healedFaultyHealed(
        fault, () -> given.apply(signIn()).replaceAll("value=\"[0-9a-f]{32}\"", "value=\"token\""));
  }

  /** {@link #signedIn}, looking at the page at {@code path}. */
  private List<String> pageSeen(String fault, String path) {
    return signedIn(fault, t -> http.get(path).body());
  }

  @Test
  void searchIgnoresTheQuery() {
    List<String> seen = pageSeen("search-ignores-query", "/admin/library/book/?q=pratchett");
    assertThat(seen.get(0)).contains("3 results (<a href=\"?\">30 total</a>)");
    assertThat(seen.get(1))
        .contains("30 results (<a href=\"?\">30 total</a>)")
        .contains("value=\"pratchett\"");
  }

  @Test
  void filterShowsAllRowsWhileMarkedSelected() {
    List<String> seen = pageSeen("filter-shows-all-rows", "/admin/library/book/?genre=poetry");
    String selected = "<li class=\"selected\"><a href=\"?genre=poetry\">Poetry</a></li>";
    assertThat(seen.get(0)).contains(selected).contains("5 books</p>");
    assertThat(seen.get(1)).contains(selected).contains("30 books</p>");
  }

  @Test
  void pageNumberIsIgnored() {
    List<String> seen = pageSeen("page-two-shows-page-one", "/admin/library/book/?p=3");
    assertThat(seen.get(0)).contains("<span class=\"this-page\">3</span>").contains("Book 01 by");
    assertThat(seen.get(1))
        .contains("<span class=\"this-page\">1</span>")
        .doesNotContain("Book 01 by");
  }

  @Test
  void addSavesWithoutTheTitle() {
    List<String> seen =
        signedIn(
            "add-saves-without-title",
            t -> http.follow(http.post("/admin/library/book/add/", book(t, "Mort"))).body());
    String message = "<li class=\"success\">The book “Mort” was added successfully.</li>";
    assertThat(seen.get(0)).contains(message).contains(">Mort</a>");
    assertThat(seen.get(1)).contains(message).doesNotContain(">Mort</a>");
  }

  @Test
  void changeIsNotSaved() {
    List<String> seen =
        signedIn(
            "change-not-saved",
            t -> {
              assertThat(
                      http.post("/admin/library/book/1/change/", book(t, "Mort (revised)"))
                          .statusCode())
                  .isEqualTo(302);
              return Pages.links(http.get("/admin/library/book/?q=revised").body()).toString();
            });
    assertThat(seen.get(0)).contains("/admin/library/book/1/change/");
    assertThat(seen.get(1)).doesNotContain("/admin/library/book/1/change/");
  }

  @Test
  void logoutKeepsTheSession() {
    List<String> seen =
        signedIn(
            "logout-keeps-session",
            t -> {
              HttpResponse<String> out = http.post("/admin/logout/", "csrfmiddlewaretoken", t);
              return out.statusCode()
                  + " "
                  + out.body().contains("<h1>Logged out</h1>")
                  + " "
                  + http.get("/admin/").statusCode();
            });
    assertThat(seen).containsExactly("200 true 302", "200 true 200");
  }

  @Test
  void deleteKeepsTheRow() {
    List<String> seen =
        signedIn(
            "delete-keeps-row",
            t -> {
              HttpResponse<String> deleted =
                  http.post(
                      "/admin/library/book/30/delete/", "csrfmiddlewaretoken", t, "post", "yes");
              return http.follow(deleted).body().contains("was deleted successfully")
                  + " "
                  + app.count("library.book");
            });
    assertThat(seen).containsExactly("true 29", "true 30");
  }
}
