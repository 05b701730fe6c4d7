package io.testgen.worker.evolution;

import com.microsoft.playwright.Page;
import io.testgen.common.agents.evolution.TestStep;
import io.testgen.common.agents.observation.Locator;
import io.testgen.worker.mutation.SurvivedFault;
import java.util.ArrayList;
import java.util.List;

/**
 * The assertions that would have caught a surviving fault, read off the live page at one point of a
 * test: what the fault takes away (a heading, link, button or label by its role or label, a message
 * by its text, the first list row or detail field by the text it shows now) or, after a POST, the
 * URL and heading the app answered with. Only assertions that hold on the page at that moment are
 * proposed, each web-first and with locators in Playwright's order (role, label, text; never CSS).
 */
final class CatchingAssertions {
  private static final int MAX_TEXT = 80;

  /** Rows and detail fields outside the page's chrome, inside open shadow roots too. */
  private static final String FIRST_TEXT =
      """
      (selector) => {
        const inChrome = (e) => {
          for (let n = e; n; ) {
            if (n.closest && n.closest('nav, header, footer')) return true;
            const root = n.getRootNode ? n.getRootNode() : null;
            n = root && root.host ? root.host : null;
          }
          return false;
        };
        const out = [];
        const walk = (node) => {
          for (const e of node.children) {
            if (e.matches(selector) && !inChrome(e)) out.push(e);
            if (e.shadowRoot) walk(e.shadowRoot);
            walk(e);
          }
        };
        walk(document.body);
        // a custom element's text is in its shadow root (style sheets aside)
        const shown = (e) => (e.innerText || '').trim() || (e.shadowRoot
          ? Array.from(e.shadowRoot.children).filter((c) => c.tagName !== 'STYLE')
              .map((c) => c.innerText || '').join('\\n')
          : '');
        // a row's cells one by one: the row's own text runs them together
        for (const e of out) for (const c of e.tagName === 'TR' ? Array.from(e.cells) : [e]) {
          const text = shown(c).split('\\n').map((l) => l.trim()).find((l) => l.length > 1);
          if (text) return text;
        }
        return null;
      }
      """;

  private CatchingAssertions() {}

  /**
   * Assertions that hold on {@code page} now and would fail under {@code fault}, best first; {@code
   * unique} is this run's suffix, written back as {@code {{unique}}} in texts read live.
   */
  static List<TestStep> at(Page page, SurvivedFault fault, String unique) {
    List<TestStep> out = new ArrayList<>();
    String target = fault.target();
    switch (fault.operator()) {
      case "heading_text_changed" -> add(out, page, unique, role("heading", target), target);
      case "link_missing" -> add(out, page, unique, role("link", target), target);
      case "button_removed" -> add(out, page, unique, role("button", target), target);
      case "label_text_changed" -> {
        add(out, page, unique, new Locator("label", target, null, true), target);
        add(out, page, unique, text(target), target);
      }
      case "validation_message_missing", "success_message_missing" ->
          add(out, page, unique, text(target), target);
      case "list_empty" ->
          shown(out, page, unique, "ul > li, ol > li, tbody > tr, [role=listitem]");
      case "detail_field_other_value" -> shown(out, page, unique, "dd, td");
      case "post_500", "post_wrong_redirect" -> {
        String path = UrlPattern.withIds(SurvivedFault.pathKey(page.url()));
        if (path != null) out.add(Steps.expectUrl(path));
        var heading = page.getByRole(PageLocators.ariaRole("heading")).first();
        if (heading.count() > 0 && heading.isVisible()) {
          String name = live(heading.innerText(), unique);
          add(out, page, unique, role("heading", name), name);
        }
      }
      default -> {
        // a disabled button or a swallowed click is caught by acting, not by looking
      }
    }
    return out;
  }

  private static void shown(List<TestStep> out, Page page, String unique, String selector) {
    Object text = page.evaluate(FIRST_TEXT, selector);
    if (text instanceof String s) add(out, page, unique, text(live(s, unique)), s);
  }

  /** Adds the expectation that {@code l} is visible when it is, unique when only one matches. */
  private static void add(List<TestStep> out, Page page, String unique, Locator l, String what) {
    if (l.value() == null || (l.name() == null && "role".equals(l.strategy()))) return;
    if (l.name() != null && l.name().isBlank()) return;
    if ("text".equals(l.strategy()) && (l.value().isBlank() || l.value().length() > MAX_TEXT))
      return;
    com.microsoft.playwright.Locator found = PageLocators.of(page, l, unique);
    int count = found.count();
    if (count == 0 || !found.first().isVisible()) return;
    Locator ranked = new Locator(l.strategy(), l.value(), l.name(), count == 1);
    out.add(Steps.expectVisible(List.of(ranked), "'" + what.strip() + "'"));
  }

  private static Locator role(String role, String name) {
    return Locator.role(role, name == null ? null : name.strip(), true);
  }

  private static Locator text(String text) {
    return new Locator("text", text == null ? null : text.strip(), null, true);
  }

  /** A text read on the page, with this run's unique suffix written as the token again. */
  private static String live(String text, String unique) {
    String t = text.strip().replaceAll("\\s+", " ");
    return unique == null || unique.isEmpty() ? t : t.replace(unique, TestData.UNIQUE);
  }
}
