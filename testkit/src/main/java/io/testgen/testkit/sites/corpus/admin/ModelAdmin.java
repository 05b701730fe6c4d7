package io.testgen.testkit.sites.corpus.admin;

import static io.testgen.testkit.sites.corpus.admin.AdminExchange.outcome;
import static io.testgen.testkit.sites.corpus.admin.AdminExchange.redirect;

import io.testgen.testkit.sites.FixtureRequest;
import io.testgen.testkit.sites.FixtureResponse;
import io.testgen.testkit.sites.corpus.FaultSwitch;
import io.testgen.testkit.sites.corpus.admin.AdminModel.Field;
import io.testgen.testkit.sites.corpus.admin.AdminModel.Kind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers the requests under one model's URLs ({@code /admin/<app>/<model>/...}) as Django's {@code
 * ModelAdmin} does: changelist, add, change (with Save / Save and add another / Save and continue
 * editing), delete after confirmation, and a user's password form. The admin's hand-written faults
 * ({@link AdminFaults}) are bugs of these views, off unless injected.
 */
final class ModelAdmin {
  private ModelAdmin() {}

  static FixtureResponse handle(
      AdminExchange x,
      AdminStore store,
      AdminModel m,
      boolean post,
      String[] rest,
      FaultSwitch faults) {
    if (rest.length == 0) {
      if (post) return FixtureResponse.text(405, "Method Not Allowed");
      int page = 1;
      try {
        page = Integer.parseInt(x.r.param("p"));
      } catch (NumberFormatException firstPage) {
        // no or bad page number: the first page
      }
      if (faults.on(AdminFaults.PAGE_IGNORED)) page = 1;
      String q = x.r.param("q") == null ? "" : x.r.param("q");
      String filter = m.filterField() == null ? null : x.r.param(m.filterField());
      return x.page(
          200,
          AdminChangelist.changelist(
              x.visit(),
              m,
              store,
              q,
              faults.on(AdminFaults.SEARCH_IGNORED) ? "" : q,
              filter,
              faults.on(AdminFaults.FILTER_IGNORED) ? null : filter,
              page));
    }
    if (rest.length == 1 && rest[0].equals("add")) {
      if (!post)
        return x.page(200, AdminViews.changeForm(x.visit(), m, store, 0, Map.of(), Map.of()));
      return save(x, store, m, 0, faults);
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
        return save(x, store, m, id, faults);
      }
      case "delete" -> {
        if (!post || !"yes".equals(x.r.param("post")))
          return x.page(200, AdminViews.deleteConfirm(x.visit(), m, store, id, row));
        if (!faults.on(AdminFaults.DELETE_KEEPS_ROW)) store.delete(m, id);
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

  private static FixtureResponse save(
      AdminExchange x, AdminStore store, AdminModel m, int id, FaultSwitch faults) {
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
    if (id == 0) saved = store.insert(m, AdminFaults.stored(faults, m, values));
    else if (!faults.on(AdminFaults.CHANGE_NOT_SAVED)) store.update(m, id, values);
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
}
