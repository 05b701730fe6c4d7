package io.testgen.testkit.sites.corpus.admin;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The admin app's data in memory: one table of rows (field name to value) per model, seeded the
 * same way every time ({@link #reset()}): 12 authors, 30 books, users {@code admin} (superuser) and
 * {@code editor} (staff), one group. Also the "Recent actions" log. Thread-safe.
 */
final class AdminStore {
  static final String ADMIN_PASSWORD = "Tr0ub4dor-and-3";
  static final String EDITOR_PASSWORD = "edit0r-Pa55";

  private static final String[][] AUTHORS = {
    {"Ursula K. Le Guin", "United States", "1929-10-21"},
    {"Terry Pratchett", "United Kingdom", "1948-04-28"},
    {"Agatha Christie", "United Kingdom", "1890-09-15"},
    {"Isaac Asimov", "United States", "1920-01-02"},
    {"Mary Beard", "United Kingdom", "1955-01-01"},
    {"Wisława Szymborska", "Poland", "1923-07-02"},
    {"Stanisław Lem", "Poland", "1921-09-12"},
    {"Fred Vargas", "France", "1957-06-07"},
    {"N. K. Jemisin", "United States", "1972-09-19"},
    {"Yuval Noah Harari", "Israel", "1976-02-24"},
    {"Mary Oliver", "United States", "1935-09-10"},
    {"Ted Chiang", "United States", "1967-10-20"},
  };
  private static final String[] GENRE_OF_AUTHOR = {
    "fantasy", "fantasy", "mystery", "science-fiction", "history", "poetry",
    "science-fiction", "mystery", "fantasy", "history", "poetry", "science-fiction"
  };

  private final Map<String, TreeMap<Integer, Map<String, String>>> tables = new HashMap<>();
  private final Map<String, Integer> nextIds = new HashMap<>();
  private final Map<String, String> passwords = new HashMap<>();
  private final List<String> recentActions = new ArrayList<>();

  AdminStore() {
    reset();
  }

  synchronized void reset() {
    tables.clear();
    nextIds.clear();
    passwords.clear();
    recentActions.clear();
    for (String[] a : AUTHORS)
      insert(AdminModel.AUTHOR, row("name", a[0], "country", a[1], "born", a[2]));
    for (int i = 0; i < 30; i++) {
      int author = i % AUTHORS.length;
      insert(
          AdminModel.BOOK,
          row(
              "title", "Book %02d by %s".formatted(i + 1, AUTHORS[author][0].replaceAll(".* ", "")),
              "author", String.valueOf(author + 1),
              "genre", GENRE_OF_AUTHOR[author],
              "published", "%d-%02d-15".formatted(1960 + i, 1 + i % 12),
              "isbn", "978000000%04d".formatted(i + 1),
              "pages", String.valueOf(120 + 7 * i)));
    }
    insert(
        AdminModel.GROUP,
        row("name", "Editors", "permissions", "library.add_book,library.change_book"));
    insert(
        AdminModel.USER,
        row(
            "username",
            "admin",
            "email",
            "admin@example.com",
            "is_staff",
            "True",
            "is_superuser",
            "True",
            "groups",
            ""));
    insert(
        AdminModel.USER,
        row(
            "username",
            "editor",
            "email",
            "editor@example.com",
            "is_staff",
            "True",
            "is_superuser",
            "False",
            "groups",
            "1"));
    passwords.put("admin", ADMIN_PASSWORD);
    passwords.put("editor", EDITOR_PASSWORD);
    recentActions.clear();
  }

  private static Map<String, String> row(String... pairs) {
    Map<String, String> row = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) row.put(pairs[i], pairs[i + 1]);
    return row;
  }

  private static String key(AdminModel m) {
    return m.app() + "." + m.model();
  }

  synchronized int insert(AdminModel m, Map<String, String> values) {
    int id = nextIds.merge(key(m), 1, Integer::sum);
    Map<String, String> row = new LinkedHashMap<>(values);
    if (m == AdminModel.USER && values.containsKey("password1")) {
      passwords.put(values.get("username"), values.get("password1"));
      row.remove("password1");
      row.remove("password2");
      row.putIfAbsent("is_staff", "False");
      row.putIfAbsent("is_superuser", "False");
      row.putIfAbsent("email", "");
      row.putIfAbsent("groups", "");
    }
    tables.computeIfAbsent(key(m), k -> new TreeMap<>()).put(id, row);
    recentActions.add(0, "Added " + m.verbose() + " “" + label(m, row) + "”");
    return id;
  }

  synchronized void update(AdminModel m, int id, Map<String, String> values) {
    Map<String, String> row = tables.get(key(m)).get(id);
    row.putAll(values);
    recentActions.add(0, "Changed " + m.verbose() + " “" + label(m, row) + "”");
  }

  /** Deletes the record; deleting an author deletes their books, as a cascade would. */
  synchronized void delete(AdminModel m, int id) {
    Map<String, String> row = tables.get(key(m)).remove(id);
    if (row == null) return;
    if (m == AdminModel.AUTHOR)
      table(AdminModel.BOOK).values().removeIf(b -> b.get("author").equals(String.valueOf(id)));
    recentActions.add(0, "Deleted " + m.verbose() + " “" + label(m, row) + "”");
  }

  synchronized Map<String, String> get(AdminModel m, int id) {
    Map<String, String> row = table(m).get(id);
    return row == null ? null : Map.copyOf(row);
  }

  synchronized int count(AdminModel m) {
    return table(m).size();
  }

  /** Id to row, newest first, of the rows any of whose search fields contains {@code q}. */
  synchronized Map<Integer, Map<String, String>> search(AdminModel m, String q, String filter) {
    String needle = q == null ? "" : q.toLowerCase(Locale.ROOT).trim();
    Map<Integer, Map<String, String>> found = new LinkedHashMap<>();
    // newest first, as Django's changelist orders by -pk when the model declares no ordering
    table(m)
        .descendingMap()
        .forEach(
            (id, row) -> {
              boolean hit =
                  needle.isEmpty()
                      || m.searchFields().stream()
                          .anyMatch(
                              f ->
                                  row.getOrDefault(f, "")
                                      .toLowerCase(Locale.ROOT)
                                      .contains(needle));
              boolean kept =
                  filter == null || filter.isEmpty() || filter.equals(row.get(m.filterField()));
              if (hit && kept) found.put(id, Map.copyOf(row));
            });
    return found;
  }

  /** Distinct values of the model's filter field, sorted. */
  synchronized List<String> filterValues(AdminModel m) {
    return table(m).values().stream()
        .map(r -> r.getOrDefault(m.filterField(), ""))
        .distinct()
        .sorted()
        .toList();
  }

  synchronized String label(AdminModel m, Map<String, String> row) {
    return row.getOrDefault(m.titleField(), "?");
  }

  synchronized boolean passwordMatches(String username, String password) {
    return password != null && password.equals(passwords.get(username));
  }

  synchronized void setPassword(String username, String password) {
    passwords.put(username, password);
    recentActions.add(0, "Changed password of “" + username + "”");
  }

  /** The user row of {@code username}, or null. */
  synchronized Map<String, String> user(String username) {
    return table(AdminModel.USER).values().stream()
        .filter(u -> u.get("username").equals(username))
        .findFirst()
        .map(Map::copyOf)
        .orElse(null);
  }

  synchronized List<String> recentActions() {
    return List.copyOf(recentActions.subList(0, Math.min(10, recentActions.size())));
  }

  synchronized Map<String, String> authorChoices() {
    Map<String, String> choices = new LinkedHashMap<>();
    table(AdminModel.AUTHOR).forEach((id, row) -> choices.put(String.valueOf(id), row.get("name")));
    return choices;
  }

  synchronized Map<String, String> groupChoices() {
    Map<String, String> choices = new LinkedHashMap<>();
    table(AdminModel.GROUP).forEach((id, row) -> choices.put(String.valueOf(id), row.get("name")));
    return choices;
  }

  private TreeMap<Integer, Map<String, String>> table(AdminModel m) {
    return tables.computeIfAbsent(key(m), k -> new TreeMap<>());
  }
}
