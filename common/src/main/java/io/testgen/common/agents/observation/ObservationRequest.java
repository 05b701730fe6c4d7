package io.testgen.common.agents.observation;

import io.testgen.common.security.CarriesSecrets;
import io.testgen.common.security.HttpCredentials;
import io.testgen.common.security.LoginCredentials;

/** Input of {@link ObservationActivities#observe}. */
public record ObservationRequest(
    String workflowId,
    String url,
    int maxDepth,
    int maxPages,
    String userInstruction,
    LoginCredentials loginCredentials,
    HttpCredentials httpCredentials,
    boolean allowDestructive)
    implements CarriesSecrets {

  @Override
  public boolean carriesSecrets() {
    return loginCredentials != null || httpCredentials != null;
  }
}
