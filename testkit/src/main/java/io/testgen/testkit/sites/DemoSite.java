package io.testgen.testkit.sites;

import static io.testgen.testkit.sites.Html.escape;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * "Acme Tasks", TestGen's built-in demo app and the reference fixture of the pipeline tests: a home
 * page with search, a task list with detail pages (one template, several instances), a form that
 * creates tasks with server-side validation, a contact form with validation, and an about page.
 */
public final class DemoSite {
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  private record Task(int id, String title, String priority) {}

  private final List<Task> tasks = new CopyOnWriteArrayList<>();

  private DemoSite() {
    tasks.add(new Task(1, "Write the release notes", "high"));
    tasks.add(new Task(2, "Review the login page", "medium"));
    tasks.add(new Task(3, "Plan the team offsite", "low"));
  }

  /** Serves a fresh demo app on {@code server}. */
  public static FixtureServer install(FixtureServer server) {
    DemoSite site = new DemoSite();
    server
        .get("/", r -> FixtureResponse.html(site.home()))
        .get(
            "/tasks",
            r -> FixtureResponse.html(site.taskList(r.param("created"), Map.of(), Map.of())))
        .post("/tasks", site::createTask)
        .get("/tasks/*", site::taskDetail)
        .get("/contact", r -> FixtureResponse.html(site.contact(Map.of(), Map.of())))
        .post("/contact", site::submitContact)
        .get("/about", r -> FixtureResponse.html(site.about()))
        .get("/search", site::search);
    return server;
  }

  /** Runs the demo app until killed: {@code DemoSite [port]}. */
  public static void main(String[] args) throws InterruptedException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8090;
    FixtureServer server = install(FixtureServer.start(port));
    System.out.println("Acme Tasks demo app on " + server.baseUrl());
    Thread.currentThread().join();
  }

  private static String page(String title, String body) {
    return """
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><title>%s · Acme Tasks</title></head>
        <body>
        <header>
          <nav aria-label="Main">
            <a href="/">Home</a> | <a href="/tasks">Tasks</a> | <a href="/contact">Contact</a> | <a href="/about">About</a>
          </nav>
        </header>
        <main>
        %s
        </main>
        <footer><p>Acme Tasks demo</p></footer>
        </body>
        </html>
        """
        .formatted(escape(title), body);
  }

  private String home() {
    return page(
        "Home",
        """
        <h1>Acme Tasks</h1>
        <p>Plan your work and get it done.</p>
        <form action="/search" method="get" role="search">
          <label for="q">Search tasks</label>
          <input id="q" name="q" type="search" required placeholder="e.g. release">
          <button type="submit">Search</button>
        </form>
        <h2>Get started</h2>
        <p><a href="/tasks">Browse all tasks</a></p>
        """);
  }

  private String taskList(String created, Map<String, String> errors, Map<String, String> values) {
    StringBuilder items = new StringBuilder();
    for (Task task : tasks) {
      items.append(
          "<li><a href=\"/tasks/%d\">%s</a> <span class=\"badge\">%s</span></li>\n"
              .formatted(task.id(), escape(task.title()), escape(task.priority())));
    }
    String flash =
        created == null
            ? ""
            : "<p role=\"status\" class=\"flash\">Task created: " + escape(created) + "</p>";
    String titleError =
        errors.containsKey("title")
            ? "<p class=\"error\" id=\"title-error\" role=\"alert\">"
                + escape(errors.get("title"))
                + "</p>"
            : "";
    return page(
        "Tasks",
        """
        <h1>Tasks</h1>
        %s
        <ul id="task-list">
        %s</ul>
        <h2>New task</h2>
        <form action="/tasks" method="post" id="new-task">
          <label for="title">Title</label>
          <input id="title" name="title" type="text" required minlength="3" maxlength="80" value="%s">
          %s
          <label for="priority">Priority</label>
          <select id="priority" name="priority">
            <option value="low">Low</option>
            <option value="medium" selected>Medium</option>
            <option value="high">High</option>
          </select>
          <button type="submit">Add task</button>
        </form>
        """
            .formatted(flash, items, escape(values.getOrDefault("title", "")), titleError));
  }

  private FixtureResponse createTask(FixtureRequest request) {
    String title = request.param("title") == null ? "" : request.param("title").trim();
    String priority = request.param("priority") == null ? "medium" : request.param("priority");
    if (title.length() < 3) {
      String message =
          title.isEmpty() ? "Title is required" : "Title must be at least 3 characters";
      return FixtureResponse.html(
          422, taskList(null, Map.of("title", message), Map.of("title", title)));
    }
    int id = tasks.size() + 1;
    tasks.add(
        new Task(
            id, title, List.of("low", "medium", "high").contains(priority) ? priority : "medium"));
    return FixtureResponse.redirect(
        "/tasks?created="
            + java.net.URLEncoder.encode(title, java.nio.charset.StandardCharsets.UTF_8));
  }

  private FixtureResponse taskDetail(FixtureRequest request) {
    String idText = request.path().substring("/tasks/".length());
    Task task = null;
    try {
      int id = Integer.parseInt(idText);
      task = tasks.stream().filter(t -> t.id() == id).findFirst().orElse(null);
    } catch (NumberFormatException ignored) {
      // falls through to 404
    }
    if (task == null) {
      return FixtureResponse.html(404, page("Not found", "<h1>Task not found</h1>"));
    }
    return FixtureResponse.html(
        page(
            task.title(),
            """
            <h1>%s</h1>
            <dl><dt>Priority</dt><dd class="priority">%s</dd></dl>
            <p><a href="/tasks">Back to tasks</a></p>
            """
                .formatted(escape(task.title()), escape(task.priority()))));
  }

  private String contact(Map<String, String> errors, Map<String, String> values) {
    return page(
        "Contact",
        """
        <h1>Contact us</h1>
        <form action="/contact" method="post" id="contact-form" novalidate>
          <label for="name">Name</label>
          <input id="name" name="name" type="text" required value="%s">
          %s
          <label for="email">Email</label>
          <input id="email" name="email" type="email" required value="%s">
          %s
          <label for="message">Message</label>
          <textarea id="message" name="message" required minlength="10">%s</textarea>
          %s
          <button type="submit">Send message</button>
        </form>
        """
            .formatted(
                Html.valuesAndErrors(
                    values, errors, "p", " role=\"alert\"", "name", "email", "message")));
  }

  private FixtureResponse submitContact(FixtureRequest request) {
    String name = trimmed(request.param("name"));
    String email = trimmed(request.param("email"));
    String message = trimmed(request.param("message"));
    Map<String, String> errors = new java.util.LinkedHashMap<>();
    if (name.isEmpty()) errors.put("name", "Name is required");
    if (email.isEmpty()) errors.put("email", "Email is required");
    else if (!EMAIL.matcher(email).matches()) errors.put("email", "Enter a valid email address");
    if (message.isEmpty()) errors.put("message", "Message is required");
    else if (message.length() < 10) errors.put("message", "Message must be at least 10 characters");
    if (!errors.isEmpty()) {
      return FixtureResponse.html(
          422, contact(errors, Map.of("name", name, "email", email, "message", message)));
    }
    return FixtureResponse.html(
        page(
            "Thank you",
            "<h1>Thank you</h1><p role=\"status\">Thanks, "
                + escape(name)
                + ". We will reply to "
                + escape(email)
                + ".</p><p><a href=\"/\">Back home</a></p>"));
  }

  private String about() {
    return page(
        "About",
        """
        <h1>About Acme Tasks</h1>
        <p>Acme Tasks is a tiny app that TestGen uses to show what it does.</p>
        <h2>Team</h2>
        <p>Made by the TestGen team.</p>
        """);
  }

  private FixtureResponse search(FixtureRequest request) {
    String query = trimmed(request.param("q"));
    List<Task> hits = new ArrayList<>();
    for (Task task : tasks) {
      if (!query.isEmpty() && task.title().toLowerCase().contains(query.toLowerCase()))
        hits.add(task);
    }
    StringBuilder body = new StringBuilder("<h1>Search results</h1>\n");
    if (hits.isEmpty()) {
      body.append("<p class=\"empty\" role=\"status\">No tasks match “")
          .append(escape(query))
          .append("”</p>");
    } else {
      body.append("<p role=\"status\">")
          .append(hits.size())
          .append(" result(s)</p><ul id=\"results\">");
      for (Task task : hits) {
        body.append(
            "<li><a href=\"/tasks/%d\">%s</a></li>".formatted(task.id(), escape(task.title())));
      }
      body.append("</ul>");
    }
    return FixtureResponse.html(page("Search", body.toString()));
  }

  private static String trimmed(String value) {
    return value == null ? "" : value.trim();
  }
}
