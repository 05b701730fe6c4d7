package io.testgen.worker.observation;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import io.testgen.common.agents.observation.Locator;
import io.testgen.worker.browser.BrowserPool;
import io.testgen.worker.browser.ContextLease;
import io.testgen.worker.browser.TestBrowsers;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Role locators name an element as Playwright computes its accessible name, which they match
 * exactly: CSS-generated content (TodoMVC's "❯" before "Mark all as complete", an icon font's
 * glyph) is part of it and text-transform is not, while the words in titles stay what a person
 * reads; an element Playwright gives no role (a {@code <summary>}) gets no role locator. The oracle
 * is Playwright itself: every role locator the snapshot ranks first finds its element, once.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class RoleNameTest {
  static final BrowserPool pool = TestBrowsers.shared();

  private static final String PAGE =
      """
      <style>
        .toggle-all { width: 1px; height: 1px; opacity: 0; position: absolute; }
        .toggle-all + label { font-size: 0; display: flex; width: 45px; height: 45px; }
        .toggle-all + label:before { content: '❯'; font-size: 22px; display: inline-block; }
        .loud { text-transform: uppercase; }
        .icon:before { content: '+'; }
        .hidden { display: none; }
      </style>
      <main>
        <input id="toggle-all" class="toggle-all" type="checkbox">
        <label for="toggle-all">Mark all as complete</label>
        <button class="loud">Save draft</button>
        <a href="/new"><span class="icon"></span>New item</a>
        <button>Export<span class="hidden"> (disabled)</span></button>
        <details><summary>By genre</summary><a href="?genre=poetry">Poetry</a></details>
      </main>
      """;

  @AfterAll
  static void stop() {
    pool.releaseThread();
  }

  @Test
  void roleLocatorsCarryPlaywrightsAccessibleNameAndFindTheirElement() {
    try (ContextLease lease =
        pool.acquireContext(
            pool.guard("http://127.0.0.1", f -> {}), new Browser.NewContextOptions())) {
      Page page = lease.context().newPage();
      page.setContent(PAGE);
      PageSnapshot snap = PageSnapshot.take(page, 2000, 50);
      Map<String, Locator> firstByWords =
          snap.elements().stream()
              .collect(
                  Collectors.toMap(
                      PageSnapshot.RawElement::words, e -> LocatorRanker.rank(e).get(0)));
      assertThat(firstByWords)
          .containsEntry(
              "Mark all as complete", Locator.role("checkbox", "❯ Mark all as complete", true))
          .containsEntry("SAVE DRAFT", Locator.role("button", "Save draft", true))
          .containsEntry("New item", Locator.role("link", "+New item", true))
          .containsEntry("Export", Locator.role("button", "Export", true))
          // Playwright gives a <summary> no role: it is found by its text
          .containsEntry("By genre", new Locator("text", "By genre", null, true));
      for (Locator l : firstByWords.values()) {
        if (!l.strategy().equals("role")) continue;
        assertThat(
                page.getByRole(
                        com.microsoft.playwright.options.AriaRole.valueOf(l.value().toUpperCase()),
                        new Page.GetByRoleOptions().setName(l.name()).setExact(true))
                    .count())
            .as(l.toString())
            .isEqualTo(1);
      }
      // the label locator keeps the label's own text: Playwright's getByLabel leaves CSS content
      // out
      assertThat(
              snap.elements().stream()
                  .filter(e -> "checkbox".equals(e.type()))
                  .map(e -> LocatorRanker.rank(e))
                  .flatMap(List::stream)
                  .filter(l -> l.strategy().equals("label")))
          .containsExactly(new Locator("label", "Mark all as complete", null, true));
      assertThat(
              page.getByLabel("Mark all as complete", new Page.GetByLabelOptions().setExact(true))
                  .count())
          .isEqualTo(1);
    }
  }
}
