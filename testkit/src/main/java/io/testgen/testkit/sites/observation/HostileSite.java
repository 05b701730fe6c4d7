package io.testgen.testkit.sites.observation;

import io.testgen.testkit.sites.FixtureRequest;
import io.testgen.testkit.sites.FixtureResponse;
import io.testgen.testkit.sites.FixtureServer;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A site that tries to trap a crawler: an endless calendar, an ever-growing query string, a slow
 * page, a huge page, an oversized document, a redirect loop, a redirect to another origin, a
 * redirect to the cloud metadata address, an image loaded from it, bare 404 and 500 pages and
 * others inside the site's frame with links onwards (a profile answering 500, old news answering
 * 404, both linking to a help page), and "Log out" / "Delete account" controls that a crawler must
 * leave alone unless destructive actions are allowed (a delete flashes "Your account has been
 * deleted." once on the start page, by a cookie, as a real app's flash message). The bugs named by
 * the {@code FAULT_} constants are built in, each served only while the predicate given to {@link
 * #install( FixtureServer, String, Predicate)} says it is on.
 */
public final class HostileSite {
  /** How long {@code /slow} takes to answer. */
  public static final long SLOW_MILLIS = 15_000;

  /** The profile's error page answers 200 (the handler swallows the status). */
  public static final String FAULT_PROFILE_200 = "profile-error-answers-200";

  /** The old news page answers 200 instead of 404 (a soft 404). */
  public static final String FAULT_OLD_NEWS_200 = "old-news-answers-200";

  /** "Next month" links to the month shown (the increment is lost). */
  public static final String FAULT_CALENDAR_STUCK = "calendar-next-month-stuck";

  /** The help page renders its heading but not its text. */
  public static final String FAULT_HELP_TEXT = "help-page-loses-text";

  /** The error pages' "Home" link goes to {@code /home}, which does not exist. */
  public static final String FAULT_HOME_LINK = "error-pages-home-link-broken";

  /** "Log out" answers a server error page instead of leaving for the start page. */
  public static final String FAULT_LOGOUT_500 = "logout-answers-500";

  private final String otherOrigin;
  private final Predicate<String> fault;
  private final AtomicInteger logouts = new AtomicInteger();
  private final AtomicInteger deletes = new AtomicInteger();
  private final AtomicInteger calendarHits = new AtomicInteger();

  private HostileSite(String otherOrigin, Predicate<String> fault) {
    this.otherOrigin = otherOrigin;
    this.fault = fault;
  }

  /**
   * @param otherOrigin base URL of another server (another origin) that {@code /away} targets
   */
  public static HostileSite install(FixtureServer server, String otherOrigin) {
    return install(server, otherOrigin, id -> false);
  }

  /**
   * As {@link #install(FixtureServer, String)}, with the built-in bug {@code FAULT_...} served
   * while {@code fault} answers true for its id.
   */
  public static HostileSite install(
      FixtureServer server, String otherOrigin, Predicate<String> fault) {
    HostileSite site = new HostileSite(otherOrigin, fault);
    server
        .get("/", site::homePage)
        .get("/calendar", site::calendar)
        .get("/grow", site::grow)
        .get("/slow", site::slow)
        .get("/huge", r -> FixtureResponse.html(huge(20_000)))
        .get("/oversized", r -> FixtureResponse.html(oversized()))
        .get("/loop-a", r -> FixtureResponse.redirect("/loop-b"))
        .get("/loop-b", r -> FixtureResponse.redirect("/loop-a"))
        .get("/away", r -> FixtureResponse.redirect(otherOrigin + "/elsewhere"))
        .get("/metadata", r -> FixtureResponse.redirect("http://169.254.169.254/latest/meta-data/"))
        .get(
            "/broken",
            r ->
                FixtureResponse.html(
                    500, "<!doctype html><title>Error</title><h1>Server error</h1>"))
        .get("/help", r -> FixtureResponse.html(page("Help", site.help())))
        .get(
            "/members/profile",
            r ->
                FixtureResponse.html(
                    fault.test(FAULT_PROFILE_200) ? 200 : 500,
                    page("Members", site.homeLink(MEMBERS_ERROR))))
        .get(
            "/old-news",
            r ->
                FixtureResponse.html(
                    fault.test(FAULT_OLD_NEWS_200) ? 200 : 404,
                    page("Not found", site.homeLink(OLD_NEWS_MISSING))))
        .get(
            "/logout",
            r -> {
              site.logouts.incrementAndGet();
              return fault.test(FAULT_LOGOUT_500)
                  ? FixtureResponse.html(500, page("Server error", "<h1>Something went wrong</h1>"))
                  : FixtureResponse.redirect("/");
            })
        .post(
            "/delete",
            r -> {
              site.deletes.incrementAndGet();
              // as a real app flashes it: once, on the page the browser is sent to
              return FixtureResponse.redirect("/").withCookie("flash=deleted; Path=/");
            });
    return site;
  }

  /** Forgets what was counted so far. */
  public void resetCounts() {
    logouts.set(0);
    deletes.set(0);
    calendarHits.set(0);
  }

  public int logouts() {
    return logouts.get();
  }

  public int deletes() {
    return deletes.get();
  }

  public int calendarHits() {
    return calendarHits.get();
  }

  // error pages as real apps render them: the site's frame, a message, links onwards
  private static final String MEMBERS_ERROR =
      """
      <nav><a href="/">Home</a> <a href="/help">Help</a></nav>
      <h1>Something went wrong</h1><p>We could not load your profile. Please try again later.</p>
      <p><a href="/help">Get help</a></p>
      """;
  private static final String OLD_NEWS_MISSING =
      """
      <nav><a href="/">Home</a> <a href="/help">Help</a></nav>
      <h1>Page not found</h1><p>This page has moved or never existed.</p>
      """;
  private static final String HELP =
      """
      <nav><a href="/">Home</a></nav>
      <h1>Help</h1><p>Questions about your membership? Write to us.</p>
      """;

  private String help() {
    return fault.test(FAULT_HELP_TEXT) ? HELP.replaceAll("<p>.*</p>", "") : HELP;
  }

  private String homeLink(String errorPage) {
    return fault.test(FAULT_HOME_LINK)
        ? errorPage.replace("<a href=\"/\">Home</a>", "<a href=\"/home\">Home</a>")
        : errorPage;
  }

  private static String page(String title, String body) {
    return "<!doctype html><html lang=\"en\"><head><title>"
        + title
        + "</title></head><body>"
        + body
        + "</body></html>";
  }

  /** The start page, with the message a delete flashed (and the flash cleared). */
  private FixtureResponse homePage(FixtureRequest r) {
    if (!"deleted".equals(r.cookies().get("flash"))) return FixtureResponse.html(home(""));
    return FixtureResponse.html(
            home("<p class=\"flash\" role=\"status\">Your account has been deleted.</p>"))
        .withCookie("flash=; Path=/; Max-Age=0");
  }

  private String home(String flash) {
    return page(
        "Hostile",
        flash
            + """
        <h1>Hostile fixture</h1>
        <img src="http://169.254.169.254/latest/meta-data/iam.png" alt="tracking pixel">
        <ul>
          <li><a href="/calendar?month=1">Calendar</a></li>
          <li><a href="/grow?x=1">Grow</a></li>
          <li><a href="/slow">Slow page</a></li>
          <li><a href="/huge">Huge page</a></li>
          <li><a href="/oversized">Oversized page</a></li>
          <li><a href="/loop-a">Loop</a></li>
          <li><a href="/away">Away</a></li>
          <li><a href="/metadata">Metadata</a></li>
          <li><a href="/missing">Missing</a></li>
          <li><a href="/broken">Broken</a></li>
          <li><a href="/members/profile">Your profile</a></li>
          <li><a href="/old-news">Old news</a></li>
          <li><a href="/logout">Log out</a></li>
          <li><a href="%s/offsite">Partner site</a></li>
        </ul>
        <form action="/delete" method="post"><button type="submit">Delete account</button></form>
        """
                .formatted(otherOrigin));
  }

  private FixtureResponse calendar(FixtureRequest r) {
    calendarHits.incrementAndGet();
    int month = Integer.parseInt(r.param("month") == null ? "1" : r.param("month"));
    return FixtureResponse.html(
        page(
            "Calendar",
            "<h1>Month "
                + month
                + "</h1><a href=\"/calendar?month="
                + (fault.test(FAULT_CALENDAR_STUCK) ? month : month + 1)
                + "\">Next month</a>"
                + " <a href=\"/calendar?month="
                + (month - 1)
                + "\">Previous month</a>"));
  }

  private FixtureResponse grow(FixtureRequest r) {
    String query =
        r.query().getOrDefault("x", java.util.List.of()).stream()
            .map(v -> "x=" + v)
            .reduce((a, b) -> a + "&" + b)
            .orElse("x=1");
    return FixtureResponse.html(
        page(
            "Grow",
            "<h1>Growing</h1><a href=\"/grow?"
                + query
                + "&x=1\">More</a> <a href=\"/grow?"
                + query
                + "&y=2\">Other</a>"));
  }

  private FixtureResponse slow(FixtureRequest r) throws InterruptedException {
    Thread.sleep(SLOW_MILLIS);
    return FixtureResponse.html(page("Slow", "<h1>Finally</h1>"));
  }

  static String huge(int items) {
    StringBuilder b = new StringBuilder("<h1>Huge</h1><ul>");
    for (int i = 0; i < items; i++)
      b.append("<li><span class=\"n\">")
          .append(i)
          .append("</span> <button onclick=\"this.textContent='ok'\">Item ")
          .append(i)
          .append("</button></li>");
    return page("Huge", b.append("</ul>").toString());
  }

  static String oversized() {
    StringBuilder b = new StringBuilder("<h1>Oversized</h1><p>");
    b.append("x".repeat(6_000_000));
    return page("Oversized", b.append("</p>").toString());
  }
}
