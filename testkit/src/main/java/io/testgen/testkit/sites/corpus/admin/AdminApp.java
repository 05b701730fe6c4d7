package io.testgen.testkit.sites.corpus.admin;

import static io.testgen.testkit.sites.corpus.admin.AdminExchange.outcome;
import static io.testgen.testkit.sites.corpus.admin.AdminExchange.redirect;

import io.testgen.testkit.sites.FixtureRequest;
import io.testgen.testkit.sites.FixtureResponse;
import io.testgen.testkit.sites.FixtureServer;
import io.testgen.testkit.sites.corpus.CorpusApp;
import io.testgen.testkit.sites.corpus.FaultSwitch;
import io.testgen.testkit.sites.corpus.admin.AdminPages.Visit;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code admin}: a login-protected admin shaped like Django's, signed in as a user named {@code
 * admin} in an app whose URLs ({@code /admin/...}) and headings ("Site administration") contain
 * that word. Form login; a CSRF token (cookie {@code csrftoken} and hidden {@code
 * csrfmiddlewaretoken}) checked on every POST, rotated at login; a cookie session; a logout form on
 * every page; changelists with search, filter and pagination; add, change and delete (confirmed)
 * views; user, group and password forms that exploration must never submit; a "Reports" page for
 * superusers only.
 */
public final class AdminApp implements CorpusApp {
  /** The superuser; {@link AdminStore#ADMIN_PASSWORD} is the password. */
  public static final String USER = "admin";

  public static final String PASSWORD = AdminStore.ADMIN_PASSWORD;

  /** A staff user who is not a superuser: no Reports, no user management. */
  public static final String EDITOR = "editor";

  public static final String EDITOR_PASSWORD = AdminStore.EDITOR_PASSWORD;

  private final AdminStore store = new AdminStore();
  private final Map<String, String> sessions = new ConcurrentHashMap<>();
  private final FaultSwitch faults = AdminFaults.catalogue();

  @Override
  public String name() {
    return "admin";
  }

  @Override
  public FixtureServer install(FixtureServer server) {
    return server.get("/", r -> redirect(302, "/admin/")).route("/admin*", this::handle);
  }

  @Override
  public FaultSwitch faults() {
    return faults;
  }

  @Override
  public void reset() {
    store.reset();
    sessions.clear();
  }

  /** How many rows the model's table holds: {@code "auth.user"}, {@code "library.book"}, ... */
  public int count(String model) {
    String[] parts = model.split("\\.");
    return store.count(AdminModel.find(parts[0], parts[1]));
  }

  /**
   * Adds a row to the model's table as the admin's add form would ({@code "library.book"}, values
   * by field name): records other tests add while a suite runs.
   */
  public int insert(String model, java.util.Map<String, String> values) {
    String[] parts = model.split("\\.");
    return store.insert(AdminModel.find(parts[0], parts[1]), values);
  }

  /** Runs the admin until killed: {@code AdminApp [port]}. */
  public static void main(String[] args) throws InterruptedException {
    CorpusApp.serve(new AdminApp(), args);
  }

  private FixtureResponse handle(FixtureRequest r) {
    String path = r.path();
    boolean post = "POST".equalsIgnoreCase(r.method());
    if (!path.endsWith("/"))
      return post ? FixtureResponse.html(404, "<h1>Not Found</h1>") : redirect(301, path + "/");
    AdminExchange x = new AdminExchange(r, store, sessions);
    if (post && (x.newToken || !x.csrf.equals(r.param("csrfmiddlewaretoken"))))
      return outcome(FixtureResponse.html(403, AdminPages.csrfFailure()), "csrf-failed");
    if (path.equals("/admin/login/")) return login(x, post);
    if (path.equals("/admin/logout/")) {
      if (!post) return FixtureResponse.text(405, "Method Not Allowed");
      FixtureResponse page =
          x.page(200, AdminPages.loggedOut(new Visit(null, false, x.csrf, List.of())));
      if (faults.on(AdminFaults.LOGOUT_KEEPS_SESSION)) return page;
      sessions.remove(r.cookies().getOrDefault("sessionid", ""));
      return page.withCookie("sessionid=; Path=/; Max-Age=0");
    }
    if (x.user == null)
      return x.cookies(
          redirect(302, "/admin/login/?next=" + URLEncoder.encode(path, StandardCharsets.UTF_8)));
    if (path.equals("/admin/"))
      return x.page(200, AdminPages.index(x.visit(), store.recentActions()));
    if (path.equals("/admin/reports/"))
      return x.superuser
          ? x.page(200, AdminPages.reports(x.visit(), store))
          : x.page(403, AdminPages.forbidden(x.visit()));
    if (path.equals("/admin/password_change/")) return passwordChange(x, post);
    if (path.equals("/admin/password_change/done/"))
      return x.page(
          200,
          AdminPages.frame(
              x.visit(),
              "Password change successful",
              AdminPages.crumbs(),
              "<h1>Password change successful</h1><p>Your password was changed.</p>"));
    String[] parts = path.substring("/admin/".length()).split("/");
    if (parts.length == 1 && (parts[0].equals("library") || parts[0].equals("auth") && x.superuser))
      return x.page(200, AdminPages.appIndex(x.visit(), parts[0]));
    AdminModel m = parts.length >= 2 ? AdminModel.find(parts[0], parts[1]) : null;
    if (m == null) return x.page(404, AdminPages.notFound(x.visit()));
    if (m.superuserOnly() && !x.superuser) return x.page(403, AdminPages.forbidden(x.visit()));
    return ModelAdmin.handle(
        x, store, m, post, java.util.Arrays.copyOfRange(parts, 2, parts.length), faults);
  }

  private FixtureResponse login(AdminExchange x, boolean post) {
    String next =
        x.r.param("next") == null || !x.r.param("next").startsWith("/admin/")
            ? "/admin/"
            : x.r.param("next");
    if (!post)
      return x.user != null
          ? redirect(302, "/admin/")
          : x.page(200, AdminPages.login(x.visit(), next, "", false));
    String username = x.r.param("username") == null ? "" : x.r.param("username");
    Map<String, String> row = store.user(username);
    if (row == null
        || !"True".equals(row.get("is_staff"))
        || !store.passwordMatches(username, x.r.param("password")))
      return outcome(
          x.page(200, AdminPages.login(x.visit(), next, username, true)), "login-failed");
    String sid = AdminExchange.token();
    sessions.put(sid, username);
    // the token rotates at login, as Django's does: a page cached before login cannot post after
    return redirect(302, next)
        .withCookie("sessionid=" + sid + "; Path=/; HttpOnly; SameSite=Lax")
        .withCookie("csrftoken=" + AdminExchange.token() + "; Path=/; SameSite=Lax");
  }

  private FixtureResponse passwordChange(AdminExchange x, boolean post) {
    if (!post) return x.page(200, AdminPages.passwordChange(x.visit(), null));
    String new1 = x.r.param("new_password1");
    if (!store.passwordMatches(x.user, x.r.param("old_password")))
      return x.page(
          200,
          AdminPages.passwordChange(
              x.visit(), "Your old password was entered incorrectly. Please enter it again."));
    if (new1 == null || new1.length() < 8 || !new1.equals(x.r.param("new_password2")))
      return x.page(
          200,
          AdminPages.passwordChange(
              x.visit(), "The two password fields didn’t match or are shorter than 8 characters."));
    store.setPassword(x.user, new1);
    return x.cookies(redirect(302, "/admin/password_change/done/"));
  }
}
