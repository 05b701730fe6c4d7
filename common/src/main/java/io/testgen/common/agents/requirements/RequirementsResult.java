package io.testgen.common.agents.requirements;

import java.util.List;

/** Scenarios, their coverage, and what the LLM did if one was used. */
public record RequirementsResult(List<Scenario> scenarios, Coverage coverage, LlmReport llm) {}
