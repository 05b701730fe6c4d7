package io.testgen.worker.evolution;

/**
 * One run of one test.
 *
 * @param failedStep index of the failing step, -1 when passed
 */
record RunOutcome(boolean passed, int failedStep, String error, long durationMillis) {
  static RunOutcome pass(long millis) {
    return new RunOutcome(true, -1, null, millis);
  }
}
