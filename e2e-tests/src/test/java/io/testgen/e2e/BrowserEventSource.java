package io.testgen.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.testgen.common.progress.ProgressEventType;
import io.testgen.testkit.browser.Chromium;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A real browser's {@code EventSource} (headless Chromium through Playwright) following a run's
 * stream: the page keeps every event it gets in {@code window.faultEvents} and closes the source
 * after the terminal event. Reconnects, and the {@code Last-Event-ID} they send, are the browser's
 * own.
 */
final class BrowserEventSource implements AutoCloseable {
  private static final String FOLLOW =
      """
      ([url, types, terminal]) => {
        window.faultEvents = [];
        window.faultOpens = 0;
        window.faultDone = false;
        window.faultErrors = [];
        const source = new EventSource(url);
        source.onopen = () => { window.faultOpens++; };
        source.onerror = () => { window.faultErrors.push(source.readyState); };
        for (const type of types) {
          source.addEventListener(type, (e) => {
            window.faultEvents.push({id: e.lastEventId, type: type});
            if (terminal.includes(type)) {
              source.close();
              window.faultDone = true;
            }
          });
        }
      }
      """;

  private final Playwright playwright;
  private final Browser browser;
  private final Page page;

  private BrowserEventSource(Playwright playwright, Browser browser, Page page) {
    this.playwright = playwright;
    this.browser = browser;
    this.page = page;
  }

  /**
   * Opens {@code origin}'s readiness page (so the stream is same-origin) and starts following
   * {@code streamPath} (a stream URL with its token).
   */
  static BrowserEventSource follow(String origin, String streamPath) {
    Playwright playwright = Chromium.playwright();
    Browser browser = Chromium.launch(playwright);
    Page page = browser.newPage();
    page.navigate(origin + "/actuator/health/readiness");
    List<String> types =
        Arrays.stream(ProgressEventType.values()).map(ProgressEventType::wireName).toList();
    List<String> terminal =
        Arrays.stream(ProgressEventType.values())
            .filter(ProgressEventType::terminal)
            .map(ProgressEventType::wireName)
            .toList();
    page.evaluate(FOLLOW, List.of(origin + streamPath, types, terminal));
    return new BrowserEventSource(playwright, browser, page);
  }

  int received() {
    return ((Number) page.evaluate("() => window.faultEvents.length")).intValue();
  }

  /** Connections the EventSource opened (reconnects included). */
  int opens() {
    return ((Number) page.evaluate("() => window.faultOpens")).intValue();
  }

  void awaitReceived(int events, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (received() < events) {
      if (Instant.now().isAfter(deadline))
        throw new AssertionError("the page received " + received() + " events in " + timeout);
      TestGenStack.sleep(200);
    }
  }

  void awaitTerminal(Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (!Boolean.TRUE.equals(page.evaluate("() => window.faultDone"))) {
      if (Instant.now().isAfter(deadline))
        throw new AssertionError(
            "no terminal event in the page within "
                + timeout
                + "; opens "
                + opens()
                + ", readyState at each error "
                + page.evaluate("() => window.faultErrors")
                + ": "
                + ids());
      TestGenStack.sleep(500);
    }
  }

  List<String> ids() {
    return events().stream().map(e -> String.valueOf(e.get("id"))).toList();
  }

  List<String> types() {
    return events().stream().map(e -> String.valueOf(e.get("type"))).toList();
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> events() {
    return (List<Map<String, Object>>) page.evaluate("() => window.faultEvents");
  }

  @Override
  public void close() {
    browser.close();
    playwright.close();
  }
}
