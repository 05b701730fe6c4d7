package io.testgen.common.agents.requirements;

import java.util.List;
import java.util.Set;

/** The words a {@code Scenario} may use for its type, priority and source. */
public final class ScenarioVocabulary {
  public static final String FUNCTIONAL = "functional";
  public static final String NAVIGATION = "navigation";
  public static final String FORM_VALIDATION = "form_validation";
  public static final String NEGATIVE = "negative";
  public static final String ACCESSIBILITY = "accessibility";
  public static final String SECURITY = "security";
  public static final String EDGE = "edge";

  public static final Set<String> TYPES =
      Set.of(FUNCTIONAL, NAVIGATION, FORM_VALIDATION, NEGATIVE, ACCESSIBILITY, SECURITY, EDGE);

  public static final String CRITICAL = "critical";
  public static final String HIGH = "high";
  public static final String MEDIUM = "medium";
  public static final String LOW = "low";

  /** Highest first. */
  public static final List<String> PRIORITIES = List.of(CRITICAL, HIGH, MEDIUM, LOW);

  public static final String SOURCE_RULES = "rules";
  public static final String SOURCE_LLM = "llm";

  /** Tag of the scenario that walks the user's instruction end to end. */
  public static final String TAG_GOAL = "goal";

  /** Tag of scenarios whose evidence lies on the instruction's flow. */
  public static final String TAG_GOAL_FLOW = "goal_flow";

  /**
   * Tag of a form's happy path that makes a record named with the run's unique value: its test is
   * learnt live and asserts what belongs to that record.
   */
  public static final String TAG_OWN_RECORD = "own_record";

  /** Test-data key of an in-page action scenario: the crawler's words for its action. */
  public static final String DATA_ACTION = "action";

  private ScenarioVocabulary() {}

  /** The in-page action a scenario is about ({@link #DATA_ACTION}), or null. */
  public static String action(Scenario scenario) {
    return scenario.testData() == null ? null : scenario.testData().get(DATA_ACTION);
  }

  /** 0 for critical ... 3 for low; unknown priorities sort last. */
  public static int priorityRank(String priority) {
    int index = PRIORITIES.indexOf(priority);
    return index < 0 ? PRIORITIES.size() : index;
  }
}
