package io.testgen.testkit.sites.observation;

import static io.testgen.testkit.sites.Html.escape;

import io.testgen.testkit.sites.FixtureRequest;
import io.testgen.testkit.sites.FixtureResponse;
import io.testgen.testkit.sites.FixtureServer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A login-protected notes app. Every page but {@code /login} redirects there without a session.
 * Signed in, the dashboard greets the user by name and the header offers "Log out" and "Session
 * status", which ends the session when visited (a page that logs you out mid-crawl). Under {@code
 * /basic/} a second area is protected by HTTP basic authentication instead.
 */
public final class LoginSite {
  public static final String USER = "alice@example.com";
  public static final String PASSWORD = "s3cret-Pa55word";

  private final Map<String, String> sessions = new ConcurrentHashMap<>();
  private final AtomicInteger logins = new AtomicInteger();
  private final AtomicInteger logouts = new AtomicInteger();
  private final AtomicInteger failedLogins = new AtomicInteger();

  private LoginSite() {}

  public static LoginSite install(FixtureServer server) {
    LoginSite site = new LoginSite();
    server
        .get("/login", r -> FixtureResponse.html(site.loginPage(null)))
        .post("/login", site::submitLogin)
        .get("/logout", site::logout)
        .get("/basic/*", site::basic)
        .get("/*", site::protectedPage)
        .post("/notes", site::createNote);
    return site;
  }

  public int logins() {
    return logins.get();
  }

  public int logouts() {
    return logouts.get();
  }

  public int failedLogins() {
    return failedLogins.get();
  }

  private static String page(String title, String user, String body) {
    String nav =
        user == null
            ? "<a href=\"/login\">Sign in</a>"
            : "<a href=\"/session-status\">Session status</a> <a href=\"/\">Dashboard</a> <a href=\"/notes\">Notes</a> <a href=\"/account\">Account</a>"
                + " <span class=\"who\">Signed in as "
                + escape(user)
                + "</span> <a href=\"/logout\">Log out</a>";
    return """
        <!doctype html><html lang="en"><head><title>%s · Notes</title></head>
        <body><header><nav>%s</nav></header><main>%s</main></body></html>
        """
        .formatted(escape(title), nav, body);
  }

  private String loginPage(String error) {
    return page(
        "Sign in",
        null,
        """
        <h1>Sign in</h1>%s
        <form action="/login" method="post">
          <label for="email">Email</label><input id="email" name="email" type="email" required>
          <label for="password">Password</label><input id="password" name="password" type="password" required>
          <button type="submit">Sign in</button>
        </form>
        """
            .formatted(
                error == null
                    ? ""
                    : "<p class=\"error\" role=\"alert\">" + escape(error) + "</p>"));
  }

  private FixtureResponse submitLogin(FixtureRequest r) {
    if (USER.equals(r.param("email")) && PASSWORD.equals(r.param("password"))) {
      String sid = UUID.randomUUID().toString();
      sessions.put(sid, USER);
      logins.incrementAndGet();
      return FixtureResponse.redirect("/")
          .withHeader("Set-Cookie", "sid=" + sid + "; Path=/; HttpOnly");
    }
    failedLogins.incrementAndGet();
    return FixtureResponse.html(401, loginPage("Wrong email or password"));
  }

  private String user(FixtureRequest r) {
    String sid = r.cookies().get("sid");
    return sid == null ? null : sessions.get(sid);
  }

  private FixtureResponse logout(FixtureRequest r) {
    String sid = r.cookies().get("sid");
    if (sid != null) sessions.remove(sid);
    logouts.incrementAndGet();
    return FixtureResponse.redirect("/login");
  }

  private FixtureResponse protectedPage(FixtureRequest r) {
    String user = user(r);
    if (user == null) return FixtureResponse.redirect("/login");
    switch (r.path()) {
      case "/" -> {
        return FixtureResponse.html(
            page(
                "Dashboard",
                user,
                "<h1>Welcome back, "
                    + escape(user)
                    + "</h1><p>Your dashboard.</p><p><a href=\"/notes\">Your notes</a></p>"));
      }
      case "/notes" -> {
        return FixtureResponse.html(
            page(
                "Notes",
                user,
                """
                <h1>Notes</h1><ul><li><a href="/notes/1">Groceries</a></li><li><a href="/notes/2">Ideas</a></li></ul>
                <form action="/notes" method="post"><label for="title">Title</label><input id="title" name="title" required><button>Save note</button></form>
                """));
      }
      case "/account" -> {
        return FixtureResponse.html(
            page(
                "Account",
                user,
                "<h1>Account</h1><dl><dt>Plan</dt><dd>Free</dd></dl>"
                    + "<p><a href=\"/session-status\">Session status</a></p>"));
      }
      case "/session-status" -> {
        // visiting this page ends the session: the crawl must notice and sign in again
        sessions.remove(r.cookies().get("sid"));
        return FixtureResponse.html(
            page("Session", user, "<h1>Session ended</h1><p><a href=\"/notes\">Notes</a></p>"));
      }
      default -> {
        if (r.path().matches("/notes/[0-9]+"))
          return FixtureResponse.html(
              page(
                  "Note",
                  user,
                  "<h1>Note "
                      + r.path().substring(7)
                      + "</h1><p><a href=\"/notes\">All notes</a></p>"));
        return FixtureResponse.html(404, page("Not found", user, "<h1>Not found</h1>"));
      }
    }
  }

  private FixtureResponse createNote(FixtureRequest r) {
    if (user(r) == null) return FixtureResponse.redirect("/login");
    return FixtureResponse.redirect("/notes");
  }

  private FixtureResponse basic(FixtureRequest r) {
    String expected =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(("bob:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    if (!expected.equals(r.header("Authorization")))
      return FixtureResponse.text(401, "authentication required")
          .withHeader("WWW-Authenticate", "Basic realm=\"fixture\"");
    Set<String> pages = Set.of("/basic/", "/basic/reports", "/basic/settings");
    if (!pages.contains(r.path()))
      return FixtureResponse.html(404, page("Not found", null, "<h1>Not found</h1>"));
    return FixtureResponse.html(
        "<!doctype html><html lang=\"en\"><head><title>Private area</title></head><body>"
            + "<h1>Private area "
            + escape(r.path())
            + "</h1><p><a href=\"/basic/reports\">Reports</a>"
            + " <a href=\"/basic/settings\">Settings</a></p></body></html>");
  }
}
