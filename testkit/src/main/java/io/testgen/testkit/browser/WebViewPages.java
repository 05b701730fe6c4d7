package io.testgen.testkit.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the gateway's and the end-to-end web view tests do alike on a page of the web view: open it
 * at desktop size, sign in with an API key, fail on a serious accessibility violation or on a page
 * wider than the window.
 */
public final class WebViewPages {
  private static final Set<String> BLOCKING = Set.of("serious", "critical");

  private WebViewPages() {}

  /** 1280×800, downloads accepted. */
  public static Browser.NewContextOptions desktop() {
    return new Browser.NewContextOptions().setViewportSize(1280, 800).setAcceptDownloads(true);
  }

  /** Signs in on the web view's prompt with {@code key}; the navigation shows. */
  public static void signIn(Page page, String key) {
    page.getByLabel("API key").fill(key);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true))
        .click();
    assertThat(page.locator("#nav")).isVisible();
  }

  /** Fails, naming rule and elements, when axe-core finds a serious or critical violation. */
  public static void assertNoSeriousAxeViolations(Page page, String where) {
    List<String> blocking = new ArrayList<>();
    for (Rule rule : new AxeBuilder(page).analyze().getViolations()) {
      if (!BLOCKING.contains(rule.getImpact())) continue;
      blocking.add(
          rule.getImpact()
              + " "
              + rule.getId()
              + ": "
              + rule.getHelp()
              + " at "
              + rule.getNodes().stream()
                  .map(n -> String.valueOf(n.getTarget()))
                  .collect(Collectors.joining(", ")));
    }
    assertThat(blocking).as("axe-core serious/critical violations on the %s", where).isEmpty();
  }

  /** Fails when the page is wider than the window (a horizontal scroll bar). */
  public static void assertNoHorizontalScroll(Page page, String where) {
    Object overflow =
        page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
    assertThat(((Number) overflow).intValue())
        .as("horizontal overflow of the %s", where)
        .isLessThanOrEqualTo(0);
  }
}
