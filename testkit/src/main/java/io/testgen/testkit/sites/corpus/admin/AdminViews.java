package io.testgen.testkit.sites.corpus.admin;

import static io.testgen.testkit.sites.Html.escape;
import static io.testgen.testkit.sites.corpus.admin.AdminPages.capitalize;
import static io.testgen.testkit.sites.corpus.admin.AdminPages.crumbs;
import static io.testgen.testkit.sites.corpus.admin.AdminPages.csrfInput;
import static io.testgen.testkit.sites.corpus.admin.AdminPages.frame;

import io.testgen.testkit.sites.corpus.admin.AdminModel.Field;
import io.testgen.testkit.sites.corpus.admin.AdminModel.Kind;
import io.testgen.testkit.sites.corpus.admin.AdminPages.Visit;
import java.util.List;
import java.util.Map;

/**
 * The admin's forms for one record, as Django renders them: the add and change forms (errors above
 * each field, {@code novalidate} so the server is the one that says no), the delete confirmation,
 * and a user's password form.
 */
final class AdminViews {
  private AdminViews() {}

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
