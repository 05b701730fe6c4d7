package io.testgen.common.workflow;

/**
 * The bounds of a run's options, checked by the gateway's annotations, the workflow's own validator
 * and the crawler's clamps. Compile-time constants, so annotations can use them.
 */
public final class RunLimits {
  private RunLimits() {}

  /** Smallest value of every bounded count below. */
  public static final int MIN = 1;

  public static final int MAX_DEPTH = 5;
  public static final int MAX_PAGES = 500;
  public static final int MAX_SCENARIOS = 100;
  public static final int MAX_ITERATIONS = 20;
  public static final int MAX_VERIFY_RUNS = 10;

  /** Mutation analysis may take up to an hour; 0 turns it off. */
  public static final int MAX_MUTATION_BUDGET_SECONDS = 3600;

  /** One week. */
  public static final long MAX_REVIEW_TIMEOUT_SECONDS = 604_800;
}
