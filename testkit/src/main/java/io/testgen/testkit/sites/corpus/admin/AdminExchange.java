package io.testgen.testkit.sites.corpus.admin;

import io.testgen.testkit.sites.FixtureRequest;
import io.testgen.testkit.sites.FixtureResponse;
import io.testgen.testkit.sites.RecordedRequest;
import io.testgen.testkit.sites.corpus.admin.AdminPages.Visit;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * One request to the admin as the session sees it: the CSRF token (a new one when the browser has
 * none), the signed-in user, the messages to show once, and the cookies the answer must set.
 */
final class AdminExchange {
  private static final SecureRandom RANDOM = new SecureRandom();

  final FixtureRequest r;
  String csrf;
  boolean newToken;
  final String user;
  final boolean superuser;
  final List<String> messages = new ArrayList<>();

  AdminExchange(FixtureRequest r, AdminStore store, Map<String, String> sessions) {
    this.r = r;
    csrf = r.cookies().get("csrftoken");
    if (csrf == null || csrf.length() != 32) {
      csrf = token();
      newToken = true;
    }
    String sid = r.cookies().get("sessionid");
    String name = sid == null ? null : sessions.get(sid);
    Map<String, String> row = name == null ? null : store.user(name);
    user = row == null ? null : name;
    superuser = row != null && "True".equals(row.get("is_superuser"));
    String flashed = r.cookies().get("messages");
    if (flashed != null && !flashed.isEmpty())
      for (String m : URLDecoder.decode(flashed, StandardCharsets.UTF_8).split("\\|"))
        messages.add(m);
  }

  Visit visit() {
    return new Visit(user, superuser, csrf, messages);
  }

  FixtureResponse page(int status, String html) {
    FixtureResponse response = FixtureResponse.html(status, html);
    if (!messages.isEmpty()) response = response.withCookie("messages=; Path=/; Max-Age=0");
    return cookies(response);
  }

  FixtureResponse cookies(FixtureResponse response) {
    return newToken
        ? response.withCookie("csrftoken=" + csrf + "; Path=/; SameSite=Lax")
        : response;
  }

  /** A redirect carrying a success message to show on the next page. */
  FixtureResponse done(String location, String message) {
    return cookies(
        redirect(302, location)
            .withCookie(
                "messages="
                    + URLEncoder.encode(message, StandardCharsets.UTF_8).replace("+", "%20")
                    + "; Path=/"));
  }

  /** A new random token (CSRF or session id), 32 hex digits. */
  static String token() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  static FixtureResponse redirect(int status, String location) {
    return new FixtureResponse(status, "text/plain", new byte[0], Map.of("Location", location));
  }

  static FixtureResponse outcome(FixtureResponse response, String outcome) {
    return response.withHeader(RecordedRequest.OUTCOME_HEADER, outcome);
  }
}
