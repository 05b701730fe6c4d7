package io.testgen.common.agents.analysis;

import io.testgen.common.agents.requirements.LlmReport;
import java.util.List;
import java.util.Map;

/**
 * Risk per scenario, the ranking and the execution strategy.
 *
 * @param ranking scenario ids, highest risk first
 * @param levelCounts how many scenarios per level
 */
public record AnalysisResult(
    List<RiskAssessment> assessments,
    List<String> ranking,
    Map<String, Integer> levelCounts,
    ExecutionStrategy strategy,
    LlmReport llm) {}
