package io.testgen.worker.analysis;

import io.testgen.common.agents.requirements.LlmReport;
import io.testgen.common.agents.requirements.Scenario;
import io.testgen.worker.llm.ChatOutcome;
import io.testgen.worker.llm.StructuredChatClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lets an LLM adjust severities, each change with a stated reason. Only known scenarios, severities
 * 1..5 and moves of at most {@value #MAX_STEP} are accepted; on timeout, error or invalid output
 * the rule scores stand and the report says why.
 */
public final class LlmSeverityReviewer {
  static final String PURPOSE = "analysis.severity";
  static final int MAX_STEP = 2;
  private static final int PROMPT_SCENARIOS = 100;

  static final String SYSTEM_PROMPT =
      """
      You review the severity (1..5, 5 = a failure hurts users most) that rules gave to end-to-end
      test scenarios of a web application. Change a severity only when the rules clearly misjudge
      the business impact, by at most 2, and say why in one sentence.
      Reply with one JSON object and nothing else:
      {"adjustments":[{"scenario_id":"...","severity":4,"reason":"..."}]}
      Use an empty list when every severity is right.
      """;

  record Reply(List<Adjustment> adjustments) {}

  record Adjustment(String scenarioId, Integer severity, String reason) {}

  /** Scores after review and what the LLM did. */
  public record Review(Map<String, FmeaScorer.Score> scores, LlmReport report) {}

  private final StructuredChatClient chat;

  public LlmSeverityReviewer(StructuredChatClient chat) {
    this.chat = chat;
  }

  public Review review(List<Scenario> scenarios, Map<String, FmeaScorer.Score> scores) {
    ChatOutcome<Reply> outcome =
        chat.askForJson(PURPOSE, SYSTEM_PROMPT, prompt(scenarios, scores), Reply.class);
    if (!outcome.succeeded()) {
      return new Review(scores, chat.report(outcome, 0, 0));
    }
    Map<String, FmeaScorer.Score> reviewed = new LinkedHashMap<>(scores);
    int applied = 0;
    int rejected = 0;
    List<Adjustment> adjustments =
        outcome.value().adjustments() == null ? List.of() : outcome.value().adjustments();
    for (Adjustment adjustment : adjustments) {
      FmeaScorer.Score current = adjustment == null ? null : reviewed.get(adjustment.scenarioId());
      if (current == null || !valid(adjustment, current)) {
        rejected++;
        continue;
      }
      List<String> reasons = new ArrayList<>(current.reasons());
      reasons.add(
          "severity "
              + current.severity()
              + " -> "
              + adjustment.severity()
              + " (llm): "
              + adjustment.reason().strip());
      reviewed.put(
          current.scenarioId(),
          new FmeaScorer.Score(
              current.scenarioId(),
              adjustment.severity(),
              current.occurrence(),
              current.detection(),
              List.copyOf(reasons)));
      applied++;
    }
    return new Review(reviewed, chat.report(outcome, applied, rejected));
  }

  private static boolean valid(Adjustment adjustment, FmeaScorer.Score current) {
    return adjustment.severity() != null
        && adjustment.severity() >= 1
        && adjustment.severity() <= 5
        && Math.abs(adjustment.severity() - current.severity()) <= MAX_STEP
        && adjustment.reason() != null
        && !adjustment.reason().isBlank()
        && adjustment.reason().length() <= 300;
  }

  /** Ids, types, titles and the rule figures: no page content, no test data. */
  static String prompt(List<Scenario> scenarios, Map<String, FmeaScorer.Score> scores) {
    StringBuilder prompt = new StringBuilder("Scenarios (id | type | title | severity | rules):\n");
    scenarios.stream()
        .limit(PROMPT_SCENARIOS)
        .forEach(
            s -> {
              FmeaScorer.Score score = scores.get(s.scenarioId());
              prompt
                  .append("- ")
                  .append(s.scenarioId())
                  .append(" | ")
                  .append(s.scenarioType())
                  .append(" | ")
                  .append(s.title())
                  .append(" | ")
                  .append(score.severity())
                  .append(" | ")
                  .append(String.join("; ", score.reasons()))
                  .append('\n');
            });
    return prompt.toString();
  }
}
