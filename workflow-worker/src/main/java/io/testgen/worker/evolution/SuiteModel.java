package io.testgen.worker.evolution;

import io.testgen.common.agents.evolution.GeneratedTest;
import java.util.List;

/**
 * The test model of one run as stored in {@code runs/<wf>/suite.json}: every generated test with
 * its status, so a later run can evolve it as a baseline.
 *
 * @param baseUrl origin the suite was verified against
 */
public record SuiteModel(
    String workflowId, String targetUrl, String baseUrl, List<GeneratedTest> tests) {

  /** Tests that are in the suite: those that passed verification, repaired or not. */
  public List<GeneratedTest> suiteTests() {
    return tests.stream().filter(t -> inSuite(t.status())).toList();
  }

  static boolean inSuite(String status) {
    return "passed".equals(status) || "repaired".equals(status);
  }
}
