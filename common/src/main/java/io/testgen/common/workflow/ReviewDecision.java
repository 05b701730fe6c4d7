package io.testgen.common.workflow;

import io.testgen.common.agents.requirements.Scenario;
import java.util.List;

/**
 * Body of the approval Update: optionally an edited scenario list that replaces the derived one.
 *
 * @param scenarios edited scenarios, or null to keep the derived ones
 * @param reviewer who approved
 * @param comment free text for the record
 */
public record ReviewDecision(List<Scenario> scenarios, String reviewer, String comment) {}
