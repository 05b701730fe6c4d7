package io.testgen.worker;

import io.testgen.common.agents.observation.FormInfo;
import io.testgen.common.agents.observation.ObservationResult;
import io.testgen.common.agents.observation.StateInfo;
import io.testgen.common.agents.observation.Transition;
import java.util.List;

/**
 * Builds an {@link ObservationResult} for a test from the parts rule and renderer tests vary: the
 * states (the crawl started at the first), transitions and forms; no findings, no goal, not signed
 * in, no crawl statistics.
 */
public final class Observations {
  private Observations() {}

  public static ObservationResult of(
      String targetUrl,
      List<StateInfo> states,
      List<Transition> transitions,
      List<FormInfo> forms) {
    return new ObservationResult(
        targetUrl,
        states.get(0).stateId(),
        states,
        transitions,
        forms,
        List.of(),
        null,
        false,
        null);
  }
}
