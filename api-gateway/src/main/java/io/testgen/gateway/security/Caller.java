package io.testgen.gateway.security;

import io.testgen.gateway.errors.UnauthorizedException;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/**
 * The authenticated user of a request, from an API key or a stream token.
 *
 * @param user user name the key maps to; owner of the runs the user starts
 * @param viaStreamToken true when authenticated by a stream token (valid for one run's stream only)
 * @param tokenWorkflowId the run a stream token was issued for
 */
public record Caller(String user, boolean viaStreamToken, String tokenWorkflowId) {
  public static final String ATTRIBUTE = Caller.class.getName();

  public static Caller apiKey(String user) {
    return new Caller(user, false, null);
  }

  /** The caller the authentication filter found for {@code request}; 401 when it found none. */
  public static Caller of(WebRequest request) {
    Object caller = request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
    if (caller instanceof Caller known) return known;
    throw new UnauthorizedException("not authenticated");
  }
}
