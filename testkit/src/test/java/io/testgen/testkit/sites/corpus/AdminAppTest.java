package io.testgen.testkit.sites.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import io.testgen.testkit.sites.RecordedRequest;
import io.testgen.testkit.sites.corpus.GroundTruth.Feature;
import io.testgen.testkit.sites.corpus.admin.AdminApp;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AdminAppTest extends AdminSessionTest {
  /** Sets user 3's password to "other-Pa55" through its password form. */
  private void setUser3Password(String token) {
    http.post(
        "/admin/auth/user/3/password/",
        "csrfmiddlewaretoken",
        token,
        "password1",
        "other-Pa55",
        "password2",
        "other-Pa55");
  }

  @Test
  void formLoginWithCsrfTokenSignsInTheUserNamedAdmin() {
    HttpResponse<String> gate = http.get("/admin/");
    assertThat(gate.statusCode()).isEqualTo(302);
    assertThat(gate.headers().firstValue("Location")).hasValue("/admin/login/?next=%2Fadmin%2F");
    String login = http.get("/admin/login/?next=/admin/library/book/").body();
    assertThat(Pages.title(login)).isEqualTo("Log in | Library site admin");
    String token = Pages.hidden(login, "csrfmiddlewaretoken");
    assertThat(token).hasSize(32);

    HttpResponse<String> noToken =
        http.post("/admin/login/", "username", "admin", "password", AdminApp.PASSWORD);
    assertThat(noToken.statusCode()).isEqualTo(403);
    assertThat(noToken.body()).contains("CSRF verification failed. Request aborted.");
    HttpResponse<String> wrong = postLogin(token, "admin", "admin");
    assertThat(wrong.statusCode()).isEqualTo(200);
    assertThat(wrong.body())
        .contains("Please enter the correct username and password for a staff account.");
    HttpResponse<String> ok =
        postLogin(token, "admin", AdminApp.PASSWORD, "next", "/admin/library/book/");
    assertThat(ok.statusCode()).isEqualTo(302);
    assertThat(ok.headers().firstValue("Location")).hasValue("/admin/library/book/");

    String index = http.get("/admin/").body();
    assertThat(Pages.title(index)).isEqualTo("Site administration | Library site admin");
    assertThat(Pages.heading(index)).isEqualTo("Site administration");
    assertThat(index)
        .contains("Welcome, <strong>admin</strong>.")
        .contains("<form id=\"logout-form\" method=\"post\" action=\"/admin/logout/\">")
        .contains("<a href=\"/admin/reports/\">Reports</a>");
    assertThat(Pages.links(index))
        .contains(
            "/admin/library/book/",
            "/admin/library/book/add/",
            "/admin/auth/user/",
            "/admin/auth/group/add/");
    assertThat(truth.login()).isEqualTo(new GroundTruth.Login("admin", AdminApp.PASSWORD));
    assertThat(truth.feature("login").exercisedBy(server.requests())).isTrue();
  }

  @Test
  void everyPostWithoutTheCurrentTokenIsRefusedAndTheTokenRotatesAtLogin() {
    String beforeLogin = Pages.hidden(http.get("/admin/login/").body(), "csrfmiddlewaretoken");
    String token = signIn("admin", AdminApp.PASSWORD);
    assertThat(token).isNotEqualTo(beforeLogin);
    assertThat(http.post("/admin/library/book/add/", book(beforeLogin, "Mort")).statusCode())
        .isEqualTo(403);
    Map<String, String> noToken = book(token, "Mort");
    noToken.remove("csrfmiddlewaretoken");
    assertThat(http.post("/admin/library/book/add/", noToken).statusCode()).isEqualTo(403);
    assertThat(http.post("/admin/logout/", "csrfmiddlewaretoken", "x".repeat(32)).statusCode())
        .isEqualTo(403);
    assertThat(app.count("library.book")).isEqualTo(30);
    assertThat(http.post("/admin/library/book/add/", book(token, "Mort")).statusCode())
        .isEqualTo(302);
    assertThat(app.count("library.book")).isEqualTo(31);
    assertThat(server.requests()).filteredOn(r -> "csrf-failed".equals(r.outcome())).hasSize(3);
  }

  @Test
  void everyTemplateIsAPageOfTheAppAndEveryFormIsOnItsTemplate() {
    signIn("admin", AdminApp.PASSWORD);
    List<String> signedIn =
        List.of(
            "/admin/",
            "/admin/library/",
            "/admin/reports/",
            "/admin/password_change/",
            "/admin/library/book/",
            "/admin/library/book/add/",
            "/admin/library/book/3/change/",
            "/admin/library/book/3/delete/",
            "/admin/library/author/",
            "/admin/library/author/add/",
            "/admin/library/author/3/change/",
            "/admin/library/author/3/delete/",
            "/admin/auth/user/",
            "/admin/auth/user/add/",
            "/admin/auth/user/2/change/",
            "/admin/auth/user/2/delete/",
            "/admin/auth/user/2/password/",
            "/admin/auth/group/",
            "/admin/auth/group/add/",
            "/admin/auth/group/1/change/",
            "/admin/auth/group/1/delete/");
    Map<String, String> pageOfTemplate = new LinkedHashMap<>();
    Map<String, String> html = new LinkedHashMap<>();
    for (String url : signedIn) {
      HttpResponse<String> answer = http.get(url);
      assertThat(answer.statusCode()).as(url).isEqualTo(200);
      assertThat(answer.body()).as(url).contains("action=\"/admin/logout/\"");
      GroundTruth.Template template = truth.templateOf(url, Pages.heading(answer.body()));
      assertThat(template).as(url).isNotNull();
      pageOfTemplate.put(template.id(), url);
      html.put(template.id(), answer.body());
    }
    String token = token("/admin/");
    HttpResponse<String> changed = changePassword(token);
    HttpResponse<String> done = http.follow(changed);
    pageOfTemplate.put(
        truth.templateOf("/admin/password_change/done/", Pages.heading(done.body())).id(), "done");
    HttpResponse<String> out = http.post("/admin/logout/", "csrfmiddlewaretoken", token);
    pageOfTemplate.put(
        truth.templateOf("/admin/logout/", Pages.heading(out.body())).id(), "/admin/logout/");
    assertThat(out.body()).doesNotContain("action=\"/admin/logout/\"");
    String login = http.get("/admin/login/").body();
    pageOfTemplate.put(
        truth.templateOf("/admin/login/", Pages.heading(login)).id(), "/admin/login/");
    html.put("login", login);
    assertThat(pageOfTemplate.keySet())
        .containsExactlyInAnyOrderElementsOf(
            truth.templates().stream().map(GroundTruth.Template::id).toList());

    for (GroundTruth.Form form : truth.forms()) {
      String page = html.get(form.template());
      String url = pageOfTemplate.get(form.template());
      assertThat(page).as(form.id()).isNotNull();
      if (form.kind().equals("search")) {
        assertThat(page).contains("<form id=\"changelist-search\" method=\"get\"");
        assertThat(url).matches(form.action());
      } else if (form.id().equals("login")) {
        assertThat(page).contains("<form action=\"/admin/login/\" method=\"post\"");
      } else if (form.id().equals("logout")) {
        assertThat(form.onEveryPage()).isTrue();
      } else {
        // Django-style: no action attribute, the form posts to its page's URL
        assertThat(page)
            .as(form.id())
            .containsPattern("<form method=\"post\"( id=\"\\w+\")?( novalidate)?>");
        assertThat(url).matches(form.action());
      }
    }
  }

  @Test
  void changelistsSearchFilterAndPaginate() {
    signIn("admin", AdminApp.PASSWORD);
    String search = http.get("/admin/library/book/?q=pratchett").body();
    assertThat(search)
        .contains("3 results (<a href=\"?\">30 total</a>)")
        .contains("Book 14 by Pratchett");
    String filtered = http.get("/admin/library/book/?genre=poetry").body();
    assertThat(filtered)
        .contains("<li class=\"selected\"><a href=\"?genre=poetry\">Poetry</a></li>")
        .contains("5 books</p>");
    String both = http.get("/admin/library/book/?q=oliver&genre=poetry").body();
    assertThat(both).contains("2 results");
    String page1 = http.get("/admin/library/book/").body();
    assertThat(Pages.links(page1))
        .contains("/admin/library/book/30/change/")
        .doesNotContain("/admin/library/book/20/change/");
    assertThat(page1).contains("<a href=\"?p=3\">3</a>").contains("30 books</p>");
    String page3 = http.get("/admin/library/book/?p=3").body();
    assertThat(page3).contains("<span class=\"this-page\">3</span>").contains("Book 01 by");
    assertThat(http.get("/admin/library/author/?country=Poland").body())
        .contains("Stanisław Lem")
        .doesNotContain("Terry Pratchett");
    assertThat(truth.exercised(server.requests()).stream().map(Feature::id))
        .contains("search-books", "filter-books", "paginate-books", "filter-authors");
  }

  @Test
  void booksAreAddedChangedRejectedAndDeletedOnlyAfterConfirmation() {
    String token = signIn("admin", AdminApp.PASSWORD);
    Map<String, String> bad = book(token, "");
    bad.put("published", "24/11/1983");
    bad.put("isbn", "978-0552");
    HttpResponse<String> rejected = http.post("/admin/library/book/add/", bad);
    assertThat(rejected.statusCode()).isEqualTo(200);
    assertThat(rejected.body())
        .contains("<p class=\"errornote\">Please correct the errors below.</p>")
        .contains(
            "<ul class=\"errorlist\"><li>This field is required.</li></ul><label class=\"required\" for=\"id_title\">")
        .contains("<li>Enter a valid date.</li>")
        .contains("<li>Enter an ISBN of 13 digits.</li>");
    HttpResponse<String> added = http.post("/admin/library/book/add/", book(token, "Mort"));
    assertThat(added.headers().firstValue("Location")).hasValue("/admin/library/book/");
    String list = http.follow(added).body();
    assertThat(list)
        .contains("<li class=\"success\">The book “Mort” was added successfully.</li>")
        .contains(">Mort</a>");
    assertThat(http.get("/admin/library/book/").body()).doesNotContain("was added successfully");
    Map<String, String> change = book(token, "Mort (revised)");
    assertThat(http.post("/admin/library/book/31/change/", change).statusCode()).isEqualTo(302);
    String confirm = http.get("/admin/library/book/31/delete/").body();
    assertThat(Pages.heading(confirm)).isEqualTo("Are you sure?");
    assertThat(confirm).contains("Are you sure you want to delete the book “Mort (revised)”?");
    assertThat(app.count("library.book")).isEqualTo(31);
    HttpResponse<String> deleted =
        http.post("/admin/library/book/31/delete/", "csrfmiddlewaretoken", token, "post", "yes");
    assertThat(deleted.statusCode()).isEqualTo(302);
    assertThat(http.follow(deleted).body())
        .contains("The book “Mort (revised)” was deleted successfully.");
    assertThat(app.count("library.book")).isEqualTo(30);
    assertThat(truth.exercised(server.requests()).stream().map(Feature::id))
        .contains("add-book", "change-book", "reject-invalid-book", "delete-book");
  }

  @Test
  void theMenuDependsOnTheRole() {
    signIn(AdminApp.EDITOR, AdminApp.EDITOR_PASSWORD);
    String index = http.get("/admin/").body();
    assertThat(index)
        .contains("Welcome, <strong>editor</strong>.")
        .doesNotContain("Reports")
        .doesNotContain("/admin/auth/user/");
    assertThat(http.get("/admin/reports/").statusCode()).isEqualTo(403);
    assertThat(http.get("/admin/auth/user/").statusCode()).isEqualTo(403);
    assertThat(http.get("/admin/library/book/").statusCode()).isEqualTo(200);
  }

  @Test
  void aUsernameAndPasswordAreCheckedByDjangosRules() {
    String token = signIn("admin", AdminApp.PASSWORD);
    HttpResponse<String> spaced =
        http.post(
            "/admin/auth/user/add/",
            "csrfmiddlewaretoken",
            token,
            "username",
            "Test User 7",
            "password1",
            "xY7-pass-word",
            "password2",
            "xY7-pass-word");
    assertThat(spaced.statusCode()).isEqualTo(200);
    assertThat(spaced.body())
        .contains(
            "Enter a valid username. This value may contain only letters, numbers, and @/./+/-/_"
                + " characters.");
    HttpResponse<String> shortPassword =
        http.post(
            "/admin/auth/user/2/password/",
            "csrfmiddlewaretoken",
            token,
            "password1",
            "1234567",
            "password2",
            "1234567");
    assertThat(shortPassword.statusCode()).isEqualTo(200);
    assertThat(shortPassword.body())
        .contains("This password is too short. It must contain at least 8 characters.");
    HttpResponse<String> numeric =
        http.post(
            "/admin/auth/user/add/",
            "csrfmiddlewaretoken",
            token,
            "username",
            "Test_User.7@x+y-z",
            "password1",
            "123456789",
            "password2",
            "123456789");
    assertThat(numeric.body())
        .contains("This password is entirely numeric.")
        .doesNotContain("Enter a valid username.");
    assertThat(app.count("auth.user")).isEqualTo(2);
  }

  @Test
  void theForbiddenFormsExistAndReallyChangeAccountsUntilReset() {
    String token = signIn("admin", AdminApp.PASSWORD);
    assertThat(app.count("auth.user")).isEqualTo(2);
    HttpResponse<String> user =
        http.post(
            "/admin/auth/user/add/",
            "csrfmiddlewaretoken",
            token,
            "username",
            "intruder",
            "password1",
            "xY7-pass-word",
            "password2",
            "xY7-pass-word");
    assertThat(user.headers().firstValue("Location")).hasValue("/admin/auth/user/3/change/");
    assertThat(app.count("auth.user")).isEqualTo(3);
    http.post(
        "/admin/auth/user/3/change/",
        "csrfmiddlewaretoken",
        token,
        "username",
        "intruder",
        "is_staff",
        "on",
        "is_superuser",
        "on",
        "groups",
        "1");
    setUser3Password(token);
    http.post(
        "/admin/auth/group/add/",
        "csrfmiddlewaretoken",
        token,
        "name",
        "Owners",
        "permissions",
        "auth.add_user");
    http.post(
        "/admin/auth/group/2/change/",
        "csrfmiddlewaretoken",
        token,
        "name",
        "Owners",
        "permissions",
        "auth.change_user");
    http.post("/admin/auth/group/2/delete/", "csrfmiddlewaretoken", token, "post", "yes");
    http.post("/admin/auth/user/3/delete/", "csrfmiddlewaretoken", token, "post", "yes");
    http.post("/admin/library/author/12/delete/", "csrfmiddlewaretoken", token, "post", "yes");
    assertThat(app.count("library.book")).isEqualTo(28);
    changePassword(token);
    http.post("/admin/logout/", "csrfmiddlewaretoken", token);
    List<RecordedRequest> sent = truth.forbiddenSent(server.requests());
    for (GroundTruth.Forbidden forbidden : truth.forbidden())
      assertThat(sent).as(forbidden.path()).anyMatch(forbidden::matches);
    assertThat(sent).allMatch(r -> r.status() == 302 || r.status() == 200);

    app.reset();
    assertThat(app.count("auth.user")).isEqualTo(2);
    assertThat(app.count("library.book")).isEqualTo(30);
    assertThat(http.get("/admin/").statusCode()).isEqualTo(302); // sessions end too
    signIn("admin", AdminApp.PASSWORD);
  }

  @Test
  void aWalkThroughTheAppExercisesEveryFeature() {
    String token = signIn("admin", AdminApp.PASSWORD);
    http.get("/admin/library/book/?q=Lem");
    http.get("/admin/library/book/?genre=mystery");
    http.get("/admin/library/book/?p=2");
    http.post("/admin/library/book/add/", book(token, ""));
    http.post("/admin/library/book/add/", book(token, "Small Gods"));
    http.post("/admin/library/book/1/change/", book(token, "Book 01, revised"));
    http.get("/admin/library/book/1/delete/");
    http.post("/admin/library/book/1/delete/", "csrfmiddlewaretoken", token, "post", "yes");
    http.get("/admin/library/author/?q=Mary");
    http.get("/admin/library/author/?country=France");
    http.post(
        "/admin/library/author/add/",
        "csrfmiddlewaretoken",
        token,
        "name",
        "Octavia E. Butler",
        "country",
        "United States",
        "born",
        "1947-06-22");
    http.post(
        "/admin/library/author/13/change/",
        "csrfmiddlewaretoken",
        token,
        "name",
        "Octavia Butler",
        "country",
        "United States",
        "born",
        "1947-06-22");
    http.get("/admin/library/author/13/delete/");
    http.post("/admin/library/author/13/delete/", "csrfmiddlewaretoken", token, "post", "yes");
    http.get("/admin/reports/");
    walkThroughAccounts(token);
    http.post("/admin/logout/", "csrfmiddlewaretoken", token);
    assertThat(truth.exercised(server.requests())).containsExactlyElementsOf(truth.features());
  }

  /** The account features: users, their passwords, groups, the signed-in user's password. */
  private void walkThroughAccounts(String token) {
    String csrf = "csrfmiddlewaretoken";
    http.post(
        "/admin/auth/user/add/",
        csrf,
        token,
        "username",
        "clerk",
        "password1",
        "xY7-pass-word",
        "password2",
        "xY7-pass-word");
    http.post("/admin/auth/user/3/change/", csrf, token, "username", "clerk", "is_staff", "on");
    setUser3Password(token);
    http.post(
        "/admin/auth/group/add/", csrf, token, "name", "Clerks", "permissions", "auth.view_user");
    http.post(
        "/admin/auth/group/2/change/",
        csrf,
        token,
        "name",
        "Clerks",
        "permissions",
        "auth.change_user");
    http.post("/admin/auth/group/2/delete/", csrf, token, "post", "yes");
    http.post("/admin/auth/user/3/delete/", csrf, token, "post", "yes");
    changePassword(token);
  }
}
