package io.testgen.testkit.sites.corpus.admin;

import static io.testgen.testkit.sites.Html.escape;
import static io.testgen.testkit.sites.corpus.admin.AdminPages.capitalize;
import static io.testgen.testkit.sites.corpus.admin.AdminPages.crumbs;
import static io.testgen.testkit.sites.corpus.admin.AdminPages.csrfInput;
import static io.testgen.testkit.sites.corpus.admin.AdminPages.frame;

import io.testgen.testkit.sites.corpus.admin.AdminModel.Field;
import io.testgen.testkit.sites.corpus.admin.AdminModel.Kind;
import io.testgen.testkit.sites.corpus.admin.AdminPages.Visit;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The admin's views of one model, as Django renders them: the changelist (search box, filter
 * sidebar, pagination), the add and change forms (errors above each field, {@code novalidate} so
 * the server is the one that says no), the delete confirmation, and a user's password form.
 */
final class AdminViews {
  static final int PER_PAGE = 10;

  private AdminViews() {}

  static String changelist(
      Visit v, AdminModel m, AdminStore store, String q, String filter, int page) {
    Map<Integer, Map<String, String>> found = store.search(m, q, filter);
    int pages = Math.max(1, (found.size() + PER_PAGE - 1) / PER_PAGE);
    int current = Math.max(1, Math.min(page, pages));
    StringBuilder b = new StringBuilder();
    b.append("<h1>Select ").append(m.verbose()).append(" to change</h1>\n");
    b.append(
        "<ul class=\"object-tools\"><li><a href=\"%sadd/\" class=\"addlink\">Add %s</a></li></ul>\n"
            .formatted(m.changelistUrl(), m.verbose()));
    b.append(
        "<div id=\"toolbar\"><form id=\"changelist-search\" method=\"get\" role=\"search\">"
            + "<label for=\"searchbar\">Search</label>"
            + "<input type=\"text\" size=\"40\" name=\"q\" value=\"%s\" id=\"searchbar\">"
                .formatted(escape(q))
            + "<input type=\"submit\" value=\"Search\">");
    if (filter != null && !filter.isEmpty())
      b.append(
          "<input type=\"hidden\" name=\"%s\" value=\"%s\">"
              .formatted(m.filterField(), escape(filter)));
    if (!q.isEmpty() || (filter != null && !filter.isEmpty()))
      b.append(
          " <span class=\"small quiet\">%d result%s (<a href=\"?\">%d total</a>)</span>"
              .formatted(found.size(), found.size() == 1 ? "" : "s", store.count(m)));
    b.append("</form></div>\n");
    if (m.filterField() != null) b.append(filterSidebar(m, store, q, filter));
    b.append("<table id=\"result_list\"><thead><tr>");
    for (String c : m.columns()) b.append("<th scope=\"col\">").append(label(m, c)).append("</th>");
    b.append("</tr></thead><tbody>\n");
    List<Map.Entry<Integer, Map<String, String>>> rows = new ArrayList<>(found.entrySet());
    for (var row :
        rows.subList((current - 1) * PER_PAGE, Math.min(rows.size(), current * PER_PAGE))) {
      b.append("<tr>");
      for (int i = 0; i < m.columns().size(); i++) {
        String c = m.columns().get(i);
        String shown = escape(display(m, c, row.getValue().getOrDefault(c, ""), store));
        if (i == 0)
          b.append(
              "<th class=\"field-%s\"><a href=\"%s%d/change/\">%s</a></th>"
                  .formatted(c, m.changelistUrl(), row.getKey(), shown));
        else b.append("<td class=\"field-%s\">%s</td>".formatted(c, shown));
      }
      b.append("</tr>\n");
    }
    b.append("</tbody></table>\n<p class=\"paginator\">");
    if (pages > 1)
      for (int p = 1; p <= pages; p++)
        b.append(
            p == current
                ? "<span class=\"this-page\">" + p + "</span> "
                : "<a href=\"?%s\">%d</a> ".formatted(query(q, m.filterField(), filter, p), p));
    b.append(found.size())
        .append(" ")
        .append(found.size() == 1 ? m.verbose() : m.plural())
        .append("</p>");
    return frame(
        v,
        "Select " + m.verbose() + " to change",
        crumbs(
            m.app().equals("auth") ? "Authentication and Authorization" : "Library",
            "/admin/" + m.app() + "/",
            capitalize(m.plural()),
            null),
        b.toString());
  }

  private static String filterSidebar(AdminModel m, AdminStore store, String q, String filter) {
    StringBuilder b =
        new StringBuilder(
            "<nav id=\"changelist-filter\" aria-labelledby=\"changelist-filter-header\">"
                + "<h2 id=\"changelist-filter-header\">Filter</h2><details open><summary>By "
                + escape(label(m, m.filterField()).toLowerCase())
                + "</summary><ul>");
    boolean none = filter == null || filter.isEmpty();
    b.append(
        "<li%s><a href=\"?%s\">All</a></li>"
            .formatted(none ? " class=\"selected\"" : "", query(q, null, null, 1)));
    for (String value : store.filterValues(m))
      b.append(
          "<li%s><a href=\"?%s\">%s</a></li>"
              .formatted(
                  value.equals(filter) ? " class=\"selected\"" : "",
                  query(q, m.filterField(), value, 1),
                  escape(display(m, m.filterField(), value, store))));
    return b.append("</ul></details></nav>\n").toString();
  }

  private static String query(String q, String filterField, String filter, int page) {
    List<String> parts = new ArrayList<>();
    if (q != null && !q.isEmpty()) parts.add("q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
    if (filterField != null && filter != null && !filter.isEmpty())
      parts.add(filterField + "=" + URLEncoder.encode(filter, StandardCharsets.UTF_8));
    if (page > 1) parts.add("p=" + page);
    return escape(String.join("&", parts));
  }

  private static String label(AdminModel m, String field) {
    for (Field f : m.changeFields()) if (f.name().equals(field)) return f.label();
    return capitalize(field.replace('_', ' '));
  }

  private static String display(AdminModel m, String field, String value, AdminStore store) {
    for (Field f : m.changeFields())
      if (f.name().equals(field) && f.kind() == Kind.SELECT)
        return f.choices().apply(store).getOrDefault(value, value);
    if (value.equals("True")) return "Yes";
    if (value.equals("False")) return "No";
    return value;
  }

  /** The add form ({@code id} 0) or change form of a record. */
  static String changeForm(
      Visit v,
      AdminModel m,
      AdminStore store,
      int id,
      Map<String, String> values,
      Map<String, String> errors) {
    boolean add = id == 0;
    List<Field> fields = add ? m.addFields() : m.changeFields();
    String heading = (add ? "Add " : "Change ") + m.verbose();
    StringBuilder b = new StringBuilder("<h1>").append(heading).append("</h1>\n");
    if (!add)
      b.append("<h2>").append(escape(values.getOrDefault(m.titleField(), ""))).append("</h2>\n");
    if (!errors.isEmpty())
      b.append("<p class=\"errornote\">Please correct the error")
          .append(errors.size() > 1 ? "s" : "")
          .append(" below.</p>\n");
    b.append(
        "<form method=\"post\" id=\"%s_form\" novalidate>%s\n".formatted(m.model(), csrfInput(v)));
    for (Field f : fields) {
      b.append("<div class=\"form-row field-").append(f.name()).append("\">");
      if (errors.containsKey(f.name()))
        b.append("<ul class=\"errorlist\"><li>")
            .append(escape(errors.get(f.name())))
            .append("</li></ul>");
      b.append(
          "<label%s for=\"id_%s\">%s:</label>"
              .formatted(f.required() ? " class=\"required\"" : "", f.name(), f.label()));
      b.append(input(f, values.getOrDefault(f.name(), ""), store));
      b.append("</div>\n");
    }
    if (m == AdminModel.USER && !add)
      b.append(
          "<div class=\"form-row field-password\"><label>Password:</label><div class=\"readonly\">Raw passwords are not stored, so there is no way to see this user’s password, but you can change the password using <a href=\"/admin/auth/user/%d/password/\">this form</a>.</div></div>\n"
              .formatted(id));
    b.append(
        "<div class=\"submit-row\"><input type=\"submit\" value=\"Save\" class=\"default\" name=\"_save\">");
    if (!add)
      b.append(
          "<a href=\"%s%d/delete/\" class=\"deletelink\">Delete</a>"
              .formatted(m.changelistUrl(), id));
    b.append(
        "<input type=\"submit\" value=\"Save and add another\" name=\"_addanother\">"
            + "<input type=\"submit\" value=\"Save and continue editing\" name=\"_continue\"></div>\n</form>");
    String plural = capitalize(m.plural());
    return frame(
        v,
        heading,
        crumbs(
            plural,
            m.changelistUrl(),
            add ? heading : values.getOrDefault(m.titleField(), ""),
            null),
        b.toString());
  }

  private static String input(Field f, String value, AdminStore store) {
    String id = "id_" + f.name();
    return switch (f.kind()) {
      case SELECT, MULTI -> {
        List<String> selected = List.of(value.split(","));
        StringBuilder s =
            new StringBuilder(
                "<select name=\"%s\" id=\"%s\"%s>"
                    .formatted(f.name(), id, f.kind() == Kind.MULTI ? " multiple" : ""));
        if (f.kind() == Kind.SELECT) s.append("<option value=\"\">---------</option>");
        f.choices()
            .apply(store)
            .forEach(
                (k, label) ->
                    s.append(
                        "<option value=\"%s\"%s>%s</option>"
                            .formatted(
                                escape(k),
                                selected.contains(k) ? " selected" : "",
                                escape(label))));
        yield s.append("</select>").toString();
      }
      case CHECKBOX ->
          "<input type=\"checkbox\" name=\"%s\" id=\"%s\"%s>"
              .formatted(f.name(), id, value.equals("True") ? " checked" : "");
      case PASSWORD ->
          "<input type=\"password\" name=\"%s\" id=\"%s\" autocomplete=\"new-password\">"
              .formatted(f.name(), id);
      case DATE ->
          "<input type=\"text\" name=\"%s\" id=\"%s\" value=\"%s\" class=\"vDateField\" size=\"10\" placeholder=\"YYYY-MM-DD\">"
              .formatted(f.name(), id, escape(value));
      case INT ->
          "<input type=\"number\" name=\"%s\" id=\"%s\" value=\"%s\" min=\"1\">"
              .formatted(f.name(), id, escape(value));
      default ->
          "<input type=\"text\" name=\"%s\" id=\"%s\" value=\"%s\" maxlength=\"100\">"
              .formatted(f.name(), id, escape(value));
    };
  }

  static String deleteConfirm(
      Visit v, AdminModel m, AdminStore store, int id, Map<String, String> row) {
    String name = row.getOrDefault(m.titleField(), "");
    StringBuilder related =
        new StringBuilder(
            "<ul><li>%s: <a href=\"%s%d/change/\">%s</a>"
                .formatted(capitalize(m.verbose()), m.changelistUrl(), id, escape(name)));
    if (m == AdminModel.AUTHOR) {
      related.append("<ul>");
      store
          .search(AdminModel.BOOK, "", null)
          .forEach(
              (bookId, book) -> {
                if (book.get("author").equals(String.valueOf(id)))
                  related.append(
                      "<li>Book: <a href=\"/admin/library/book/%d/change/\">%s</a></li>"
                          .formatted(bookId, escape(book.get("title"))));
              });
      related.append("</ul>");
    }
    related.append("</li></ul>");
    return frame(
        v,
        "Are you sure?",
        crumbs(
            capitalize(m.plural()),
            m.changelistUrl(),
            name,
            m.changelistUrl() + id + "/change/",
            "Delete",
            null),
        """
        <h1>Are you sure?</h1>
        <p>Are you sure you want to delete the %s “%s”? All of the following related items will be deleted:</p>
        %s
        <form method="post">%s
          <input type="hidden" name="post" value="yes">
          <input type="submit" value="Yes, I’m sure">
          <a href="%s%d/change/" class="button cancel-link">No, take me back</a>
        </form>
        """
            .formatted(m.verbose(), escape(name), related, csrfInput(v), m.changelistUrl(), id));
  }

  static String userPassword(Visit v, int id, String username, Map<String, String> errors) {
    StringBuilder b =
        new StringBuilder("<h1>Change password: ").append(escape(username)).append("</h1>\n");
    if (!errors.isEmpty()) b.append("<p class=\"errornote\">Please correct the error below.</p>");
    b.append("<form method=\"post\" id=\"user_form\" novalidate>").append(csrfInput(v));
    b.append("<p>Enter a new password for the user <strong>")
        .append(escape(username))
        .append("</strong>.</p>");
    for (String[] f :
        new String[][] {{"password1", "Password"}, {"password2", "Password (again)"}}) {
      b.append("<div class=\"form-row\">");
      if (errors.containsKey(f[0]))
        b.append("<ul class=\"errorlist\"><li>")
            .append(escape(errors.get(f[0])))
            .append("</li></ul>");
      b.append(
          "<label class=\"required\" for=\"id_%s\">%s:</label><input type=\"password\" name=\"%s\" id=\"id_%s\" autocomplete=\"new-password\"></div>"
              .formatted(f[0], f[1], f[0], f[0]));
    }
    b.append(
        "<div class=\"submit-row\"><input type=\"submit\" value=\"Change password\" class=\"default\"></div></form>");
    return frame(
        v,
        "Change password: " + username,
        crumbs(
            "Users",
            "/admin/auth/user/",
            username,
            "/admin/auth/user/" + id + "/change/",
            "Change password",
            null),
        b.toString());
  }
}
