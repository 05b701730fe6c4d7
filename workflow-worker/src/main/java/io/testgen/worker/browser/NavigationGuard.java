package io.testgen.worker.browser;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.WebSocketRoute;
import com.microsoft.playwright.options.RequestOptions;
import io.testgen.common.agents.observation.Finding;
import io.testgen.common.security.TargetPolicy;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Keeps a browser context where it may go: every request of the context is checked against the
 * {@link TargetPolicy} (refused hosts are aborted and reported as {@code navigation_blocked}), and
 * main-frame navigations must stay on the target's origin (else {@code off_origin_redirect}).
 *
 * <p>Chromium follows HTTP redirects inside its network stack, where a route handler never sees the
 * later hops. So the guard fetches main-frame documents itself without following redirects, walks
 * any redirect chain hop by hop (checking each hop, bounding loops), and only then lets the browser
 * have the response. Oversized documents are refused as {@code too_large}. Service workers (whose
 * requests no route sees) are blocked by the {@link BrowserPool}; WebSockets are checked against
 * the policy like any request.
 *
 * <p>Only the {@link BrowserPool} installs a guard: it hands out no context without one.
 */
public final class NavigationGuard {
  /** Hops after which a redirect chain counts as a loop. */
  static final int MAX_REDIRECTS = 8;

  /** Largest document a context loads unless its owner says otherwise. */
  public static final long DEFAULT_MAX_DOCUMENT_BYTES = 10L * 1024 * 1024;

  private final TargetPolicy policy;
  private final String origin;
  private final Consumer<Finding> findings;
  private final long maxDocumentBytes;
  private final Duration timeout;
  private final Map<String, TargetPolicy.Decision> decisions = new ConcurrentHashMap<>();

  /**
   * @param origin the target's origin ({@code scheme://host[:port]}) main-frame navigations keep to
   * @param findings receives what was refused; called on the context's thread
   */
  public NavigationGuard(
      TargetPolicy policy,
      String origin,
      Consumer<Finding> findings,
      long maxDocumentBytes,
      Duration timeout) {
    this.policy = Objects.requireNonNull(policy, "policy");
    String normalised = originOf(Objects.requireNonNull(origin, "origin"));
    if (normalised == null) throw new IllegalArgumentException("not an origin: " + origin);
    this.origin = normalised;
    this.findings = findings;
    this.maxDocumentBytes = maxDocumentBytes;
    this.timeout = timeout;
  }

  /** The origin of a URL, e.g. {@code http://127.0.0.1:8080}; null for a malformed URL. */
  public static String originOf(String url) {
    try {
      URI uri = URI.create(url);
      if (uri.getScheme() == null || uri.getHost() == null) return null;
      String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
      int port = uri.getPort();
      if (port == defaultPort(scheme)) port = -1;
      return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (port < 0 ? "" : ":" + port);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static int defaultPort(String scheme) {
    return "https".equals(scheme) ? 443 : "http".equals(scheme) ? 80 : -1;
  }

  /** Whether the policy admits the URL's host (cached per host). */
  public boolean allowed(String url) {
    try {
      URI uri = URI.create(url);
      String host = uri.getHost();
      if (host == null) return false;
      return decisions.computeIfAbsent(host.toLowerCase(Locale.ROOT), policy::checkHost).allowed();
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The origin main-frame navigations keep to. */
  public String origin() {
    return origin;
  }

  void install(BrowserContext context) {
    context.route("**/*", route -> handle(context, route));
    context.routeWebSocket(url -> true, this::handleWebSocket);
  }

  private void handleWebSocket(WebSocketRoute socket) {
    if (allowed(socket.url())) {
      socket.connectToServer();
      return;
    }
    findings.accept(
        new Finding("navigation_blocked", socket.url(), null, "host refused by target policy"));
    socket.close();
  }

  private void handle(BrowserContext context, Route route) {
    Request request = route.request();
    String url = request.url();
    String scheme = url.substring(0, Math.max(0, url.indexOf(':'))).toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      route.resume();
      return;
    }
    if (!allowed(url)) {
      findings.accept(
          new Finding("navigation_blocked", url, null, "host refused by target policy"));
      route.abort("blockedbyclient");
      return;
    }
    if (!isMainFrameNavigation(request)) {
      route.resume();
      return;
    }
    if (!origin.equals(originOf(url))) {
      findings.accept(
          new Finding("off_origin_redirect", url, null, "navigation away from " + origin));
      route.abort("blockedbyclient");
      return;
    }
    fetchDocument(context, route, url);
  }

  private static boolean isMainFrameNavigation(Request request) {
    try {
      return request.isNavigationRequest() && request.frame().parentFrame() == null;
    } catch (PlaywrightException e) {
      return false; // service-worker requests have no frame
    }
  }

  private void fetchDocument(BrowserContext context, Route route, String url) {
    APIResponse response;
    try {
      response =
          route.fetch(new Route.FetchOptions().setMaxRedirects(0).setTimeout(timeout.toMillis()));
    } catch (PlaywrightException e) {
      String message = e.getMessage() == null ? "" : e.getMessage();
      boolean timedOut = message.toLowerCase(Locale.ROOT).contains("timeout");
      if (timedOut) findings.accept(new Finding("timeout", url, null, "document took too long"));
      route.abort(timedOut ? "timedout" : "connectionrefused");
      return;
    }
    try {
      if (tooLarge(response)) {
        findings.accept(
            new Finding(
                "too_large",
                url,
                response.status(),
                "document larger than " + maxDocumentBytes + " bytes"));
        route.abort("blockedbyclient");
        return;
      }
      if (isRedirect(response.status())
          && !redirectChainAllowed(context, route.request().method(), url, response)) {
        route.abort("blockedbyclient");
        return;
      }
      route.fulfill(new Route.FulfillOptions().setResponse(response));
    } finally {
      try {
        response.dispose();
      } catch (PlaywrightException ignored) {
        // already gone with its context
      }
    }
  }

  private boolean tooLarge(APIResponse response) {
    String length = response.headers().get("content-length");
    if (length == null) return false;
    try {
      return Long.parseLong(length.trim()) > maxDocumentBytes;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  /** Walks the chain that starts with {@code first}, checking each hop before the browser does. */
  private boolean redirectChainAllowed(
      BrowserContext context, String method, String url, APIResponse first) {
    Set<String> seen = new HashSet<>();
    // a POST answered by a redirect to the same URL (post/redirect/get) is no loop
    if ("GET".equalsIgnoreCase(method)) seen.add(url);
    String current = url;
    int status = first.status();
    Map<String, String> headers = first.headers();
    for (int hops = 1; ; hops++) {
      String location = headers.get("location");
      if (location == null) return true;
      String next;
      try {
        next = URI.create(current).resolve(location.trim()).toString();
      } catch (IllegalArgumentException e) {
        findings.accept(new Finding("http_error", current, status, "malformed redirect"));
        return false;
      }
      if (!allowed(next)) {
        findings.accept(
            new Finding("navigation_blocked", next, status, "redirect from " + current));
        return false;
      }
      if (!origin.equals(originOf(next))) {
        findings.accept(
            new Finding("off_origin_redirect", next, status, "redirect from " + current));
        return false;
      }
      if (!seen.add(next) || hops > MAX_REDIRECTS) {
        findings.accept(new Finding("redirect_loop", url, status, "redirects did not settle"));
        return false;
      }
      APIResponse following;
      try {
        following =
            context
                .request()
                .get(
                    next,
                    RequestOptions.create().setMaxRedirects(0).setTimeout(timeout.toMillis()));
      } catch (PlaywrightException e) {
        return true; // the browser will meet the same failure and report it
      }
      try {
        status = following.status();
        headers = following.headers();
        if (!isRedirect(status)) return true;
        current = next;
      } finally {
        following.dispose();
      }
    }
  }
}
