package io.testgen.testkit.sites.corpus.admin;

import io.testgen.testkit.sites.FixtureRequest;
import io.testgen.testkit.sites.FixtureResponse;
import io.testgen.testkit.sites.FixtureServer;
import io.testgen.testkit.sites.RecordedRequest;
import io.testgen.testkit.sites.corpus.CorpusApp;
import io.testgen.testkit.sites.corpus.admin.AdminModel.Field;
import io.testgen.testkit.sites.corpus.admin.AdminModel.Kind;
import io.testgen.testkit.sites.corpus.admin.AdminPages.Visit;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
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
  private final SecureRandom random = new SecureRandom();

  @Override
  public String name() {
    return "admin";
  }

  @Override
  public FixtureServer install(FixtureServer server) {
    return server.get("/", r -> redirect(302, "/admin/")).route("/admin*", this::handle);
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

  /** Runs the admin until killed: {@code AdminApp [port]}. */
  public static void main(String[] args) throws InterruptedException {
    CorpusApp.serve(new AdminApp(), args);
  }

  /** One request's view of the session: token, user, messages, cookies to set. */
  private final class Exchange {
    final FixtureRequest r;
    String csrf;
    boolean newToken;
    final String user;
    final boolean superuser;
    final List<String> messages = new ArrayList<>();

    Exchange(FixtureRequest r) {
      this.r = r;
      csrf = r.cookies().get("csrftoken");
      if (csrf == null || csrf.length() != 32) {
        csrf = token();
        newToken = true;
      }
      String sid = r.cookies().get("sessionid");
      String name = sid == null ? null : sessions.get(sid);
      Map<String, String> row = name == null ? null : store.user(name);
      user = row == null ? null : name;
      superuser = row != null && "True".equals(row.get("is_superuser"));
      String flashed = r.cookies().get("messages");
      if (flashed != null && !flashed.isEmpty())
        for (String m : URLDecoder.decode(flashed, StandardCharsets.UTF_8).split("\\|"))
          messages.add(m);
    }

    Visit visit() {
      return new Visit(user, superuser, csrf, messages);
    }

    FixtureResponse page(int status, String html) {
      FixtureResponse response = FixtureResponse.html(status, html);
      if (!messages.isEmpty()) response = response.withCookie("messages=; Path=/; Max-Age=0");
      return cookies(response);
    }

    FixtureResponse cookies(FixtureResponse response) {
      return newToken
          ? response.withCookie("csrftoken=" + csrf + "; Path=/; SameSite=Lax")
          : response;
    }

    /** A redirect carrying a success message to show on the next page. */
    FixtureResponse done(String location, String message) {
      return cookies(
          redirect(302, location)
              .withCookie(
                  "messages="
                      + URLEncoder.encode(message, StandardCharsets.UTF_8).replace("+", "%20")
                      + "; Path=/"));
    }
  }

  private FixtureResponse handle(FixtureRequest r) {
    String path = r.path();
    boolean post = "POST".equalsIgnoreCase(r.method());
    if (!path.endsWith("/"))
      return post ? FixtureResponse.html(404, "<h1>Not Found</h1>") : redirect(301, path + "/");
    Exchange x = new Exchange(r);
    if (post && (x.newToken || !x.csrf.equals(r.param("csrfmiddlewaretoken"))))
      return outcome(FixtureResponse.html(403, AdminPages.csrfFailure()), "csrf-failed");
    if (path.equals("/admin/login/")) return login(x, post);
    if (path.equals("/admin/logout/")) {
      if (!post) return FixtureResponse.text(405, "Method Not Allowed");
      sessions.remove(r.cookies().getOrDefault("sessionid", ""));
      return x.page(200, AdminPages.loggedOut(new Visit(null, false, x.csrf, List.of())))
          .withCookie("sessionid=; Path=/; Max-Age=0");
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
    return model(x, m, post, java.util.Arrays.copyOfRange(parts, 2, parts.length));
  }

  private FixtureResponse login(Exchange x, boolean post) {
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
    String sid = token();
    sessions.put(sid, username);
    // the token rotates at login, as Django's does: a page cached before login cannot post after
    return redirect(302, next)
        .withCookie("sessionid=" + sid + "; Path=/; HttpOnly; SameSite=Lax")
        .withCookie("csrftoken=" + token() + "; Path=/; SameSite=Lax");
  }

  private FixtureResponse passwordChange(Exchange x, boolean post) {
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

  private FixtureResponse model(Exchange x, AdminModel m, boolean post, String[] rest) {
    if (rest.length == 0) {
      if (post) return FixtureResponse.text(405, "Method Not Allowed");
      int page = 1;
      try {
        page = Integer.parseInt(x.r.param("p"));
      } catch (NumberFormatException firstPage) {
        // no or bad page number: the first page
      }
      String q = x.r.param("q") == null ? "" : x.r.param("q");
      String filter = m.filterField() == null ? null : x.r.param(m.filterField());
      return x.page(200, AdminViews.changelist(x.visit(), m, store, q, filter, page));
    }
    if (rest.length == 1 && rest[0].equals("add")) {
      if (!post)
        return x.page(200, AdminViews.changeForm(x.visit(), m, store, 0, Map.of(), Map.of()));
      return save(x, m, 0);
    }
    int id;
    try {
      id = Integer.parseInt(rest[0]);
    } catch (NumberFormatException e) {
      return x.page(404, AdminPages.notFound(x.visit()));
    }
    Map<String, String> row = store.get(m, id);
    if (row == null) return x.page(404, AdminPages.notFound(x.visit()));
    String view = rest.length == 2 ? rest[1] : "";
    String url = m.changelistUrl() + id + "/";
    switch (view) {
      case "" -> {
        return x.cookies(redirect(302, url + "change/"));
      }
      case "change" -> {
        if (!post)
          return x.page(200, AdminViews.changeForm(x.visit(), m, store, id, row, Map.of()));
        return save(x, m, id);
      }
      case "delete" -> {
        if (!post || !"yes".equals(x.r.param("post")))
          return x.page(200, AdminViews.deleteConfirm(x.visit(), m, store, id, row));
        store.delete(m, id);
        return x.done(
            m.changelistUrl(),
            "The %s “%s” was deleted successfully.".formatted(m.verbose(), store.label(m, row)));
      }
      case "password" -> {
        if (m != AdminModel.USER) break;
        String username = row.get("username");
        if (!post) return x.page(200, AdminViews.userPassword(x.visit(), id, username, Map.of()));
        Map<String, String> values =
            Map.of("password1", param(x.r, "password1"), "password2", param(x.r, "password2"));
        Map<String, String> errors =
            AdminModel.validate(
                List.of(
                    Field.of("password1", "Password", Kind.PASSWORD, true),
                    Field.of("password2", "Password (again)", Kind.PASSWORD, true)),
                values,
                store);
        if (!errors.isEmpty())
          return x.page(200, AdminViews.userPassword(x.visit(), id, username, errors));
        store.setPassword(username, values.get("password1"));
        return x.done(url + "change/", "Password changed successfully.");
      }
      default -> {
        // fall through to 404
      }
    }
    return x.page(404, AdminPages.notFound(x.visit()));
  }

  private FixtureResponse save(Exchange x, AdminModel m, int id) {
    List<Field> fields = id == 0 ? m.addFields() : m.changeFields();
    Map<String, String> values = new LinkedHashMap<>();
    for (Field f : fields) {
      List<String> posted = x.r.form().getOrDefault(f.name(), List.of());
      values.put(
          f.name(),
          switch (f.kind()) {
            case CHECKBOX -> posted.isEmpty() ? "False" : "True";
            case MULTI -> String.join(",", posted);
            default -> posted.isEmpty() ? "" : posted.get(0).trim();
          });
    }
    Map<String, String> errors = AdminModel.validate(fields, values, store);
    if (m == AdminModel.USER && !errors.containsKey("username")) {
      Map<String, String> other = store.user(values.get("username"));
      if (other != null && (id == 0 || !other.equals(store.get(m, id))))
        errors.put("username", "A user with that username already exists.");
    }
    if (!errors.isEmpty())
      return outcome(
          x.page(200, AdminViews.changeForm(x.visit(), m, store, id, values, errors)), "rejected");
    int saved = id;
    if (id == 0) saved = store.insert(m, values);
    else store.update(m, id, values);
    String name = values.getOrDefault(m.titleField(), "");
    String verb = id == 0 ? "added" : "changed";
    String url = m.changelistUrl();
    if (x.r.param("_continue") != null || (id == 0 && m == AdminModel.USER))
      return x.done(
          url + saved + "/change/",
          "The %s “%s” was %s successfully. You may edit it again below."
              .formatted(m.verbose(), name, verb));
    if (x.r.param("_addanother") != null)
      return x.done(
          url + "add/",
          "The %s “%s” was %s successfully. You may add another %s below."
              .formatted(m.verbose(), name, verb, m.verbose()));
    return x.done(url, "The %s “%s” was %s successfully.".formatted(m.verbose(), name, verb));
  }

  private static String param(FixtureRequest r, String name) {
    return r.param(name) == null ? "" : r.param(name);
  }

  private String token() {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private static FixtureResponse redirect(int status, String location) {
    return new FixtureResponse(status, "text/plain", new byte[0], Map.of("Location", location));
  }

  private static FixtureResponse outcome(FixtureResponse response, String outcome) {
    return response.withHeader(RecordedRequest.OUTCOME_HEADER, outcome);
  }
}
