package io.testgen.gateway.security;

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
}
