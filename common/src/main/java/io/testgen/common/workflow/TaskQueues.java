package io.testgen.common.workflow;

/** Task queue names, in one place. */
public final class TaskQueues {
  /** Workflows and the light activities (requirements, analysis, progress). */
  public static final String PIPELINE = "testgen-pipeline";

  /**
   * Browser-heavy activities (observation, evolution). A separate queue so browser workers scale
   * apart from the rest; the default worker polls both.
   */
  public static final String BROWSER = "testgen-browser";

  private TaskQueues() {}
}
