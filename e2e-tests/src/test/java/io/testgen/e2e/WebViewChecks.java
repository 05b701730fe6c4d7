package io.testgen.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.testgen.testkit.browser.WebViewPages;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * What the web view's end-to-end tests check on a page beyond {@link WebViewPages} (images really
 * loaded), and screenshots kept as test artifacts.
 */
final class WebViewChecks {
  private final Path dir;

  WebViewChecks(Path dir) {
    this.dir = dir.toAbsolutePath();
    try {
      Files.createDirectories(this.dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
