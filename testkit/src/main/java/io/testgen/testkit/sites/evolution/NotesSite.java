package io.testgen.testkit.sites.evolution;

import static io.testgen.testkit.sites.Html.escape;

import io.testgen.testkit.sites.FixtureResponse;
import io.testgen.testkit.sites.FixtureServer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small notes app for the Evolution tests: a home page with search, a notes list with a form that
 * creates notes (server-side validation: title required, titles unique, so a suite must use fresh
 * data to pass twice), search results, and a stats page whose visitor count changes on every
 * request (a test that asserts the observed count always fails).
 */
public final class NotesSite {
  private final List<String> notes = new CopyOnWriteArrayList<>(List.of("Groceries"));
  private final AtomicInteger visitors = new AtomicInteger();

  private NotesSite() {}

  public static FixtureServer install(FixtureServer server) {
    NotesSite site = new NotesSite();
    server
        .get("/", r -> FixtureResponse.html(site.home()))
        .get("/notes", r -> FixtureResponse.html(site.list("1".equals(r.param("created")), null)))
        .post(
            "/notes",
            r -> {
              String title = r.param("title") == null ? "" : r.param("title").strip();
              if (title.isEmpty())
                return FixtureResponse.html(site.list(false, "Title is required"));
              if (site.notes.contains(title))
                return FixtureResponse.html(
                    site.list(false, "A note with this title already exists"));
              site.notes.add(title);
              return FixtureResponse.redirect("/notes?created=1");
            })
        .get("/search", r -> FixtureResponse.html(site.search(r.param("q"))))
        .get("/stats", r -> FixtureResponse.html(site.stats()));
    return server;
  }

  private static String page(String title, String body) {
    return """
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><title>%s · Notes</title></head>
        <body>
        <nav><a href="/">Home</a> <a href="/notes">All notes</a> <a href="/stats">Stats</a></nav>
        <main>
        %s
        </main>
        </body>
        </html>
        """
        .formatted(escape(title), body);
  }

  private String home() {
    return page(
        "Home",
        """
        <h1>Notes app</h1>
        <p>Write things down.</p>
        <form action="/search" method="get" role="search">
          <label for="q">Search notes</label>
          <input id="q" name="q" type="search">
          <button id="search-btn" type="submit">Search</button>
        </form>
        """);
  }

  private String list(boolean created, String error) {
    StringBuilder items = new StringBuilder();
    for (String note : notes) items.append("<li>").append(escape(note)).append("</li>");
    return page(
        "Notes",
        """
        <h1>Notes</h1>
        %s
        %s
        <ul id="notes">%s</ul>
        <form action="/notes" method="post">
          <label for="title">Title</label>
          <input id="title" name="title" type="text" aria-required="true">
          <label for="body">Body</label>
          <textarea id="body" name="body"></textarea>
          <button id="add" type="submit">Add note</button>
        </form>
        """
            .formatted(
                created ? "<p class=\"flash\" role=\"status\">Note added</p>" : "",
                error == null ? "" : "<p class=\"error\" role=\"alert\">" + escape(error) + "</p>",
                items));
  }

  private String search(String q) {
    String query = q == null ? "" : q.strip();
    long hits = notes.stream().filter(n -> !query.isEmpty() && n.contains(query)).count();
    return page(
        "Search",
        "<h1>Search results</h1><p>"
            + (hits == 0 ? "No notes match" : "Found " + hits + (hits == 1 ? " note" : " notes"))
            + "</p>");
  }

  private String stats() {
    return page("Stats", "<h1>Visitors: " + visitors.incrementAndGet() + "</h1>");
  }
}
