package io.testgen.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * What the web view's tests check on any page: axe-core finds no serious or critical violation,
 * images really loaded, nothing overflows a phone screen; plus the browser, sign-in and screenshots
 * kept as test artifacts.
 */
final class WebViewChecks {
  private static final Set<String> BLOCKING = Set.of("serious", "critical");
  private final Path dir;

  WebViewChecks(Path dir) {
    this.dir = dir.toAbsolutePath();
    try {
      Files.createDirectories(this.dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Playwright playwright() {
    return Playwright.create(
        new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
  }

  static Browser chromium(Playwright playwright) {
    return playwright
        .chromium()
        .launch(
            new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get("/usr/bin/chromium"))
                .setHeadless(true));
  }

  /** 1280×800, downloads accepted. */
  static Browser.NewContextOptions desktop() {
    return new Browser.NewContextOptions().setViewportSize(1280, 800).setAcceptDownloads(true);
  }

  /** Waits until the gateway's readiness (Temporal and Redis reachable) is UP. */
  static void awaitReady(GatewayHttp anonymous) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
    while (anonymous.get("/actuator/health/readiness").status() != 200) {
      if (Instant.now().isAfter(deadline)) throw new IllegalStateException("gateway never ready");
      TestGenStack.sleep(500);
    }
  }

  Path dir() {
    return dir;
  }

  void signIn(Page page, String key) {
    page.getByLabel("API key").fill(key);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true))
        .click();
    assertThat(page.locator("#nav")).isVisible();
  }

  void assertNoSeriousAxeViolations(Page page, String where) {
    AxeResults results = new AxeBuilder(page).analyze();
    List<String> blocking = new ArrayList<>();
    for (Rule rule : results.getViolations()) {
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

  /**
   * Images under {@code selector} that have not loaded (naturalWidth 0) after up to 30 s; empty
   * when all did. Fails when there is no such image at all.
   */
  List<String> brokenImages(Page page, String selector) {
    Locator images = page.locator(selector);
    images.first().waitFor();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    List<String> broken;
    do {
      @SuppressWarnings("unchecked")
      List<String> now =
          (List<String>)
              images.evaluateAll(
                  "imgs => imgs.filter(i => !(i.complete && i.naturalWidth > 0))"
                      + ".map(i => (i.closest('[data-state-id]')?.dataset.stateId || i.id)"
                      + " + ' src=' + (i.getAttribute('src') || 'none'))");
      broken = now;
      if (broken.isEmpty()) return broken;
      TestGenStack.sleep(250);
    } while (Instant.now().isBefore(deadline));
    return broken;
  }

  void assertNoHorizontalScroll(Page page, String where) {
    Object overflow =
        page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
    assertThat(((Number) overflow).intValue())
        .as("horizontal overflow of the %s", where)
        .isLessThanOrEqualTo(0);
  }

  void screenshot(Page page, String name) {
    page.screenshot(new Page.ScreenshotOptions().setPath(dir.resolve(name)));
  }

  void screenshotFullPage(Page page, String name) {
    page.screenshot(new Page.ScreenshotOptions().setPath(dir.resolve(name)).setFullPage(true));
  }

  void screenshot(Locator locator, String name) {
    locator.screenshot(new Locator.ScreenshotOptions().setPath(dir.resolve(name)));
  }

  /** Entry names inside the zip's one top-level folder. */
  static List<String> zipEntries(Path zip) throws IOException {
    List<String> names = new ArrayList<>();
    try (InputStream raw = Files.newInputStream(zip);
        ZipInputStream in = new ZipInputStream(raw)) {
      ZipEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        names.add(entry.getName().substring(entry.getName().indexOf('/') + 1));
      }
    }
    return names;
  }
}
