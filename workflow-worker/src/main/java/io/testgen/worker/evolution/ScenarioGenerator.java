package io.testgen.worker.evolution;

import io.testgen.common.agents.requirements.Scenario;

/**
 * Makes the test of one kind of scenario from what Observation recorded; when nothing was observed
 * to assert, it drafts the actions and leaves the outcome to be learned live. Throws {@link
 * ScenarioSkip} with the reason when neither is possible.
 */
@FunctionalInterface
interface ScenarioGenerator {
  TestDraft draft(Scenario scenario);
}
