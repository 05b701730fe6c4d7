package io.testgen.worker.evolution;

import io.testgen.common.agents.evolution.TestStep;
import java.util.List;

/**
 * A generator's answer: finished steps, or (with {@code live}) actions whose outcome is learned by
 * running them against the app before anything is asserted.
 */
record TestDraft(List<TestStep> steps, LiveRun live) {
  static TestDraft of(List<TestStep> steps) {
    return new TestDraft(List.copyOf(steps), null);
  }

  static TestDraft live(LiveRun live) {
    return new TestDraft(List.of(), live);
  }
}
