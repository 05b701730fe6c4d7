package io.testgen.worker.observation;

import io.testgen.testkit.sites.FixtureRequest;
import io.testgen.testkit.sites.FixtureResponse;
import io.testgen.testkit.sites.FixtureServer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small admin app for the crawler's secret and write rules: a CSRF-protected login for the user
 * {@code admin}, URLs under {@code /admin/}, the heading "Site administration", a logout form and a
 * search form in every page's header, a book changelist with an add form that redirects to the
 * created book, and account forms (add user, change password) that must never be submitted.
 */
final class MiniAdminSite {
  static final String USER = "admin";
  static final String PASSWORD = "Adm1n-pass-2026";

  final List<String> requests = new CopyOnWriteArrayList<>();
  final List<String> books = new CopyOnWriteArrayList<>(List.of("Dune", "Emma"));
  final Set<String> sessions = ConcurrentHashMap.newKeySet();
  final Map<String, String> csrf = new ConcurrentHashMap<>();

  static MiniAdminSite install(FixtureServer server) {
    MiniAdminSite site = new MiniAdminSite();
    server.route("/*", site::handle);
    return site;
  }

  /** "POST /path" of every request that was not a GET. */
  List<String> writes() {
    return requests.stream().filter(r -> !r.startsWith("GET ")).toList();
  }

  private FixtureResponse handle(FixtureRequest r) {
    requests.add(r.method() + " " + r.path());
    String path = r.path();
    if (path.equals("/admin/login/")) return login(r);
    String sid = r.cookies().get("sessionid");
    if (sid == null || !sessions.contains(sid)) return FixtureResponse.redirect("/admin/login/");
    boolean post = "POST".equals(r.method());
    if (post && !String.valueOf(csrf.get(sid)).equals(r.param("csrfmiddlewaretoken")))
      return FixtureResponse.html(403, "<h1>CSRF verification failed</h1>");
    String token = csrf.get(sid);
    if (path.equals("/admin/logout/") && post) {
      sessions.remove(sid);
      return FixtureResponse.redirect("/admin/login/");
    }
    if (path.equals("/admin/")) {
      return page(
          token,
          "Site administration",
          "<h1>Site administration</h1><table><tr><th><a href=\"/admin/library/book/\">Books</a></th>"
              + "<td><a href=\"/admin/library/book/add/\">Add</a></td></tr>"
              + "<tr><th><a href=\"/admin/auth/user/\">Users</a></th>"
              + "<td><a href=\"/admin/auth/user/add/\">Add</a></td></tr></table>"
              + "<p><a href=\"/admin/password_change/\">Change password</a></p>");
    }
    if (path.equals("/admin/library/book/")) {
      StringBuilder rows = new StringBuilder();
      String q = r.param("q") == null ? "" : r.param("q");
      for (int i = 0; i < books.size(); i++)
        if (books.get(i).toLowerCase().contains(q.toLowerCase()))
          rows.append("<tr><td><a href=\"/admin/library/book/")
              .append(i + 1)
              .append("/change/\">")
              .append(books.get(i))
              .append("</a></td></tr>");
      return page(
          token,
          "Select book to change",
          "<h1>Select book to change</h1><a href=\"/admin/library/book/add/\">Add book</a>"
              + "<table>"
              + rows
              + "</table>");
    }
    if (path.equals("/admin/library/book/add/")) {
      if (post) {
        String title = r.param("title");
        if (title == null || title.isBlank())
          return page(
              token,
              "Add book",
              "<h1>Add book</h1><p class=\"errorlist\">This field is required.</p>"
                  + bookForm(token, ""));
        books.add(title);
        return FixtureResponse.redirect("/admin/library/book/" + books.size() + "/change/");
      }
      return page(token, "Add book", "<h1>Add book</h1>" + bookForm(token, ""));
    }
    if (path.matches("/admin/library/book/\\d+/change/")) {
      int id = Integer.parseInt(path.split("/")[4]);
      if (id < 1 || id > books.size()) return FixtureResponse.html(404, "<h1>Not found</h1>");
      if (post) return FixtureResponse.redirect("/admin/library/book/");
      return page(
          token,
          "Change book",
          "<h1>Change book</h1>"
              + bookForm(token, books.get(id - 1))
              + "<p><a href=\"/admin/library/book/"
              + id
              + "/delete/\">Delete</a></p>");
    }
    if (path.matches("/admin/library/book/\\d+/delete/")) {
      if (post) throw new AssertionError("a delete confirmation was submitted");
      return page(
          token,
          "Are you sure?",
          "<h1>Are you sure?</h1><form method=\"post\"><input type=hidden name=csrfmiddlewaretoken value=\""
              + token
              + "\"><input type=hidden name=post value=yes>"
              + "<input type=submit value=\"Yes, I'm sure\"></form>");
    }
    if (path.equals("/admin/auth/user/")) {
      return page(
          token,
          "Select user to change",
          "<h1>Select user to change</h1><table><tr><td>admin</td></tr></table>");
    }
    if (path.equals("/admin/auth/user/add/")) {
      if (post) throw new AssertionError("a user was created");
      return page(
          token,
          "Add user",
          "<h1>Add user</h1><form method=\"post\"><input type=hidden name=csrfmiddlewaretoken value=\""
              + token
              + "\"><label for=u>Username</label><input id=u name=username required>"
              + "<label for=p1>Password</label><input id=p1 name=password1 type=password required>"
              + "<label for=p2>Password confirmation</label><input id=p2 name=password2 type=password required>"
              + "<input type=submit value=Save></form>");
    }
    if (path.equals("/admin/password_change/")) {
      if (post) throw new AssertionError("the password was changed");
      return page(
          token,
          "Password change",
          "<h1>Password change</h1><form method=\"post\"><input type=hidden name=csrfmiddlewaretoken value=\""
              + token
              + "\"><label for=o>Old password</label><input id=o name=old_password type=password required>"
              + "<label for=n>New password</label><input id=n name=new_password1 type=password required>"
              + "<input type=submit value=\"Change my password\"></form>");
    }
    if (path.equals("/admin/search/")) {
      return page(
          token, "Search", "<h1>Search results</h1><p>Nothing for " + r.param("q") + "</p>");
    }
    return FixtureResponse.html(404, "<h1>Not found</h1>");
  }

  private static String bookForm(String token, String title) {
    return "<form method=\"post\"><input type=hidden name=csrfmiddlewaretoken value=\""
        + token
        + "\">"
        + "<label for=t>Title</label><input id=t name=title required value=\""
        + title
        + "\">"
        + "<input type=submit value=Save></form>";
  }

  private FixtureResponse login(FixtureRequest r) {
    if ("POST".equals(r.method())) {
      if (USER.equals(r.param("username")) && PASSWORD.equals(r.param("password"))) {
        String sid = UUID.randomUUID().toString();
        sessions.add(sid);
        csrf.put(sid, UUID.randomUUID().toString().replace("-", ""));
        return FixtureResponse.redirect("/admin/")
            .withHeader("Set-Cookie", "sessionid=" + sid + "; Path=/; HttpOnly");
      }
      return FixtureResponse.html(
          200, loginPage("Please enter the correct username and password."));
    }
    return FixtureResponse.html(loginPage(null));
  }

  private static String loginPage(String error) {
    return "<!doctype html><html lang=en><head><title>Log in | Site administration</title></head><body>"
        + "<h1>Site administration</h1>"
        + (error == null ? "" : "<p class=errornote>" + error + "</p>")
        + "<form method=post action=\"/admin/login/\"><input type=hidden name=csrfmiddlewaretoken value=login>"
        + "<label for=id_username>Username</label><input id=id_username name=username type=text>"
        + "<label for=id_password>Password</label><input id=id_password name=password type=password>"
        + "<input type=submit value=\"Log in\"></form></body></html>";
  }

  private static FixtureResponse page(String token, String title, String body) {
    return FixtureResponse.html(
        "<!doctype html><html lang=en><head><title>"
            + title
            + " | Site administration</title></head><body>"
            + "<header><a href=\"/admin/\">Site administration</a>"
            + "<form action=\"/admin/search/\" method=get role=search><input name=q type=search aria-label=Search>"
            + "<button>Search</button></form>"
            + "<span>Welcome, admin.</span>"
            + "<form action=\"/admin/logout/\" method=post><input type=hidden name=csrfmiddlewaretoken value=\""
            + token
            + "\"><button type=submit>Log out</button></form></header>"
            + "<main>"
            + body
            + "</main></body></html>");
  }
}
