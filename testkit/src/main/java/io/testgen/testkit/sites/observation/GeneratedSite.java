package io.testgen.testkit.sites.observation;

import static io.testgen.testkit.sites.Html.escape;

import io.testgen.testkit.sites.FixtureRequest;
import io.testgen.testkit.sites.FixtureResponse;
import io.testgen.testkit.sites.FixtureServer;
import java.util.ArrayList;
import java.util.List;

/**
 * A server-rendered app of any size for scale benchmarks: {@code templates} page templates, each
 * structurally different (its own mix of sections, tables, lists and definition lists), with {@code
 * instances} pages each ({@code /{template}/{n}}, same structure, different text), and a form with
 * server-side validation on the first {@code formTemplates} of them. The home page links the first
 * instance of every template; an instance links every instance of its template and the first one of
 * the next template, so everything is reachable within depth 2.
 */
public final class GeneratedSite {
  private static final List<String> COLOURS = List.of("red", "green", "blue", "gold", "gray");
  private static final List<String> THINGS =
      List.of(
          "books", "tools", "games", "plants", "maps", "shoes", "toys", "songs", "films", "cards");

  private final int templates;
  private final int instances;
  private final int formTemplates;

  private GeneratedSite(int templates, int instances, int formTemplates) {
    this.templates = templates;
    this.instances = instances;
    this.formTemplates = formTemplates;
  }

  /** The 500-page app of issue 14: 50 templates x 10 instances, forms on 20 templates. */
  public static GeneratedSite install(FixtureServer server) {
    return install(server, 50, 10, 20);
  }

  public static GeneratedSite install(
      FixtureServer server, int templates, int instances, int formTemplates) {
    if (templates < 1 || templates > COLOURS.size() * THINGS.size())
      throw new IllegalArgumentException("1..50 templates");
    GeneratedSite site = new GeneratedSite(templates, instances, formTemplates);
    server.get("/", r -> FixtureResponse.html(site.home()));
    for (int t = 0; t < templates; t++) {
      int template = t;
      server.get("/" + name(t) + "/*", r -> site.instance(template, r));
      server.post("/" + name(t) + "/*", r -> site.submit(template, r));
    }
    return site;
  }

  /** Pages a crawl can reach without submitting forms: the home page and every instance. */
  public int pages() {
    return 1 + templates * instances;
  }

  /** Template {@code t}'s path segment, e.g. {@code red-books}: letters only, one per template. */
  static String name(int t) {
    return COLOURS.get(t / THINGS.size()) + "-" + THINGS.get(t % THINGS.size());
  }

  private static String page(String title, String body) {
    return """
        <!doctype html><html lang="en"><head><meta charset="utf-8"><title>%s · Generated</title></head>
        <body><header><nav><a href="/">Home</a></nav></header><main>%s</main></body></html>
        """
        .formatted(escape(title), body);
  }

  private String home() {
    StringBuilder b = new StringBuilder("<h1>Generated app</h1><ul class=\"templates\">");
    for (int t = 0; t < templates; t++)
      b.append("<li><a href=\"/%s/1\">%s</a></li>".formatted(name(t), escape(name(t))));
    return page("Home", b.append("</ul>").toString());
  }

  private FixtureResponse instance(int t, FixtureRequest r) {
    int n = number(r.path());
    if (n < 1 || n > instances)
      return FixtureResponse.html(404, page("Not found", "<h1>No such page</h1>"));
    return FixtureResponse.html(page(name(t) + " " + n, body(t, n, null)));
  }

  private FixtureResponse submit(int t, FixtureRequest r) {
    int n = number(r.path().replace("/submit", ""));
    if (t >= formTemplates || n < 1 || n > instances)
      return FixtureResponse.html(404, page("Not found", "<h1>No such form</h1>"));
    String title = r.param("title") == null ? "" : r.param("title").trim();
    if (title.isEmpty())
      return FixtureResponse.html(422, page(name(t) + " " + n, body(t, n, "Title is required")));
    return FixtureResponse.html(
        page(
            "Saved",
            "<h1>Saved</h1><p role=\"status\">Note \"%s\" saved on %s %d</p><a href=\"/%s/%d\">Back</a>"
                .formatted(escape(title), escape(name(t)), n, name(t), n)));
  }

  private static int number(String path) {
    String last = path.substring(path.lastIndexOf('/') + 1);
    try {
      return Integer.parseInt(last);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /**
   * Template {@code t}'s structure (it depends on {@code t} only) filled with instance n's text.
   */
  private String body(int t, int n, String error) {
    String label = name(t) + " " + n;
    StringBuilder b = new StringBuilder("<h1>" + escape(label) + "</h1>");
    int sections = 1 + t % 5;
    for (int s = 0; s < sections; s++) {
      b.append("<section><h2>Part ").append(s + 1).append("</h2>");
      switch ((t / 5 + s) % 4) {
        case 0 -> {
          b.append("<table><thead><tr>");
          for (int c = 0; c <= t % 3; c++) b.append("<th>Column ").append(c + 1).append("</th>");
          b.append("</tr></thead><tbody><tr>");
          for (int c = 0; c <= t % 3; c++) b.append("<td>").append(n * (c + 1)).append("</td>");
          b.append("</tr></tbody></table>");
        }
        case 1 -> b.append("<ul><li>%s first</li><li>%s second</li></ul>".formatted(label, label));
        case 2 ->
            b.append(
                "<dl><dt>Size</dt><dd>%d</dd><dt>Kind</dt><dd>%s</dd></dl>".formatted(n, name(t)));
        default ->
            b.append("<article><p>About %s.</p><p>Item %d.</p></article>".formatted(label, n));
      }
      b.append("</section>");
    }
    if (t < formTemplates) {
      b.append(
          """
          <form action="/%s/%d/submit" method="post" novalidate><h2>Add a note</h2>
          <label for="title">Title</label><input id="title" name="title" required>%s
          <label for="body">Text</label><textarea id="body" name="body"></textarea>
          <button type="submit">Save note</button></form>
          """
              .formatted(
                  name(t),
                  n,
                  error == null
                      ? ""
                      : "<span class=\"error\" role=\"alert\">" + escape(error) + "</span>"));
    }
    // (t % 10, t / 10) tells every template apart, whatever the sections above happen to be
    b.append("<aside><h2>Facts</h2><ol>");
    for (int i = 0; i <= t % 10; i++) b.append("<li>Fact ").append(i + 1).append("</li>");
    b.append("</ol>");
    for (int i = 0; i <= t / 10; i++) b.append("<small>Note ").append(i + 1).append("</small>");
    b.append("</aside>");
    b.append("<nav class=\"more\"><h2>More</h2><ul>");
    for (int i = 1; i <= instances; i++)
      if (i != n)
        b.append("<li><a href=\"/%s/%d\">%s %d</a></li>".formatted(name(t), i, name(t), i));
    b.append(
        "<li><a href=\"/%s/1\">Next: %s</a></li>"
            .formatted(name((t + 1) % templates), name((t + 1) % templates)));
    return b.append("</ul></nav>").toString();
  }

  /** Paths of every page a link reaches, home first. */
  public List<String> paths() {
    List<String> out = new ArrayList<>(List.of("/"));
    for (int t = 0; t < templates; t++)
      for (int n = 1; n <= instances; n++) out.add("/" + name(t) + "/" + n);
    return out;
  }
}
