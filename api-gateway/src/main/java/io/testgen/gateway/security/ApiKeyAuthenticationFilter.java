package io.testgen.gateway.security;

import io.testgen.gateway.errors.GatewayException;
import io.testgen.gateway.errors.ProblemResponses;
import io.testgen.gateway.errors.UnauthorizedException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every endpoint but health needs {@code Authorization: Bearer <api key>}. The one exception is a
 * run's stream, which also accepts {@code ?token=} (a stream token for that run), because
 * EventSource cannot send headers. API keys are never accepted in a URL. The web view's page and
 * its static assets ({@code /}, {@code /index.html}, {@code /web/<name>.js|css|svg}) hold no data
 * and load without a key; the page then sends the key with every {@code /api} call.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {
  private static final Pattern STREAM_PATH = Pattern.compile("/api/v2/workflows/([^/]+)/stream");
  // Exact names only: nothing with '..', ';', '%' or a second directory level can match.
  private static final Pattern WEB_ASSET =
      Pattern.compile("/|/index\\.html|/web/[a-z0-9][a-z0-9-]*\\.(?:js|css|svg)");

  private final ApiKeyRegistry keys;
  private final StreamTokens streamTokens;
  private final ProblemResponses problems;

  ApiKeyAuthenticationFilter(
      ApiKeyRegistry keys, StreamTokens streamTokens, ProblemResponses problems) {
    this.keys = keys;
    this.streamTokens = streamTokens;
    this.problems = problems;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
        && WEB_ASSET.matcher(path).matches()) {
      return true;
    }
    return path.equals("/actuator/health") || path.startsWith("/actuator/health/");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Caller caller;
    try {
      caller = authenticate(request);
    } catch (GatewayException e) {
      problems.write(response, e);
      return;
    }
    request.setAttribute(Caller.ATTRIBUTE, caller);
    chain.doFilter(request, response);
  }

  private Caller authenticate(HttpServletRequest request) {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header != null) {
      if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
        throw new UnauthorizedException("use Authorization: Bearer <api key>");
      }
      return keys.userFor(header.substring(7).trim())
          .map(Caller::apiKey)
          .orElseThrow(() -> new UnauthorizedException("unknown API key"));
    }
    String token = request.getParameter("token");
    if (token != null && "GET".equals(request.getMethod())) {
      Matcher stream =
          STREAM_PATH.matcher(request.getRequestURI().substring(request.getContextPath().length()));
      if (stream.matches()) return streamTokens.verify(token, stream.group(1));
    }
    throw new UnauthorizedException("missing API key: send Authorization: Bearer <api key>");
  }
}
