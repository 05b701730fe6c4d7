package io.testgen.testkit.sites.observation;

import io.testgen.testkit.sites.FixtureResponse;
import io.testgen.testkit.sites.FixtureServer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A plain multi-page site that counts the requests for each path, for resume tests (a resumed crawl
 * must not fetch again what it already saw) and benchmarks. Home links to {@code sections}
 * sections, each with its own structure and {@code pagesPerSection} pages; every page but home
 * answers after {@code delayMillis}.
 */
public final class CountingSite {
  private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
  private final int sections;
  private final int pagesPerSection;
  private final long delayMillis;

  private CountingSite(int sections, int pagesPerSection, long delayMillis) {
    this.sections = sections;
    this.pagesPerSection = pagesPerSection;
    this.delayMillis = delayMillis;
  }

  public static CountingSite install(
      FixtureServer server, int sections, int pagesPerSection, long delayMillis) {
    CountingSite site = new CountingSite(sections, pagesPerSection, delayMillis);
    server.get("/*", r -> site.page(r.path()));
    return site;
  }

  /** Requests seen for {@code path}. */
  public int hits(String path) {
    AtomicInteger n = hits.get(path);
    return n == null ? 0 : n.get();
  }

  public int totalHits() {
    return hits.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  private FixtureResponse page(String path) throws InterruptedException {
    hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
    if (path.equals("/favicon.ico")) return FixtureResponse.text(404, "none");
    if (delayMillis > 0 && !path.equals("/")) Thread.sleep(delayMillis);
    StringBuilder body = new StringBuilder();
    if (path.equals("/")) {
      body.append("<h1>Sections</h1><ul>");
      for (int s = 1; s <= sections; s++)
        body.append("<li><a href=\"/s")
            .append(s)
            .append("\">Section ")
            .append(s)
            .append("</a></li>");
      body.append("</ul>");
    } else if (path.matches("/s[0-9]+")) {
      int s = Integer.parseInt(path.substring(2));
      // each section has a structure of its own: s nested divs
      body.append("<div>".repeat(s)).append("<h1>Section ").append(s).append("</h1><ol>");
      for (int p = 1; p <= pagesPerSection; p++)
        body.append("<li><a href=\"/s")
            .append(s)
            .append("/p")
            .append(p)
            .append("\">Page ")
            .append(p)
            .append("</a></li>");
      body.append("</ol>").append("</div>".repeat(s));
    } else if (path.matches("/s[0-9]+/p[0-9]+")) {
      body.append("<h1>").append(path).append("</h1><p><a href=\"/\">Home</a></p>");
    } else {
      return FixtureResponse.html(404, "<!doctype html><title>Not found</title><h1>Not found</h1>");
    }
    return FixtureResponse.html(
        "<!doctype html><html lang=\"en\"><head><title>"
            + path
            + "</title></head><body>"
            + body
            + "</body></html>");
  }
}
