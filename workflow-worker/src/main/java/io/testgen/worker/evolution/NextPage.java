package io.testgen.worker.evolution;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import io.testgen.common.agents.evolution.TestStep;
import io.testgen.common.agents.observation.Locator;
import io.testgen.common.url.UrlParts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A link to another page of a list, proven when the test runs: the test remembers the list's first
 * row on the page it starts from and expects another first row after the link. Which rows a page
 * shows moves with every record other tests add, so a row seen at generation cannot be asserted
 * gone; a page that ignores its page number (shows page one again) fails the test all the same.
 */
final class NextPage {
  private NextPage() {}

  /** The name the first row's text is remembered under, a variable of the rendered suites. */
  static final String REMEMBERED = "firstRow";

  /** Parameter names that number a list's pages or offset into it. */
  private static final Pattern PAGE_PARAMETER =
      Pattern.compile("(?i)p|pg|pn|\\w*page\\w*|offset|start|skip|from");

  /** Link words that turn a page: a page number, next, previous, their arrows. */
  private static final Pattern PAGE_WORDS =
      Pattern.compile("(?i)\\s*(\\d{1,4}|next|prev(ious)?|older|newer|more|[›»→‹«←]+)\\W*");

  /**
   * The first row of a list before and after an action.
   *
   * @param selector where the rows are (a CSS selector: rows have no name of their own)
   * @param before the first row's text content before the action
   * @param after its text content after the action, null when the list was gone
   */
  record FirstRow(String selector, String before, String after) {
    /** Whether the first row shows another text after the action (whitespace aside). */
    boolean changed() {
      return after != null && !normal(before).equals(normal(after));
    }

    FirstRow after(String text) {
      return new FirstRow(selector, before, text);
    }

    private static String normal(String text) {
      return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }
  }

  /**
   * The rows of a page's main list: a table body's data rows first (the longest), else a list's
   * items, none of them as short as a pager's; outside navigation, header and footer; addressed by
   * the nearest ancestor with an id, so the selector finds the same list on the next page.
   */
  private static final String ROWS_SCRIPT =
      """
      () => {
        const shown = e => !e.checkVisibility || e.checkVisibility();
        const words = e => (e.textContent || '').replace(/\\s+/g, ' ').trim();
        const chrome = e => e.closest('nav,header,footer,[role=navigation]');
        const path = el => {
          const parts = [];
          for (let e = el; e && e !== document.body; e = e.parentElement) {
            if (e.id && /^[A-Za-z][\\w-]*$/.test(e.id) && document.querySelectorAll('#' + e.id).length === 1) {
              parts.unshift('#' + e.id);
              return parts.join(' > ');
            }
            const same = e.parentElement ? [...e.parentElement.children].filter(c => c.tagName === e.tagName) : [e];
            const tag = e.tagName.toLowerCase();
            parts.unshift(same.length > 1 ? tag + ':nth-of-type(' + (same.indexOf(e) + 1) + ')' : tag);
          }
          parts.unshift('body');
          return parts.join(' > ');
        };
        const found = [];
        for (const body of document.querySelectorAll('tbody')) {
          if (chrome(body) || !shown(body)) continue;
          const rows = [...body.children].filter(r => r.tagName === 'TR' && r.querySelector('td') && shown(r));
          if (rows.length >= 2) found.push({ box: body, item: 'tr:has(td)', rows, rank: 0 });
        }
        for (const list of document.querySelectorAll('ul,ol')) {
          if (chrome(list) || !shown(list)) continue;
          const rows = [...list.children].filter(r => r.tagName === 'LI' && shown(r));
          if (rows.length >= 2 && rows.every(r => words(r).length > 3))
            found.push({ box: list, item: 'li', rows, rank: 1 });
        }
        found.sort((a, b) => a.rank - b.rank || b.rows.length - a.rows.length);
        for (const f of found) {
          const selector = path(f.box) + ' > ' + f.item;
          if (document.querySelector(selector) === f.rows[0])
            return { selector, text: f.rows[0].textContent || '' };
        }
        return null;
      }
      """;

  /** The page's main list's first row as it is now, or null when the page shows no list. */
  static FirstRow read(Page page) {
    try {
      if (page.evaluate(ROWS_SCRIPT) instanceof Map<?, ?> found
          && found.get("selector") instanceof String selector
          && found.get("text") instanceof String text) return new FirstRow(selector, text, null);
    } catch (PlaywrightException e) {
      // a page that navigates away while read: no list to remember
    }
    return null;
  }

  /** The same list's first row on the page now shown. */
  static FirstRow reread(Page page, FirstRow row) {
    try {
      Object text =
          page.evaluate(
              "s => { const e = document.querySelector(s); return e ? e.textContent : null; }",
              row.selector());
      return row.after(text instanceof String s ? s : null);
    } catch (PlaywrightException e) {
      return row;
    }
  }

  /**
   * Whether a link from {@code fromUrl} to {@code href} turns a list's page: it changes one query
   * parameter, to a whole number, and the parameter is named like a page or an offset or the link
   * says a page number or next/previous.
   */
  static boolean turnsPage(String fromUrl, String href, String words) {
    Optional<UrlParts> from = UrlParts.parse(fromUrl);
    Optional<UrlParts> to = UrlParts.parse(href);
    if (from.isEmpty() || to.isEmpty() || !Objects.equals(from.get().path(), to.get().path()))
      return false;
    Map<String, String> before = from.get().parameters();
    Map<String, String> after = to.get().parameters();
    List<String> changed = new ArrayList<>();
    after.forEach(
        (name, value) -> {
          if (!Objects.equals(before.get(name), value)) changed.add(name);
        });
    before.keySet().stream().filter(n -> !after.containsKey(n)).forEach(changed::add);
    if (changed.size() != 1) return false;
    String name = changed.get(0);
    String value = after.get(name);
    if (value == null || !value.matches("\\d{1,9}")) return false;
    return PAGE_PARAMETER.matcher(name).matches()
        || (words != null && PAGE_WORDS.matcher(words).matches());
  }

  /**
   * Whether an in-page click turns a list's page where it is (a single-page app's pager): a click
   * on a control that says a page number or next/previous, with no hover before it.
   */
  static boolean turnsPageInPlace(io.testgen.common.agents.observation.Transition t) {
    // the crawl labels a click by the control's words: "click 'Next'"
    return "click".equals(t.action())
        && t.hover().isEmpty()
        && t.label() != null
        && t.label().matches("click '.*'")
        && PAGE_WORDS.matcher(t.label().substring(7, t.label().length() - 1)).matches();
  }

  /**
   * The test of a run that turned a list's page: its actions with the first row remembered before
   * the last of them, then the address and heading it asserts, the list's first row shown and not
   * the remembered one. When the page showed no list, or the same first row after the action, the
   * in-page action's assertions ({@link OutcomeAssertions#acted}).
   */
  static List<TestStep> assertions(LiveRun run, LiveOutcome outcome) {
    FirstRow row = outcome.firstRow();
    if (row == null || !row.changed()) return OutcomeAssertions.acted(run, outcome, List.of());
    List<TestStep> actions = run.actions(Map.of());
    int act = Steps.lastAction(actions);
    List<Locator> rows = List.of(Locator.css(row.selector(), false));
    String what = "the list's first row";
    List<TestStep> steps = new ArrayList<>(actions.subList(0, act));
    steps.add(Steps.rememberText(rows, REMEMBERED, what));
    steps.addAll(actions.subList(act, actions.size()));
    steps.add(Steps.expectVisible(rows, what));
    steps.add(Steps.expectChangedText(rows, REMEMBERED, what));
    return steps;
  }
}
