package io.testgen.testkit.sites.corpus;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.testgen.testkit.sites.FixtureServer;
import io.testgen.testkit.sites.RecordedRequest;
import io.testgen.testkit.sites.corpus.todo.TodoApp;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Both todo builds in real Chromium: every feature works and its telemetry reaches the server. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TodoAppsBrowserTest {
  @RegisterExtension static final HeadlessChromium CHROMIUM = new HeadlessChromium();

  /** How a build's items look from outside: Playwright's CSS pierces open shadow roots. */
  private record Items(String item, String completed, String editing) {}

  @Test
  void plainTodoMvcWorksAndReportsEveryChange() {
    exerciseEveryFeature(
        TodoApp.plain(),
        new Items(".todo-list li", ".todo-list li.completed", ".todo-list li.editing"));
  }

  @Test
  void webComponentsTodoMvcWorksThroughOpenShadowRootsAndReportsEveryChange() {
    exerciseEveryFeature(
        TodoApp.webComponents(),
        new Items("todo-item", "todo-item[completed]", "todo-item[editing]"));
  }

  private void exerciseEveryFeature(TodoApp app, Items items) {
    GroundTruth truth = app.groundTruth();
    try (FixtureServer server = app.install(FixtureServer.start());
        BrowserContext context = CHROMIUM.newContext()) {
      Page page = context.newPage();
      page.navigate(server.url("/"));
      assertThat(page.locator("h1")).hasText("todos");
      assertThat(page.locator(".footer")).isHidden();
      Locator input = page.getByPlaceholder("What needs to be done?");
      input.fill("Buy milk");
      input.press("Enter");
      input.fill("Walk the dog");
      input.press("Enter");
      Locator item = page.locator(items.item());
      assertThat(item).hasCount(2);
      assertThat(page.locator(".todo-count")).hasText("2 items left");
      assertThat(page.locator(".clear-completed")).isHidden();

      item.nth(0).locator(".toggle").check();
      assertThat(page.locator(items.completed())).hasCount(1);
      assertThat(page.locator(".todo-count")).hasText("1 item left");
      assertThat(page.locator(".clear-completed")).isVisible();

      // editing: double-click shows the input, Escape cancels, Enter saves
      item.nth(1).locator("label").dblclick();
      assertThat(page.locator(items.editing())).hasCount(1);
      Locator edit = item.nth(1).locator(".edit");
      assertThat(edit).isVisible();
      edit.fill("Walk the cat");
      edit.press("Escape");
      assertThat(page.locator(items.editing())).hasCount(0);
      assertThat(item.nth(1).locator("label")).hasText("Walk the dog");
      item.nth(1).locator("label").dblclick();
      item.nth(1).locator(".edit").fill("Walk the dog twice");
      item.nth(1).locator(".edit").press("Enter");
      assertThat(item.nth(1).locator("label")).hasText("Walk the dog twice");

      // filters
      page.getByText("Active", new Page.GetByTextOptions().setExact(true)).click();
      assertThat(item).hasCount(1);
      assertThat(item.locator("label")).hasText("Walk the dog twice");
      page.getByText("Completed", new Page.GetByTextOptions().setExact(true)).click();
      assertThat(item.locator("label")).hasText("Buy milk");
      page.getByText("All", new Page.GetByTextOptions().setExact(true)).click();
      assertThat(item).hasCount(2);

      // state survives a reload (localStorage)
      page.reload();
      assertThat(item).hasCount(2);
      assertThat(page.locator(items.completed())).hasCount(1);

      // the delete button shows only on hover
      Locator destroy = item.nth(1).locator(".destroy");
      page.mouse().move(0, 0);
      assertThat(destroy).isHidden();
      item.nth(1).hover();
      assertThat(destroy).isVisible();
      destroy.click();
      assertThat(item).hasCount(1);

      input.fill("Water plants");
      input.press("Enter");
      page.locator(".toggle-all + label").click();
      assertThat(page.locator(items.completed())).hasCount(2);
      assertThat(page.locator(".todo-count")).hasText("0 items left");
      page.getByText("Clear completed").click();
      assertThat(item).hasCount(0);
      assertThat(page.locator(".footer")).isHidden();

      List<String> events =
          awaitEvents(
              server,
              List.of(
                  "add",
                  "toggle",
                  "edit-start",
                  "edit-cancel",
                  "edit",
                  "filter-active",
                  "filter-completed",
                  "filter-all",
                  "delete",
                  "toggle-all",
                  "clear-completed"));
      // keepalive fetches may arrive out of order: count, don't sequence
      assertThat(events).filteredOn("add"::equals).hasSize(3);
      assertThat(events).filteredOn("delete"::equals).hasSize(1);
      assertThat(truth.exercised(server.requests())).containsExactlyElementsOf(truth.features());
      assertThat(server.requests())
          .filteredOn(r -> r.path().startsWith("/__events/"))
          .allSatisfy(r -> assertThat(r.status()).isEqualTo(204));
    }
  }

  /**
   * The telemetry events recorded, once every one of {@code expected} has arrived (5 s at most).
   */
  private static List<String> awaitEvents(FixtureServer server, List<String> expected) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (true) {
      List<String> events =
          server.requests().stream()
              .map(RecordedRequest::path)
              .filter(p -> p.startsWith("/__events/"))
              .map(p -> p.substring("/__events/".length()))
              .toList();
      if (events.containsAll(expected) || System.nanoTime() > deadline) return events;
      java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L); // poll the log
    }
  }
}
