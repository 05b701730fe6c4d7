package io.testgen.testkit.sites.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import io.testgen.testkit.sites.corpus.admin.AdminApp;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Base of the admin app's tests over real HTTP: the steps a browser takes in it (sign in through
 * the login form, read a page's CSRF token, fill the book form, change the password).
 */
abstract class AdminSessionTest extends ServedAppTest<AdminApp> {
  static final String NEW_PASSWORD = "n3w-Passw0rd";

  AdminSessionTest() {
    super(new AdminApp());
  }

  /** Signs in through the login form, as a browser would; returns the token for later posts. */
  String signIn(String user, String password) {
    String login = http.get("/admin/login/?next=/admin/").body();
    HttpResponse<String> answer =
        postLogin(Pages.hidden(login, "csrfmiddlewaretoken"), user, password, "next", "/admin/");
    assertThat(answer.statusCode()).isEqualTo(302);
    return token("/admin/");
  }

  /** Posts the login form with {@code token}; {@code more} are further fields, name then value. */
  HttpResponse<String> postLogin(String token, String user, String password, String... more) {
    List<String> form =
        new ArrayList<>(
            List.of("csrfmiddlewaretoken", token, "username", user, "password", password));
    form.addAll(List.of(more));
    return http.post("/admin/login/", form.toArray(String[]::new));
  }

  String token(String page) {
    return Pages.hidden(http.get(page).body(), "csrfmiddlewaretoken");
  }

  /** The book form filled with a valid book titled {@code title}. */
  static Map<String, String> book(String token, String title) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("csrfmiddlewaretoken", token);
    form.put("title", title);
    form.put("author", "2");
    form.put("genre", "fantasy");
    form.put("published", "1983-11-24");
    form.put("isbn", "9780552124751");
    form.put("pages", "288");
    form.put("_save", "Save");
    return form;
  }

  /** Changes admin's password to {@link #NEW_PASSWORD}; the answer. */
  HttpResponse<String> changePassword(String token) {
    return http.post(
        "/admin/password_change/",
        "csrfmiddlewaretoken",
        token,
        "old_password",
        AdminApp.PASSWORD,
        "new_password1",
        NEW_PASSWORD,
        "new_password2",
        NEW_PASSWORD);
  }
}
