package io.testgen.gateway.security;

import io.testgen.gateway.errors.GatewayException;
import io.testgen.gateway.errors.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before anything else reads them, requests whose shape the API never serves, each with
 * problem+json: TRACE (405; Tomcat would answer it with an empty body), headers larger than {@value
 * #MAX_HEADER_BYTES} bytes in all (431; Tomcat's own, larger cap answers a bare 400), and paths
 * with matrix parameters ({@code /workflows;x=1/...}, 404: Spring would strip them and route the
 * request as if they were not there).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestShapeFilter extends OncePerRequestFilter {
  /**
   * Request line and headers together; Tomcat's cap ({@code server.max-http-request-header-size})
   * is above it.
   */
  static final int MAX_HEADER_BYTES = 16 * 1024;

  private final ProblemResponses problems;

  RequestShapeFilter(ProblemResponses problems) {
    this.problems = problems;
  }

  /** One refusal: status, code and a safe message. */
  private static final class Refused extends GatewayException {
    private final Map<String, String> headers;

    Refused(HttpStatus status, String code, String message, Map<String, String> headers) {
      super(status, code, message, null);
      this.headers = headers;
    }

    @Override
    public Map<String, String> headers() {
      return headers;
    }
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Refused refused = refusal(request);
    if (refused != null) {
      problems.write(response, refused);
      return;
    }
    chain.doFilter(request, response);
  }

  private static Refused refusal(HttpServletRequest request) {
    if ("TRACE".equals(request.getMethod())) {
      return new Refused(
          HttpStatus.METHOD_NOT_ALLOWED,
          "METHOD_NOT_ALLOWED",
          "TRACE is not allowed",
          Map.of("Allow", "GET, POST, DELETE"));
    }
    if (headerBytes(request) > MAX_HEADER_BYTES) {
      return new Refused(
          HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
          "HEADERS_TOO_LARGE",
          "request headers are larger than " + MAX_HEADER_BYTES + " bytes",
          Map.of("Connection", "close"));
    }
    String uri = request.getRequestURI();
    if (uri != null && (uri.indexOf(';') >= 0 || uri.toLowerCase().contains("%3b"))) {
      return new Refused(
          HttpStatus.NOT_FOUND, "NOT_FOUND", "no such resource (matrix parameters)", Map.of());
    }
    return null;
  }

  private static long headerBytes(HttpServletRequest request) {
    long total =
        request.getMethod().length()
            + (request.getRequestURI() == null ? 0 : request.getRequestURI().length())
            + (request.getQueryString() == null ? 0 : request.getQueryString().length() + 1)
            + 12;
    for (String name : Collections.list(request.getHeaderNames())) {
      for (String value : Collections.list(request.getHeaders(name))) {
        total += name.length() + value.length() + 4;
      }
    }
    return total;
  }
}
