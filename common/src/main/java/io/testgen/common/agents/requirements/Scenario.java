package io.testgen.common.agents.requirements;

import java.util.List;
import java.util.Map;

/**
 * A Given/When/Then scenario.
 *
 * @param priority critical, high, medium, low
 * @param scenarioType functional, navigation, form_validation, negative, accessibility, security,
 *     edge
 * @param testData values the test will use, by field name
 * @param probe true for security probes (they report, they do not assert app behaviour)
 * @param source rules or llm
 */
public record Scenario(
    String scenarioId,
    String title,
    List<String> given,
    List<String> when,
    List<String> then,
    String priority,
    String scenarioType,
    List<String> tags,
    Map<String, String> testData,
    Evidence evidence,
    boolean probe,
    String source) {}
