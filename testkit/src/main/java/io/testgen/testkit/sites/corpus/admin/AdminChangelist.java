package io.testgen.testkit.sites.corpus.admin;

import static io.testgen.testkit.sites.Html.escape;
import static io.testgen.testkit.sites.corpus.admin.AdminPages.capitalize;
import static io.testgen.testkit.sites.corpus.admin.AdminPages.crumbs;
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
 * A model's changelist as Django renders it: newest first, a search box ({@code ?q=}), a filter
 * sidebar of links ({@code ?genre=...}), pages of {@value #PER_PAGE} ({@code ?p=2}).
 */
final class AdminChangelist {
  static final int PER_PAGE = 10;

  private AdminChangelist() {}

  static String changelist(
      Visit v, AdminModel m, AdminStore store, String q, String filter, int page) {
    return changelist(v, m, store, q, q, filter, filter, page);
  }

  /**
   * The changelist showing {@code q} and {@code filter} as chosen while the rows are those of
   * {@code searched} and {@code filtered}: the same unless a hand-written fault loses one.
   */
  static String changelist(
      Visit v,
      AdminModel m,
      AdminStore store,
      String q,
      String searched,
      String filter,
      String filtered,
      int page) {
    Map<Integer, Map<String, String>> found = store.search(m, searched, filtered);
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
}
