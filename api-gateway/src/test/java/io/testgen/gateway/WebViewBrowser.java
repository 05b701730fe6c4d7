package io.testgen.gateway;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Headless Chromium for the web view's page tests, and what they check on any page: axe-core finds
 * no serious or critical violation, images really loaded, nothing is wider than a phone screen.
 * Screenshots are kept under {@code target/web-screenshots} as test artifacts.
 */
final class WebViewBrowser implements AutoCloseable {
  static final Path SCREENSHOTS = Path.of("target", "web-screenshots").toAbsolutePath();
  private static final Set<String> BLOCKING = Set.of("serious", "critical");

  private final Playwright playwright;
  final Browser browser;

  WebViewBrowser() {
    playwright =
        Playwright.create(
            new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    browser =
        playwright
            .chromium()
            .launch(
                new BrowserType.LaunchOptions()
                    .setExecutablePath(Paths.get("/usr/bin/chromium"))
                    .setHeadless(true));
    try {
      Files.createDirectories(SCREENSHOTS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** 1280×800, downloads accepted. */
  static Browser.NewContextOptions desktop() {
    return new Browser.NewContextOptions().setViewportSize(1280, 800).setAcceptDownloads(true);
  }

  static void signIn(Page page, String key) {
    page.getByLabel("API key").fill(key);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true))
        .click();
    assertThat(page.locator("#nav")).isVisible();
  }

  /** Fails, naming rule and elements, when axe-core finds a serious or critical violation. */
  static void assertNoSeriousAxeViolations(Page page, String where) {
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

  /** Waits until every image under {@code selector} (at least one) has loaded with pixels. */
  static void assertImagesLoaded(Page page, String selector) {
    Locator images = page.locator(selector);
    images.first().waitFor();
    page.waitForFunction(
        "s => [...document.querySelectorAll(s)].every(i => i.complete && i.naturalWidth > 0)",
        selector,
        new Page.WaitForFunctionOptions().setTimeout(15_000));
  }

  static void assertNoHorizontalScroll(Page page, String where) {
    Object overflow =
        page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
    assertThat(((Number) overflow).intValue())
        .as("horizontal overflow of the %s", where)
        .isLessThanOrEqualTo(0);
  }

  static void screenshot(Page page, String name) {
    page.screenshot(
        new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name)).setFullPage(true));
  }

  /** The run page's address: {@code #/run/<workflow id>}. */
  static final Pattern RUN_HASH = Pattern.compile("#/run/([A-Za-z0-9._:-]+)$");

  static String runId(String url) {
    Matcher m = RUN_HASH.matcher(url);
    assertThat(m.find()).as(url).isTrue();
    return m.group(1);
  }

  static Page.LocatorOptions hasText(String text) {
    return new Page.LocatorOptions().setHasText(text);
  }

  static Page.GetByRoleOptions exact(String name) {
    return new Page.GetByRoleOptions().setName(name).setExact(true);
  }

  @Override
  public void close() {
    playwright.close();
  }
}
