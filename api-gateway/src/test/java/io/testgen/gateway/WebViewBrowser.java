package io.testgen.gateway;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.testgen.testkit.browser.Chromium;
import io.testgen.testkit.browser.WebViewPages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Headless Chromium for the web view's page tests, and what only they check on a page (images
 * really loaded; the rest is {@link WebViewPages}). Screenshots are kept under {@code
 * target/web-screenshots} as test artifacts.
 */
final class WebViewBrowser implements AutoCloseable {
  static final Path SCREENSHOTS = Path.of("target", "web-screenshots").toAbsolutePath();

  private final Playwright playwright;
  final Browser browser;

  WebViewBrowser() {
    playwright = Chromium.playwright();
    browser = Chromium.launch(playwright);
    try {
      Files.createDirectories(SCREENSHOTS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
