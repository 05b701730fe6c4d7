package io.testgen.common.agents.requirements;

import java.util.List;

/** Scenarios, their coverage, and what the LLM did if one was used. */
public record RequirementsResult(List<Scenario> scenarios, Coverage coverage, LlmReport llm) {

  /**
   * This result with {@code revised} in place of its scenarios (a review's edit); coverage and the
   * LLM report stay those of the derivation. Pure: workflow code may call it.
   */
  public RequirementsResult withScenarios(List<Scenario> revised) {
    return new RequirementsResult(revised, coverage, llm);
  }
}
