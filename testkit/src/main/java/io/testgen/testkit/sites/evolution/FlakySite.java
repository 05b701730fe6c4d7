package io.testgen.testkit.sites.evolution;

import io.testgen.testkit.sites.FixtureResponse;
import io.testgen.testkit.sites.FixtureServer;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An app with an element that comes and goes: the deals page shows its heading "Today's deals" only
 * on odd-numbered requests (1st, 3rd, ...), so a test asserting it passes and fails in turn and
 * cannot pass every run by luck. The about page is stable.
 */
public final class FlakySite {
  private final AtomicInteger dealsRequests = new AtomicInteger();

  private FlakySite() {}

  public static FixtureServer install(FixtureServer server) {
    FlakySite site = new FlakySite();
    server
        .get("/deals", r -> FixtureResponse.html(site.deals()))
        .get("/about", r -> FixtureResponse.html(page("About", "<h1>About the shop</h1>")));
    return server;
  }

  private String deals() {
    boolean shown = dealsRequests.incrementAndGet() % 2 == 1;
    return page("Deals", shown ? "<h1>Today's deals</h1>" : "<p>Loading deals…</p>");
  }

  private static String page(String title, String body) {
    return """
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><title>%s · Flaky</title></head>
        <body><main>%s</main></body>
        </html>
        """
        .formatted(title, body);
  }
}
