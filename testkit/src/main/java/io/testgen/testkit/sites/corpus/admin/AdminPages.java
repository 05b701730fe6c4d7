package io.testgen.testkit.sites.corpus.admin;

import static io.testgen.testkit.sites.Html.escape;

import java.util.List;

/**
 * The admin's page frame and its pages outside the model views: login, logged out, index, reports,
 * password change, 403 and 404. Every signed-in page carries the logout form (a POST with the CSRF
 * token) in its header, as Django's admin does.
 */
final class AdminPages {
  static final String SITE = "Library site admin";

  private AdminPages() {}

  /**
   * Who is looking and what the frame shows them.
   *
   * @param user signed-in username, null on the login page
   * @param csrf the token every form on the page carries
   * @param messages success messages to show once
   */
  record Visit(String user, boolean superuser, String csrf, List<String> messages) {}

  static String csrfInput(Visit v) {
    return "<input type=\"hidden\" name=\"csrfmiddlewaretoken\" value=\""
        + escape(v.csrf())
        + "\">";
  }

  static String frame(Visit v, String title, String breadcrumbs, String content) {
    StringBuilder tools = new StringBuilder();
    if (v.user() != null) {
      tools
          .append("<div id=\"user-tools\">Welcome, <strong>")
          .append(escape(v.user()))
          .append("</strong>. <a href=\"/\">View site</a> / ");
      if (v.superuser()) tools.append("<a href=\"/admin/reports/\">Reports</a> / ");
      tools
          .append("<a href=\"/admin/password_change/\">Change password</a> / ")
          .append("<form id=\"logout-form\" method=\"post\" action=\"/admin/logout/\">")
          .append(csrfInput(v))
          .append("<button type=\"submit\">Log out</button></form></div>");
    }
    StringBuilder messages = new StringBuilder();
    if (!v.messages().isEmpty()) {
      messages.append("<ul class=\"messagelist\">");
      for (String m : v.messages())
        messages.append("<li class=\"success\">").append(escape(m)).append("</li>");
      messages.append("</ul>");
    }
    return """
        <!doctype html>
        <html lang="en-us">
        <head><meta charset="utf-8"><title>%s | %s</title>
        <style>.errornote,.errorlist{color:#ba2121}.messagelist .success{background:#dfd}
        #logout-form{display:inline}#logout-form button{background:none;border:0;text-decoration:underline;cursor:pointer}</style>
        </head>
        <body>
        <div id="container">
        <header id="header"><div id="branding"><div id="site-name"><a href="/admin/">Library administration</a></div></div>
        %s</header>
        %s
        %s
        <main id="content">
        %s
        </main>
        </div>
        </body></html>
        """
        .formatted(
            escape(title),
            SITE,
            tools,
            breadcrumbs == null
                ? ""
                : "<nav class=\"breadcrumbs\" aria-label=\"Breadcrumbs\">" + breadcrumbs + "</nav>",
            messages,
            content);
  }

  static String crumbs(String... trail) {
    StringBuilder b = new StringBuilder("<a href=\"/admin/\">Home</a>");
    for (int i = 0; i < trail.length; i += 2) {
      b.append(" › ");
      b.append(
          trail[i + 1] == null
              ? escape(trail[i])
              : "<a href=\"" + trail[i + 1] + "\">" + escape(trail[i]) + "</a>");
    }
    return b.toString();
  }

  static String login(Visit v, String next, String username, boolean failed) {
    return frame(
        v,
        "Log in",
        null,
        """
        <h1>Log in</h1>
        %s
        <form action="/admin/login/" method="post" id="login-form">%s
          <div class="form-row"><label class="required" for="id_username">Username:</label>
            <input type="text" name="username" autofocus autocapitalize="none" autocomplete="username" maxlength="150" required id="id_username" value="%s"></div>
          <div class="form-row"><label class="required" for="id_password">Password:</label>
            <input type="password" name="password" autocomplete="current-password" required id="id_password"></div>
          <input type="hidden" name="next" value="%s">
          <div class="submit-row"><input type="submit" value="Log in"></div>
        </form>
        """
            .formatted(
                failed
                    ? "<p class=\"errornote\">Please enter the correct username and password for a"
                        + " staff account. Note that both fields may be case-sensitive.</p>"
                    : "",
                csrfInput(v),
                escape(username),
                escape(next)));
  }

  static String loggedOut(Visit v) {
    return frame(
        v,
        "Logged out",
        crumbs(),
        "<h1>Logged out</h1><p>Thanks for spending some quality time with the web site today.</p>"
            + "<p><a href=\"/admin/\">Log in again</a></p>");
  }

  static String index(Visit v, List<String> recentActions) {
    StringBuilder b =
        new StringBuilder("<h1>Site administration</h1>\n<div id=\"content-main\">\n");
    String app = null;
    for (AdminModel m : AdminModel.ALL) {
      if (m.superuserOnly() && !v.superuser()) continue;
      if (!m.app().equals(app)) {
        if (app != null) b.append("</table></div>\n");
        app = m.app();
        String name = app.equals("auth") ? "Authentication and Authorization" : "Library";
        b.append(
            "<div class=\"app-%s module\"><table><caption><a href=\"/admin/%s/\" class=\"section\">%s</a></caption>\n"
                .formatted(app, app, name));
      }
      String url = m.changelistUrl();
      b.append(
          "<tr class=\"model-%s\"><th scope=\"row\"><a href=\"%s\">%s</a></th><td><a href=\"%sadd/\" class=\"addlink\">Add</a></td><td><a href=\"%s\" class=\"changelink\">Change</a></td></tr>\n"
              .formatted(m.model(), url, capitalize(m.plural()), url, url));
    }
    b.append(
        "</table></div>\n</div>\n<div id=\"content-related\"><div class=\"module\" id=\"recent-actions-module\"><h2>Recent actions</h2><h3>My actions</h3>");
    if (recentActions.isEmpty()) b.append("<p>None available</p>");
    else {
      b.append("<ul class=\"actionlist\">");
      for (String a : recentActions) b.append("<li>").append(escape(a)).append("</li>");
      b.append("</ul>");
    }
    b.append("</div></div>");
    return frame(v, "Site administration", null, b.toString());
  }

  /** An app's own index: {@code /admin/library/}. */
  static String appIndex(Visit v, String app) {
    StringBuilder b = new StringBuilder();
    String name = app.equals("auth") ? "Authentication and Authorization" : "Library";
    b.append("<h1>").append(name).append(" administration</h1><ul>");
    for (AdminModel m : AdminModel.ALL)
      if (m.app().equals(app))
        b.append(
            "<li><a href=\"%s\">%s</a></li>".formatted(m.changelistUrl(), capitalize(m.plural())));
    return frame(v, name + " administration", crumbs(name, null), b.append("</ul>").toString());
  }

  static String reports(Visit v, AdminStore store) {
    StringBuilder b =
        new StringBuilder(
            "<h1>Reports</h1><table id=\"books-by-genre\"><tr><th>Genre</th><th>Books</th></tr>");
    AdminModel.GENRES.forEach(
        (value, label) ->
            b.append(
                "<tr><td>%s</td><td>%d</td></tr>"
                    .formatted(label, store.search(AdminModel.BOOK, "", value).size())));
    return frame(v, "Reports", crumbs("Reports", null), b.append("</table>").toString());
  }

  static String passwordChange(Visit v, String error) {
    return frame(
        v,
        "Password change",
        crumbs("Password change", null),
        """
        <h1>Password change</h1>%s
        <p>Please enter your old password, for security’s sake, and then enter your new password twice.</p>
        <form method="post">%s
          <div class="form-row"><label for="id_old_password">Old password:</label><input type="password" name="old_password" id="id_old_password" required></div>
          <div class="form-row"><label for="id_new_password1">New password:</label><input type="password" name="new_password1" id="id_new_password1" required></div>
          <div class="form-row"><label for="id_new_password2">New password confirmation:</label><input type="password" name="new_password2" id="id_new_password2" required></div>
          <div class="submit-row"><input type="submit" value="Change my password" class="default"></div>
        </form>
        """
            .formatted(
                error == null ? "" : "<p class=\"errornote\">" + escape(error) + "</p>",
                csrfInput(v)));
  }

  static String csrfFailure() {
    return "<!doctype html><html lang=\"en\"><head><title>403 Forbidden</title></head><body>"
        + "<h1>Forbidden <span>(403)</span></h1><p>CSRF verification failed. Request aborted.</p>"
        + "</body></html>";
  }

  static String forbidden(Visit v) {
    return frame(
        v,
        "403 Forbidden",
        crumbs(),
        "<h1>403 Forbidden</h1><p>You don’t have permission to view this page.</p>");
  }

  static String notFound(Visit v) {
    return frame(
        v,
        "Not Found",
        crumbs(),
        "<h1>Not Found</h1><p>The requested resource was not found on this server.</p>");
  }

  static String capitalize(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
