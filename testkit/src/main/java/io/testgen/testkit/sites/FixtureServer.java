package io.testgen.testkit.sites;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * A small web server for fixture sites, on loopback and a free port. Routes are matched in the
 * order added: an exact path, or a prefix ending in {@code *}. Every answered request is kept in a
 * log ({@link #requests()}), so tests can tell which features of an app a run exercised.
 */
public final class FixtureServer implements AutoCloseable {
  private record Route(String method, String pattern, FixtureHandler handler) {
    boolean matches(String requestMethod, String path) {
      if (method != null && !method.equalsIgnoreCase(requestMethod)) return false;
      return pattern.endsWith("*")
          ? path.startsWith(pattern.substring(0, pattern.length() - 1))
          : path.equals(pattern);
    }
  }

  private final HttpServer server;
  private final List<Route> routes = new ArrayList<>();
  private final List<RecordedRequest> log = Collections.synchronizedList(new ArrayList<>());
  private volatile long latencyMillis;

  private FixtureServer(HttpServer server) {
    this.server = server;
  }

  /** Starts an empty server on {@code port} (0: any free port). */
  public static FixtureServer start(int port) {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
      FixtureServer fixture = new FixtureServer(server);
      server.createContext("/", fixture::dispatch);
      server.setExecutor(Executors.newFixedThreadPool(16));
      server.start();
      return fixture;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static FixtureServer start() {
    return start(0);
  }

  /** Adds a route for any method. */
  public synchronized FixtureServer route(String pattern, FixtureHandler handler) {
    routes.add(new Route(null, pattern, handler));
    return this;
  }

  public synchronized FixtureServer get(String pattern, FixtureHandler handler) {
    routes.add(new Route("GET", pattern, handler));
    return this;
  }

  public synchronized FixtureServer post(String pattern, FixtureHandler handler) {
    routes.add(new Route("POST", pattern, handler));
    return this;
  }

  /** Delays every response by {@code millis}: a slow app, for cancel and durability tests. */
  public FixtureServer withLatency(long millis) {
    this.latencyMillis = millis;
    return this;
  }

  /** Removes every route (tests that change the app between runs re-register). */
  public synchronized FixtureServer clearRoutes() {
    routes.clear();
    return this;
  }

  /** Every request answered so far, oldest first (a copy). */
  public List<RecordedRequest> requests() {
    synchronized (log) {
      return List.copyOf(log);
    }
  }

  /** Forgets the requests answered so far. */
  public FixtureServer clearRequests() {
    log.clear();
    return this;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** Base URL without trailing slash, e.g. {@code http://127.0.0.1:41234}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port();
  }

  public String url(String path) {
    return baseUrl() + path;
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }

  private void dispatch(HttpExchange exchange) throws IOException {
    try (exchange) {
      FixtureRequest request = parse(exchange);
      if (latencyMillis > 0) {
        try {
          Thread.sleep(latencyMillis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      Route route;
      synchronized (this) {
        route =
            routes.stream()
                .filter(r -> r.matches(request.method(), request.path()))
                .findFirst()
                .orElse(null);
      }
      FixtureResponse response;
      try {
        response =
            route == null
                ? FixtureResponse.html(
                    404, "<!doctype html><title>Not found</title><h1>Not found</h1>")
                : route.handler().handle(request);
      } catch (Exception e) {
        response =
            FixtureResponse.html(500, "<!doctype html><title>Error</title><h1>Server error</h1>");
      }
      log.add(RecordedRequest.of(request, exchange.getRequestURI().getRawQuery(), response));
      response
          .headers()
          .forEach(
              (k, v) -> {
                for (String line : v.split("\n")) exchange.getResponseHeaders().add(k, line);
              });
      exchange.getResponseHeaders().set("Content-Type", response.contentType());
      boolean head = "HEAD".equalsIgnoreCase(request.method());
      int length = response.body().length;
      exchange.sendResponseHeaders(response.status(), head || length == 0 ? -1 : length);
      if (!head && length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(response.body());
        }
      }
    } catch (IOException clientWentAway) {
      // the browser may abandon a request (navigation away, timeout); nothing to do
    }
  }

  private static FixtureRequest parse(HttpExchange exchange) throws IOException {
    String rawQuery = exchange.getRequestURI().getRawQuery();
    Map<String, List<String>> form = Map.of();
    String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
    if (contentType != null && contentType.startsWith("application/x-www-form-urlencoded")) {
      try (InputStream in = exchange.getRequestBody()) {
        form = decode(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    Map<String, String> cookies = new LinkedHashMap<>();
    List<String> cookieHeaders = exchange.getRequestHeaders().get("Cookie");
    if (cookieHeaders != null) {
      for (String header : cookieHeaders) {
        for (String pair : header.split(";")) {
          int eq = pair.indexOf('=');
          if (eq > 0) cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
      }
    }
    return new FixtureRequest(
        exchange.getRequestMethod(),
        exchange.getRequestURI().getPath(),
        decode(rawQuery),
        form,
        cookies,
        Map.copyOf(exchange.getRequestHeaders()));
  }

  static Map<String, List<String>> decode(String encoded) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    if (encoded == null || encoded.isEmpty()) return values;
    for (String pair : encoded.split("&")) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      values.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }
    return values;
  }
}
