package io.testgen.worker.requirements;

import io.testgen.common.agents.requirements.Scenario;
import java.util.List;

/**
 * One family of derivation rules (goal, rendering, navigation, forms, accessibility, probes): the
 * scenarios it finds in an observation, deterministically, in a stable order.
 */
interface ScenarioRule {
  List<Scenario> derive(RuleInput input);
}
