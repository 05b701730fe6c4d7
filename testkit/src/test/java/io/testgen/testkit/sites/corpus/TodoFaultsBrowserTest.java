package io.testgen.testkit.sites.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.testgen.testkit.sites.FixtureServer;
import io.testgen.testkit.sites.corpus.todo.TodoApp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The todo apps' hand-written faults in real Chromium: one walk through the app (add three, toggle
 * one, both filters, edit, delete, clear completed) written down step by step, healed, with each
 * fault, and healed again. Each fault changes exactly the steps it should; healing restores all.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class TodoFaultsBrowserTest {
  private static final String HEALED =
      "added [Buy milk, Walk the dog, Pay rent] 3 items left"
          + " | toggled [Buy milk, Walk the dog, Pay rent] 2 items left"
          + " | active [Walk the dog, Pay rent]"
          + " | completed [Buy milk]"
          + " | edited [Buy milk, Walk the cat, Pay rent]"
          + " | deleted [Buy milk, Pay rent]"
          + " | cleared [Pay rent] 1 item left";

  /** Fault id to the walk it gives: the same for both builds. */
  private static final Map<String, String> FAULTY = new LinkedHashMap<>();

  static {
    FAULTY.put("enter-adds-nothing", "added [] 0 items left");
    FAULTY.put(
        "count-counts-completed",
        HEALED.replace(
            "toggled [Buy milk, Walk the dog, Pay rent] 2",
            "toggled [Buy milk, Walk the dog, Pay rent] 3"));
    FAULTY.put(
        "filters-swapped",
        HEALED
            .replace("active [Walk the dog, Pay rent]", "active [Buy milk]")
            .replace("completed [Buy milk]", "completed [Walk the dog, Pay rent]"));
    FAULTY.put(
        "clear-completed-keeps-all",
        HEALED.replace(
            "cleared [Pay rent] 1 item left", "cleared [Buy milk, Pay rent] 1 item left"));
    FAULTY.put(
        "edit-not-saved",
        HEALED.replace(
            "edited [Buy milk, Walk the cat, Pay rent]",
            "edited [Buy milk, Walk the dog, Pay rent]"));
    FAULTY.put(
        "delete-removes-last",
        HEALED
            .replace("deleted [Buy milk, Pay rent]", "deleted [Buy milk, Walk the cat]")
            .replace("cleared [Pay rent]", "cleared [Walk the cat]"));
  }

  @RegisterExtension static final HeadlessChromium CHROMIUM = new HeadlessChromium();

  @Test
  void plainBuildFaultsChangeTheWalkAndHealingRestoresIt() {
    checkEveryFault(TodoApp.plain(), ".todo-list li");
  }

  @Test
  void webComponentsBuildFaultsChangeTheWalkAndHealingRestoresIt() {
    checkEveryFault(TodoApp.webComponents(), "todo-item");
  }

  private void checkEveryFault(TodoApp app, String items) {
    assertThat(app.faults().catalogue())
        .extracting(HandFault::id)
        .containsExactlyElementsOf(FAULTY.keySet());
    try (FixtureServer server = app.install(FixtureServer.start())) {
      assertThat(walk(server, items)).isEqualTo(HEALED);
      for (var fault : FAULTY.entrySet()) {
        app.faults().inject(fault.getKey());
        String walked;
        try {
          walked = walk(server, items);
        } finally {
          app.faults().heal();
        }
        assertThat(walked).as(fault.getKey()).isEqualTo(fault.getValue());
      }
      assertThat(walk(server, items)).isEqualTo(HEALED);
    }
  }

  /** The walk, each step with what it shows; stops after adding when nothing was added. */
  private static String walk(FixtureServer server, String items) {
    try (BrowserContext context = CHROMIUM.newContext()) {
      Page page = context.newPage();
      page.setDefaultTimeout(10_000);
      page.navigate(server.url("/"));
      Locator input = page.getByPlaceholder("What needs to be done?");
      for (String title : List.of("Buy milk", "Walk the dog", "Pay rent")) {
        input.fill(title);
        input.press("Enter");
      }
      Locator item = page.locator(items);
      List<String> steps = new ArrayList<>();
      steps.add("added " + state(page, item));
      if (item.count() < 3) return String.join(" | ", steps);
      item.nth(0).locator(".toggle").check();
      steps.add("toggled " + state(page, item));
      Page.GetByTextOptions exact = new Page.GetByTextOptions().setExact(true);
      filter(page, "Active");
      steps.add("active " + labels(item));
      filter(page, "Completed");
      steps.add("completed " + labels(item));
      filter(page, "All");
      item.nth(1).locator("label").dblclick();
      item.nth(1).locator(".edit").fill("Walk the cat");
      item.nth(1).locator(".edit").press("Enter");
      steps.add("edited " + labels(item));
      item.nth(1).hover();
      item.nth(1).locator(".destroy").click();
      steps.add("deleted " + labels(item));
      page.getByText("Clear completed").click();
      steps.add("cleared " + state(page, item));
      return String.join(" | ", steps);
    }
  }

  /**
   * Clicks a filter and waits until the app rendered it: the hash changes at once, the list on the
   * app's hashchange, which marks the filter selected in the same render.
   */
  private static void filter(Page page, String name) {
    Locator link = page.getByText(name, new Page.GetByTextOptions().setExact(true));
    link.click();
    com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(link)
        .hasClass(java.util.regex.Pattern.compile("\\bselected\\b"));
  }

  private static String state(Page page, Locator item) {
    return labels(item) + " " + page.locator(".todo-count").textContent();
  }

  private static String labels(Locator item) {
    return item.locator("label").allTextContents().toString();
  }
}
