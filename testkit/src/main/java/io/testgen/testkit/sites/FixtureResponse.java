package io.testgen.testkit.sites;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A response of a fixture site. */
public record FixtureResponse(
    int status, String contentType, byte[] body, Map<String, String> headers) {

  public static FixtureResponse html(String html) {
    return html(200, html);
  }

  public static FixtureResponse html(int status, String html) {
    return new FixtureResponse(
        status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8), Map.of());
  }

  public static FixtureResponse text(int status, String text) {
    return new FixtureResponse(
        status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8), Map.of());
  }

  public static FixtureResponse redirect(String location) {
    return new FixtureResponse(303, "text/plain", new byte[0], Map.of("Location", location));
  }

  /**
   * Adds a {@code Set-Cookie} header line, keeping those already set (a header value holding
   * several lines is sent as several headers).
   */
  public FixtureResponse withCookie(String setCookie) {
    String earlier = headers.get("Set-Cookie");
    return withHeader("Set-Cookie", earlier == null ? setCookie : earlier + "\n" + setCookie);
  }

  public FixtureResponse withHeader(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return new FixtureResponse(status, contentType, body, copy);
  }
}
