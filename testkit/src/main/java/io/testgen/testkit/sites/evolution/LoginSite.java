package io.testgen.testkit.sites.evolution;

import static io.testgen.testkit.sites.Html.escape;

import io.testgen.testkit.sites.FixtureResponse;
import io.testgen.testkit.sites.FixtureServer;

/**
 * An app behind a login: {@code /login} accepts one user (given at install) and sets a session
 * cookie; {@code /dashboard} redirects to the login page without it. Wrong credentials show
 * "Invalid username or password".
 */
public final class LoginSite {
  private LoginSite() {}

  public static FixtureServer install(FixtureServer server, String username, String password) {
    server
        .get("/login", r -> FixtureResponse.html(login(null)))
        .post(
            "/login",
            r ->
                username.equals(r.param("username")) && password.equals(r.param("password"))
                    ? FixtureResponse.redirect("/dashboard")
                        .withHeader("Set-Cookie", "session=ok; Path=/; HttpOnly")
                    : FixtureResponse.html(login("Invalid username or password")))
        .get(
            "/dashboard",
            r ->
                "ok".equals(r.cookies().get("session"))
                    ? FixtureResponse.html(
                        page("Dashboard", "<h1>Dashboard</h1><p>Welcome back.</p>"))
                    : FixtureResponse.redirect("/login"));
    return server;
  }

  private static String login(String error) {
    return page(
        "Sign in",
        """
        <h1>Sign in</h1>
        %s
        <form action="/login" method="post">
          <label for="username">Username</label>
          <input id="username" name="username" type="text" required>
          <label for="password">Password</label>
          <input id="password" name="password" type="password" required>
          <button type="submit">Sign in</button>
        </form>
        """
            .formatted(error == null ? "" : "<p role=\"alert\">" + escape(error) + "</p>"));
  }

  private static String page(String title, String body) {
    return """
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><title>%s · Login</title></head>
        <body><main>%s</main></body>
        </html>
        """
        .formatted(title, body);
  }
}
