package io.testgen.worker.mutation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import io.testgen.common.json.JsonMapperFactory;
import io.testgen.common.url.UrlParts;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Installs one fault on a test's page before its first step, never touching the app: documents are
 * rewritten on their way to the browser ({@code page.route} + {@code route.fetch}) and, for what
 * scripts render, in the DOM too; a POST is answered by the route; DOM faults run as an init script
 * that re-applies itself after every DOM change, open shadow roots included. Only requests to the
 * run's origin are ever taken over; all others fall back to the context's own routes (the pool's
 * navigation guard).
 */
final class FaultInjector {
  static final String BINDING = "__testgenFaultApplied";
  private static final String DOM_SCRIPT = load("dom-fault.js");

  private FaultInjector() {}

  /**
   * Installs {@code fault} on {@code page} (still blank); the returned flag turns true once the
   * fault has changed something the test could see.
   */
  static AtomicBoolean install(Page page, Fault fault, String origin) {
    AtomicBoolean applied = new AtomicBoolean();
    switch (fault.how()) {
      case HTML -> {
        page.route(
            url -> onPath(url, origin, fault.path()), route -> rewrite(route, fault, applied));
        // A text the app's own script renders (a custom element's shadow root, a client-side
        // view) is not in the document the server sends: the DOM catches it once rendered.
        inDom(page, fault, applied);
      }
      case POST ->
          page.route(
              url -> onPath(url, origin, fault.path()),
              route -> answerPost(route, fault, origin, applied));
      case DOM -> inDom(page, fault, applied);
    }
    return applied;
  }

  private static void inDom(Page page, Fault fault, AtomicBoolean applied) {
    page.exposeBinding(
        BINDING,
        (source, args) -> {
          applied.set(true);
          return null;
        });
    page.addInitScript(script(fault));
  }

  private static void rewrite(Route route, Fault fault, AtomicBoolean applied) {
    if (!"GET".equals(route.request().method())
        || !"document".equals(route.request().resourceType())) {
      route.fallback();
      return;
    }
    // Redirects are not followed here: the browser follows them through the routes again.
    APIResponse response = route.fetch(new Route.FetchOptions().setMaxRedirects(0));
    String type = response.headers().getOrDefault("content-type", "");
    if (!type.contains("html")) {
      route.fulfill(new Route.FulfillOptions().setResponse(response));
      return;
    }
    String body = response.text();
    String changed = replaceElementText(body, fault.target(), fault.replacement());
    if (!changed.equals(body)) applied.set(true);
    route.fulfill(new Route.FulfillOptions().setResponse(response).setBody(changed));
  }

  private static void answerPost(Route route, Fault fault, String origin, AtomicBoolean applied) {
    if (!"POST".equals(route.request().method())) {
      route.fallback();
      return;
    }
    applied.set(true);
    if (FaultCatalog.POST_500.equals(fault.operator())) {
      // As if the handler crashed before saving anything: the app never sees the request.
      route.fulfill(
          new Route.FulfillOptions()
              .setStatus(500)
              .setContentType("text/html; charset=utf-8")
              .setBody("<!doctype html><title>Error</title><h1>Internal Server Error</h1>"));
      return;
    }
    // The app handles the POST as usual; only its answer sends the user to the wrong page.
    route.fetch(new Route.FetchOptions().setMaxRedirects(0)).dispose();
    route.fulfill(
        new Route.FulfillOptions()
            .setStatus(303)
            .setHeaders(Map.of("location", origin + fault.replacement()))
            .setBody(""));
  }

  /** Replaces the whole text of elements that read {@code target} (HTML-escaped, any spacing). */
  static String replaceElementText(String html, String target, String replacement) {
    Pattern p =
        Pattern.compile(
            ">(\\s*)" + Pattern.quote(escape(target)).replace(" ", "\\E\\s+\\Q") + "(\\s*)<");
    return p.matcher(html)
        .replaceAll(
            m ->
                Matcher.quoteReplacement(
                    ">" + m.group(1) + escape(replacement) + m.group(2) + "<"));
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  static boolean onPath(String url, String origin, String path) {
    if (!url.startsWith(origin + "/") && !url.equals(origin)) return false;
    return UrlParts.parse(url).map(u -> u.pathOrRoot().equals(stripFragment(path))).orElse(false);
  }

  private static String stripFragment(String path) {
    int hash = path.indexOf('#');
    return hash < 0 ? path : path.substring(0, hash);
  }

  private static String script(Fault fault) {
    Map<String, Object> cfg = new HashMap<>();
    cfg.put("op", fault.operator());
    cfg.put("path", fault.path());
    cfg.put("target", fault.target());
    cfg.put("replacement", fault.replacement());
    try {
      return "(" + DOM_SCRIPT + ")(" + JsonMapperFactory.shared().writeValueAsString(cfg) + ");";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String load(String name) {
    try (InputStream in = FaultInjector.class.getResourceAsStream(name)) {
      if (in == null) throw new IllegalStateException("missing resource " + name);
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      // The leading comment lines are for readers of the file, not for the page.
      return text.substring(text.indexOf("(cfg)"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
