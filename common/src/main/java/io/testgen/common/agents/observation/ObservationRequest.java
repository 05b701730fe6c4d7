package io.testgen.common.agents.observation;

import io.testgen.common.security.CarriesSecrets;
import io.testgen.common.security.HttpCredentials;
import io.testgen.common.security.LoginCredentials;

/**
 * Input of {@link ObservationActivities#observe}.
 *
 * @param allowDestructive whether exploration may submit forms that delete, manage accounts,
 *     credentials, permissions or roles, pay or send
 * @param allowWrites whether exploration may submit non-GET forms at all (null means true); false
 *     explores read-only, for production-like targets
 */
public record ObservationRequest(
    String workflowId,
    String url,
    int maxDepth,
    int maxPages,
    String userInstruction,
    LoginCredentials loginCredentials,
    HttpCredentials httpCredentials,
    boolean allowDestructive,
    Boolean allowWrites)
    implements CarriesSecrets {

  public ObservationRequest {
    if (allowWrites == null) allowWrites = Boolean.TRUE;
  }

  /** A request that allows ordinary writes (the default). */
  public ObservationRequest(
      String workflowId,
      String url,
      int maxDepth,
      int maxPages,
      String userInstruction,
      LoginCredentials loginCredentials,
      HttpCredentials httpCredentials,
      boolean allowDestructive) {
    this(
        workflowId,
        url,
        maxDepth,
        maxPages,
        userInstruction,
        loginCredentials,
        httpCredentials,
        allowDestructive,
        Boolean.TRUE);
  }

  @Override
  public boolean carriesSecrets() {
    return loginCredentials != null || httpCredentials != null;
  }
}
